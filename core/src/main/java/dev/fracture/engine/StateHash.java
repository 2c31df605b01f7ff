package dev.fracture.engine;

import java.util.List;
import java.util.Map;

/**
 * A run's state hash ({@link SimulationResult#stateHash}): a SHA-256 over the trace ({@link Trace#hash}), every landed
 * liquidation, every entry of the event log, each liquidator's books and every protocol book's final positions, bit
 * for bit — equal hashes, bit-identical runs. The reference simulator and the fast engine, and the fast engine on any
 * thread count, are held to the same hash by it. The records are written field by field ({@link RecordDigest}), each
 * list after its count, on the threads a slice at a time and fed to the digest in order: the same bytes on any thread
 * count.
 */
final class StateHash {
    private StateHash() {
    }

    static String of(Trace trace, List<LiquidationEvent> events, List<RunEvent> log,
                     Map<String, SimulationResult.LiquidatorOutcome> outcomes, List<ProtocolBook> books,
                     Workers workers) {
        StateDigest d = new StateDigest().add(trace.hash());
        d.add(events.size());
        d.addEncoded(workers, events.size(), 160, (out, i) -> RecordDigest.write(out, events.get(i)));
        d.add(log.size());
        d.addEncoded(workers, log.size(), 96, (out, i) -> RecordDigest.write(out, log.get(i)));
        DigestBytes ledgers = new DigestBytes(64 * outcomes.size() + 4);
        ledgers.putInt(outcomes.size());
        outcomes.forEach((id, o) -> RecordDigest.write(ledgers, id, o));
        d.addBytes(ledgers);
        for (ProtocolBook b : books) {
            d.add(b.id().value());
            b.digest(d);
        }
        return d.hex();
    }
}
