package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Same seed, same bits on any thread count, on an ecosystem large enough that every piece of work the fast engine
 * hands to its threads is handed over (the random ecosystems of {@link ReferenceEqualityTest} are mostly below the
 * hand-over thresholds): Aave's full re-screens and exact checks, Morpho's exact checks after each liquidation in a
 * market, the planning of thousands of positions per round, the books built, indexed and hashed.
 */
class ThreadCountEqualityTest {

    /** The benchmark's generated ecosystem at 20,000 lending and 1,000 perp accounts; ETH falls 30% over 100 blocks. */
    private static SimulationSetup cascade() {
        return CascadeSimulatorTestSupport.generatedCascade(20_000, 1_000, 20261205L, 1800);
    }

    @Test
    void oneTwoAndThreeThreadsEndInTheSameState() {
        SimulationSetup setup = cascade();
        SimulationResult one = CascadeSimulator.withThreads(1).run(setup);
        assertThat(one.summary().liquidations()).as("a cascade with work to spread").isGreaterThan(1000);
        SimulationResult two = CascadeSimulator.withThreads(2).run(setup);
        assertThat(two.stateHash()).as("two threads vs one").isEqualTo(one.stateHash());
        assertThat(two.events()).isEqualTo(one.events());
        // Every piece of work handed over however few its items (at this size some never reach the threshold).
        SimulationResult three = CascadeSimulator.run(setup, RunProgress.NONE,
                EngineOptions.fast(3).handingOverFrom(1));
        assertThat(three.stateHash()).as("three threads, everything handed over, vs one").isEqualTo(one.stateHash());
        assertThat(three.events()).isEqualTo(one.events());
    }
}
