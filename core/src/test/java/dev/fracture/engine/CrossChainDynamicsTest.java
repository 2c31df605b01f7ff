package dev.fracture.engine;

import static dev.fracture.engine.TwoChainEcosystem.CANONICAL;
import static dev.fracture.engine.TwoChainEcosystem.POOL_ARB;
import static dev.fracture.engine.TwoChainEcosystem.POOL_ETH;
import static dev.fracture.engine.TwoChainEcosystem.WETH_ARB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.market.ConstantProductPool;
import dev.fracture.market.Venue;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.scenario.ScenarioEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Bridges in the run, on {@link TwoChainEcosystem}: ETH steps from $2,000 to $2,200 at 60 s (or a bridge is
 * exploited), WETH.arb's reference follows, and the Arbitrum pool can only follow as fast as the bridge lets
 * arbitrageurs take the WETH.arb they buy home.
 */
class CrossChainDynamicsTest {
    private static final long HORIZON = 3700;

    private static SimulationSetup setup(EcosystemSnapshot s, BasePrices base, MarketDynamics d) {
        return new SimulationSetup(s, HORIZON, 1, base, Map.of(), List.of(),
                SimulationSetup.DEFAULT_ARBITRAGE_CAPITAL_USD_PER_BLOCK).withDynamics(d);
    }

    private static double at(SimulationResult r, String column, long time) {
        double[] series = r.trace().series(column);
        double value = Double.NaN;
        for (int i = 0; i < series.length; i++) {
            if (r.trace().times()[i] == time) {
                value = series[i];
            }
        }
        return value;
    }

    @Test
    void arbitrageOfABridgedTokenIsLimitedByTheBridgesCapacityPerHourAndItsLatency() {
        // Capacity $22,000 an hour = 10 WETH.arb at $2,200; latency 600 s; no inventory held on Arbitrum.
        EcosystemSnapshot s = TwoChainEcosystem.of(600, 22_000, 10, null, null);
        List<BlockInspector.State> states = new ArrayList<>();
        SimulationResult r = CascadeSimulator.DEFAULT.runInspected(setup(s, TwoChainEcosystem.ethStep(2200, 60),
                MarketDynamics.NONE.withBridgedInventoryUsd(0)), states::add);
        // At 60 s arbitrageurs may buy only what the bridge can take home this hour: 10 WETH.arb out of the
        // fee-free 1,000 / 2,000,000 pool leaves 990 against 2,000,000,000 / 990 USDC: spot 2e9 / 990².
        double after10 = 2e9 / (990.0 * 990.0);
        assertThat(at(r, "venue:" + POOL_ARB, 48)).isCloseTo(2000, within(1e-9));
        assertThat(at(r, "venue:" + POOL_ARB, 60)).isCloseTo(after10, within(1e-6));
        // The 10 leave at 72 s and use the hour's capacity: the gap to $2,200 persists until 72 + 3600 s.
        assertThat(at(r, "venue:" + POOL_ARB, 3660)).isCloseTo(after10, within(1e-6));
        assertThat(at(r, "venue:" + POOL_ARB, 3672)).isCloseTo(2e9 / (980.0 * 980.0), within(1e-6));
        // In flight from 72 s until they land at 72 + 600 = 672 s.
        assertThat(inFlightAt(states, 72)).isCloseTo(10, within(1e-9));
        assertThat(inFlightAt(states, 660)).isCloseTo(10, within(1e-9));
        assertThat(inFlightAt(states, 672)).isZero();
        // Meanwhile Ethereum's pool, arbitraged against the global market directly, is at $2,200 from 60 s.
        assertThat(at(r, "venue:" + POOL_ETH, 60)).isCloseTo(2200, within(1e-6));
    }

    private static double inFlightAt(List<BlockInspector.State> states, long t) {
        return states.stream().filter(x -> x.now() == t).reduce((a, b) -> b).orElseThrow().inFlight()
                .getOrDefault(WETH_ARB, 0.0);
    }

