package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.EcosystemSnapshot;
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
        GeneratedEcosystem.Generated g = GeneratedEcosystem.of(
                GeneratedEcosystem.Size.benchmark().withAccounts(20_000, 1_000), 20261205L);
        EcosystemSnapshot snapshot = g.snapshot();
        double eth0 = snapshot.asset(GeneratedEcosystem.ETH).orElseThrow().referencePriceUsd();
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
        return new SimulationSetup(snapshot, 1800, 20261205L, path, g.impact(), g.liquidators(),
                SimulationSetup.DEFAULT_ARBITRAGE_CAPITAL_USD_PER_BLOCK);
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
