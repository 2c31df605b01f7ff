package dev.fracture.engine;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the actors of a run other than lending books and liquidators, from the snapshot and the setup, in a fixed
 * order (the order they act in within a block): the snapshot's perp exchanges and options dealers, in snapshot order.
 */
final class Participants {
    private Participants() {
    }

    static List<BlockParticipant> of(SimulationSetup setup) {
        List<BlockParticipant> out = new ArrayList<>();
        EcosystemSnapshot snapshot = setup.snapshot();
        for (ProtocolSpec p : snapshot.protocols()) {
            if (p instanceof ProtocolSpec.PerpExchange perp) {
                out.add(new PerpExchangeParticipant(perp, snapshot));
            } else if (p instanceof ProtocolSpec.OptionsDealer dealer) {
                out.add(new OptionsDealerParticipant(dealer, snapshot));
            }
        }
        return out;
    }

    /** Whether a protocol takes part in a run as a participant (so it is not one the engine leaves out). */
    static boolean simulates(ProtocolSpec protocol) {
        return protocol instanceof ProtocolSpec.PerpExchange || protocol instanceof ProtocolSpec.OptionsDealer;
    }
}
