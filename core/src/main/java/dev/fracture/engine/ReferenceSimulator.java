package dev.fracture.engine;

/**
 * The short, obviously-correct engine kept beside the fast one (DESIGN.md, "Two engines, one answer"; the same
 * practice as exchange-core's naive order book): every block it checks every position of every book with the
 * protocol's own check, every liquidator routes every sale it considers afresh, and one thread does everything. It
 * shares the model — protocol mechanics, agents, venues, oracles — with {@link CascadeSimulator}, and differs only in
 * how it finds and schedules work, so any difference in their {@link SimulationResult#stateHash()} is a bug in a
 * shortcut of the fast engine.
 */
public final class ReferenceSimulator {
    public static final ReferenceSimulator DEFAULT = new ReferenceSimulator();

    public SimulationResult run(SimulationSetup setup) {
        return CascadeSimulator.run(setup, RunProgress.NONE, EngineOptions.REFERENCE);
    }
}
