package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.EcosystemSnapshot;
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
        long seed = 20261205L;
        GeneratedEcosystem.Generated g = GeneratedEcosystem.of(
                GeneratedEcosystem.Size.benchmark().withAccounts(10_000, 500), seed);
        EcosystemSnapshot snapshot = g.snapshot();
        BasePrices path = new BasePrices() {
            @Override
            public double usd(AssetId asset, long t) {
                double p0 = snapshot.asset(asset).orElseThrow().referencePriceUsd();
                return asset.equals(GeneratedEcosystem.ETH) ? p0 * (1 - 0.3 * Math.min(1.0, t / 1200.0)) : p0;
            }

            @Override
            public boolean drives(AssetId asset) {
                return !(snapshot.asset(asset).orElseThrow().kind() instanceof AssetKind.Bridged);
            }
        };
        return new SimulationSetup(snapshot, 3600, seed, path, g.impact(), g.liquidators(),
                SimulationSetup.DEFAULT_ARBITRAGE_CAPITAL_USD_PER_BLOCK);
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