    @Test
    void aHaltedBridgeStopsCrossChainArbitrageForItsWindowAndTheGapClosesAfter() {
        EcosystemSnapshot s = TwoChainEcosystem.of(600, 1e9, 10, null, null);
        List<BlockInspector.State> states = new ArrayList<>();
        MarketDynamics halt = MarketDynamics.NONE.withBridgedInventoryUsd(0).withEvents(List.of(
                new ScenarioEvent.BridgeHalt(CANONICAL, 0, OptionalLong.of(1200))));
        SimulationResult r = CascadeSimulator.DEFAULT.runInspected(setup(s, TwoChainEcosystem.ethStep(2200, 60), halt),
                states::add);
        for (long t = 60; t < 1200; t += 12) {
            assertThat(at(r, "venue:" + POOL_ARB, t)).as("t = %d", t).isEqualTo(2000);
        }
        assertThat(states.stream().filter(x -> x.now() < 1200)).allSatisfy(x -> {
            assertThat(x.inventory().get(WETH_ARB)).isZero();
            assertThat(x.inFlight()).isEmpty();
        });
        // From 1200 s the bridge carries again and one block closes the gap down to the bridge's fee: WETH.arb bought
        // is worth 2,200 × (1 − 0.001) once home, so the fee-free pool stops at a spot of 2,197.8.
        assertThat(at(r, "venue:" + POOL_ARB, 1200)).isCloseTo(2200 * 0.999, within(1e-6));
        assertThat(r.log()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("bridge-halt");
            assertThat(e.subject()).isEqualTo("canonical");
            assertThat(e.time()).isEqualTo(12);
        });
    }

    @Test
    void anExploitedBridgesTokenRepricesOnItsChainsVenuesAndIsLogged() {
        // 30% of the backing lost at 60 s: WETH.arb's reference is 0.7 × 2,000 = 1,400. Arbitrageurs sell
        // WETH.arb from the $5M they hold on Arbitrum (2,500 tokens) until the pool's spot is what a token costs them
        // to restock across the bridge, 1,400 / (1 − 0.001): x·y = k takes 1000(√(2000 × 0.999 / 1400) − 1) = 194.5
        // tokens, well within inventory and capital.
        EcosystemSnapshot s = TwoChainEcosystem.of(600, 1e9, 10, null, null);
        MarketDynamics exploit = MarketDynamics.NONE.withEvents(List.of(
                new ScenarioEvent.BridgeExploit(CANONICAL, 60, 0.3)));
        List<BlockInspector.State> states = new ArrayList<>();
        SimulationResult r = CascadeSimulator.DEFAULT.runInspected(setup(s, TwoChainEcosystem.ethStep(2000, 0), exploit),
                states::add);
        assertThat(at(r, "ref:" + WETH_ARB, 60)).isCloseTo(1400, within(1e-9));
        assertThat(at(r, "venue:" + POOL_ARB, 60)).isCloseTo(1400 / 0.999, within(1e-6));
        assertThat(states.stream().filter(x -> x.now() == 60).findFirst().orElseThrow().inventory().get(WETH_ARB))
                .isCloseTo(2500 - 1000 * (Math.sqrt(2000 * 0.999 / 1400) - 1), within(1e-6));
        // The venue's price fell from 2,000 to 1,401.4: a 29.9% drawdown; the reference of ETH itself did not move.
        assertThat(r.summary().venueMaxDrawdown().get(POOL_ARB)).isCloseTo(1 - 0.7 / 0.999, within(1e-9));
        assertThat(r.summary().maxDrawdown().get(TwoChainEcosystem.ETH)).isZero();
        assertThat(r.log()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("bridge-exploit");
            assertThat(e.detail()).contains("WETH.arb reference 1400.000000");
        });
    }

    @Test
    void tokensAreConservedEveryBlockExceptForFlowsFromOutside() {
        // Everything moving at once: a crash, a liquidation on each chain, providers withdrawing by rule and by event,
        // a capacity-bound bridge with latency and a fee. Per asset, venues + arbitrage inventory + in flight +
        // providers' holdings − net flows from outside (arbitrage on the global market, bridge fees, collateral sold
        // and proceeds taken by liquidators) stays what it was.
        EcosystemSnapshot s = TwoChainEcosystem.of(300, 50_000, 10, new String[] {"10", "15000"},
                new String[] {"10", "15000"});
        MarketDynamics d = MarketDynamics.NONE.withBridgedInventoryUsd(1_000_000)
                .withProviders(LiquidityProviderRule.DEFAULT)
                .withEvents(List.of(new ScenarioEvent.LiquidityWithdrawal(List.of(POOL_ARB), 0.25, 600)));
        SimulationSetup setup = new SimulationSetup(s, 1800, 3, TwoChainEcosystem.ethStep(1500, 60), Map.of(),
                List.of(CascadeSimulatorTestSupport.FLASH), 100_000).withDynamics(d);
        List<BlockInspector.State> states = new ArrayList<>();
        List<Map<AssetId, Double>> inVenues = new ArrayList<>();
        SimulationResult r = CascadeSimulator.DEFAULT.runInspected(setup, x -> {
            // The market is live: read the reserves now, after this block.
            Map<AssetId, Double> reserves = new HashMap<>();
            for (Venue v : x.market().venues()) {
                for (AssetId a : v.assets()) {
                    reserves.merge(a, ((ConstantProductPool) v).reserve(a), Double::sum);
                }
            }
            states.add(x);
            inVenues.add(reserves);
        });
        assertThat(r.events()).hasSize(2);
        Map<AssetId, Double> start = Map.of(TwoChainEcosystem.ETH, 1000.0,
                TwoChainEcosystem.USDC, 2_000_000.0, WETH_ARB, 1000.0 + 1_000_000 / 2000.0,
                TwoChainEcosystem.USDC_ARB, 2_000_000.0);
        for (int k = 0; k < states.size(); k++) {
            BlockInspector.State x = states.get(k);
            Map<AssetId, Double> reserves = inVenues.get(k);
            start.forEach((asset, initial) -> {
                double liquidationIn = 0;
                for (LiquidationEvent e : r.events().subList(0, x.liquidations())) {
                    if (e.collateralAsset().equals(asset) && e.soldUsd() > 0) {
                        liquidationIn += e.seized();
                    }
                    if (e.debtAsset().equals(asset)) {
                        liquidationIn -= e.proceeds();
                    }
                }
                double held = reserves.getOrDefault(asset, 0.0)
                        + x.inventory().getOrDefault(asset, 0.0) + x.inFlight().getOrDefault(asset, 0.0)
                        + x.providersHeld().getOrDefault(asset, 0.0);
                double expected = initial + x.externalNet().getOrDefault(asset, 0.0) + liquidationIn;
                assertThat(held).as("%s after the block at %d s", asset, x.now())
                        .isCloseTo(expected, within(1e-9 * Math.max(1, initial)));
            });
        }
        // Not vacuous: providers took tokens out, the bridge carried some, and the global market supplied others.
        assertThat(states.get(states.size() - 1).providersHeld()).isNotEmpty();
        assertThat(states).anySatisfy(x -> assertThat(x.inFlight()).isNotEmpty());
        assertThat(states.get(states.size() - 1).externalNet()).isNotEmpty();
    }

    @Test
    void withEveryDynamicOnTheSameSeedStillGivesTheSameBits() {
        EcosystemSnapshot s = TwoChainEcosystem.of(300, 50_000, 10, new String[] {"10", "15000"},
                new String[] {"10", "15000"});
        MarketDynamics d = MarketDynamics.NONE.withBridgedInventoryUsd(1_000_000)
                .withProviders(LiquidityProviderRule.DEFAULT)
                .withEvents(List.of(new ScenarioEvent.LiquidityWithdrawal(List.of(POOL_ARB), 0.25, 600),
                        new ScenarioEvent.BridgeHalt(CANONICAL, 700, OptionalLong.of(900))));
        SimulationSetup setup = new SimulationSetup(s, 1800, 3, TwoChainEcosystem.ethStep(1500, 60), Map.of(),
                List.of(CascadeSimulatorTestSupport.FLASH), 100_000).withDynamics(d);
        assertThat(CascadeSimulator.DEFAULT.run(setup).trace().hash())
                .isEqualTo(CascadeSimulator.DEFAULT.run(setup).trace().hash());
        assertThat(CascadeSimulator.DEFAULT.run(setup.withDynamics(d.withUnified(true))).trace().hash())
                .isEqualTo(CascadeSimulator.DEFAULT.run(setup.withDynamics(d.withUnified(true))).trace().hash());
    }
}
