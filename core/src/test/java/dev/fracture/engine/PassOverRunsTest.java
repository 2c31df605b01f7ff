package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Passing positions over in runs ({@link PassOverCover}) ends in the state of testing each one on its own, on the
 * benchmark's cascade at 10,000 lending accounts: ETH falls 30% over 100 blocks of 300, deep enough that listings
 * stand for many rounds with thousands of positions nobody takes, so the runs decide most of those rounds' checks.
 * (Covering every position the round screens, instead of those in runs passed over, ends elsewhere here: the state
 * hash moved from {@code 16ff6582…} to {@code c458eca6…} in the benchmark's run of this size.)
 */
class PassOverRunsTest {

    /** The benchmark's workload (bench module, {@code CascadeWorkload}) at 10,000 lending and 500 perp accounts. */
    private static SimulationSetup cascade() {
        return CascadeSimulatorTestSupport.generatedCascade(10_000, 500, 20261205L, 3600);
    }

    @Test
    void runsPassedOverWholeEndInTheStateOfEachPositionTested() {
        SimulationSetup setup = cascade();
        EngineOptions fast = EngineOptions.fast(2);
        SimulationResult each = CascadeSimulator.run(setup, RunProgress.NONE, fast.testingEachPosition());
        assertThat(each.summary().liquidations()).as("a deep cascade").isGreaterThan(2000);
        SimulationResult runs = CascadeSimulator.run(setup, RunProgress.NONE, fast);
        assertThat(runs.stateHash()).as("runs passed over whole vs each position tested").isEqualTo(each.stateHash());
        assertThat(runs.events()).isEqualTo(each.events());
    }
}
