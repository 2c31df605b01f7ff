package dev.fracture.engine;

import dev.fracture.mitigation.MitigationOutcome;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.SortedMaps;
import java.util.List;
import java.util.Map;

/**
 * A run's outputs (with {@code stateHash}, a SHA-256 over the trace, every event, every liquidator's books and every
 * protocol book's final state: equal hashes mean bit-identical runs): the trace, the liquidations, the log of every other event (scenario events taking effect,
 * mitigations acting, perp liquidations), the summary, the liquidators' books, and the protocols of the
 * ecosystem that this engine does not simulate yet (their positions sit the run out, and the result says so), and
 * what each mitigation did and cost ({@link MitigationOutcome}; docs/mitigations.md). The liquidators' books iterate
 * in id order ({@link SortedMaps}): {@code Map.copyOf}'s order is salted per JVM, and a run's JSON printed them in
 * another order on each run of the same input.
 */
public record SimulationResult(long seed, Trace trace, List<LiquidationEvent> events, Summary summary,
                               Map<String, LiquidatorOutcome> liquidators, List<ProtocolId> notSimulated,
                               List<RunEvent> log, List<MitigationOutcome> mitigations, String stateHash) {
    public SimulationResult {
        if (stateHash == null || stateHash.isBlank()) {
            throw new IllegalArgumentException("simulation result: stateHash is required");
        }
        mitigations = List.copyOf(mitigations);
        log = List.copyOf(log);
        events = List.copyOf(events);
        liquidators = SortedMaps.copyOf(liquidators);
        notSimulated = List.copyOf(notSimulated);
    }

    /**
     * A result put together outside the engine (a report's test, a stored run): no mitigation, and the trace's hash
     * standing for the state hash, since there are no books to digest.
     */
    public SimulationResult(long seed, Trace trace, List<LiquidationEvent> events, Summary summary,
                            Map<String, LiquidatorOutcome> liquidators, List<ProtocolId> notSimulated,
                            List<RunEvent> log) {
        this(seed, trace, events, summary, liquidators, notSimulated, log, List.of(), trace.hash());
    }

    /** One liquidator's realized books at the end of the run, USD. */
    /**
     * One liquidator's run: liquidations landed, the transactions that reverted because their sale would not repay
     * their flash loan ({@code reverted}, gas spent and nothing else), and the figures of what landed.
     */
    public record LiquidatorOutcome(int liquidations, int reverted, double bonusUsd, double slippageUsd,
                                    double flashFeeUsd, double gasUsd, double profitUsd) {
    }
}
