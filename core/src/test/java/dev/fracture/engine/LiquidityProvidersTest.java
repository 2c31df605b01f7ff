package dev.fracture.engine;

import static dev.fracture.engine.TwoChainEcosystem.ETH;
import static dev.fracture.engine.TwoChainEcosystem.POOL_ETH;
import static dev.fracture.engine.TwoChainEcosystem.USDC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.scenario.ScenarioEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Liquidity providers on {@link TwoChainEcosystem}'s Ethereum pool (1,000 ETH / 2,000,000 USDC, fee-free). */
class LiquidityProvidersTest {
    private static final EcosystemSnapshot MARKET = TwoChainEcosystem.of(600, 1e9, 10, null, null);

    private static SimulationSetup setup(BasePrices base, MarketDynamics d) {
        return new SimulationSetup(MARKET, 600, 1, base, Map.of(), List.of(),
                SimulationSetup.DEFAULT_ARBITRAGE_CAPITAL_USD_PER_BLOCK).withDynamics(d);
    }

    /** Depth of the Ethereum pool within 2% after each block, read while the run is live. */
    private static List<double[]> depths(SimulationSetup s, List<SimulationResult> out) {
        List<double[]> depths = new ArrayList<>();
        out.add(CascadeSimulator.DEFAULT.runInspected(s, x -> depths.add(new double[] {x.now(),
                x.market().venue(POOL_ETH).orElseThrow().depth(ETH, USDC, 0.02)})));
        return depths;
    }

    private static double depthAt(List<double[]> depths, long t) {
        return depths.stream().filter(d -> d[0] == t).reduce((a, b) -> b).orElseThrow()[1];
    }

    @Test
    void aScheduledWithdrawalRemovesExactlyItsShareOfDepth() {
        MarketDynamics d = MarketDynamics.NONE.withEvents(List.of(
                new ScenarioEvent.LiquidityWithdrawal(List.of(POOL_ETH), 0.4, 120)));
        List<SimulationResult> runs = new ArrayList<>();
        List<double[]> depths = depths(setup(TwoChainEcosystem.ethStep(2000, 0), d), runs);
        // Fee-free x·y = k: depth to a 2% fall is R(1/√0.98 − 1), R the ETH reserve: 1,000 before, 600 after.
        double perEth = 1 / Math.sqrt(0.98) - 1;
        assertThat(depthAt(depths, 108)).isCloseTo(1000 * perEth, within(1e-9));
        assertThat(depthAt(depths, 120)).isCloseTo(600 * perEth, within(1e-9));
        SimulationResult r = runs.get(0);
        assertThat(r.trace().series("lpKept:" + POOL_ETH)[r.trace().blocks() - 1]).isCloseTo(0.6, within(1e-12));
        // 400 ETH at $2,000 and 800,000 USDC.
        assertThat(r.log()).filteredOn(e -> e.kind().equals("lp-withdrawal")).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(POOL_ETH.value());
            assertThat(e.time()).isEqualTo(120);
            assertThat(e.usd()).isCloseTo(1_600_000, within(1e-6));
        });
    }

    @Test
    void theWithdrawalFloorKeepsIncentivizedDepthIn() {
        MarketDynamics d = MarketDynamics.NONE.withEvents(List.of(
                new ScenarioEvent.LiquidityWithdrawal(List.of(POOL_ETH), 0.4, 120)))
                .withFloor((venue, now) -> venue.equals(POOL_ETH) ? 0.8 : 0);
        List<double[]> depths = depths(setup(TwoChainEcosystem.ethStep(2000, 0), d), new ArrayList<>());
        assertThat(depthAt(depths, 120)).isCloseTo(800 * (1 / Math.sqrt(0.98) - 1), within(1e-9));
    }

    @Test
    void providersWithdrawAsRealizedVolatilityRisesAndDoNotComeBack() {
        // ETH steps to $1,800 at 60 s; arbitrage carries the pool there in that block: one log return ln 0.9.
        // σ = |ln 0.9| = 0.10536 over the hour, so the share out is min(0.5, 5 × (0.10536 − 0.01)) = 0.47680.
        List<SimulationResult> runs = new ArrayList<>();
        depths(setup(TwoChainEcosystem.ethStep(1800, 60), MarketDynamics.NONE
                .withProviders(LiquidityProviderRule.DEFAULT)), runs);
        double[] kept = runs.get(0).trace().series("lpKept:" + POOL_ETH);
        long[] times = runs.get(0).trace().times();
        double expected = 1 - 5 * (-Math.log(0.9) - 0.01);
        for (int i = 0; i < times.length; i++) {
            if (runs.get(0).trace().chains()[i] == 1) {
                assertThat(kept[i]).as("t = %d", times[i]).isCloseTo(times[i] < 60 ? 1 : expected, within(1e-12));
            }
        }
    }

    @Test
    void anImpossibleRuleIsRefused() {
        assertThatThrownBy(() -> new LiquidityProviderRule(true, 0, 0.01, 5, 0.5))
                .hasMessageContaining("windowSeconds must be > 0");
        assertThatThrownBy(() -> new LiquidityProviderRule(true, 3600, Double.NaN, 5, 0.5))
                .hasMessageContaining("calmVolatility");
        assertThatThrownBy(() -> new LiquidityProviderRule(true, 3600, 0.01, 5, 1))
                .hasMessageContaining("maxShare must be in [0, 1)");
        assertThatThrownBy(() -> MarketDynamics.NONE.withBridgedInventoryUsd(-1))
                .hasMessageContaining("bridgedInventoryUsd must be a finite number >= 0 (was -1.0)");
    }
}
