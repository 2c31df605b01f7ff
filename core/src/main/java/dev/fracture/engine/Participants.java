package dev.fracture.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the actors of a run other than lending books and liquidators, from the snapshot and the setup, in a fixed
 * order (the order they act in within a block).
 */
final class Participants {
    private Participants() {
    }

    static List<BlockParticipant> of(SimulationSetup setup) {
        List<BlockParticipant> out = new ArrayList<>();
        return out;
    }
}
