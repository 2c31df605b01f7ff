package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AssetId;
import dev.fracture.model.BridgeId;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.VenueId;
import dev.fracture.scenario.GeometricBrownianMotion;
import dev.fracture.scenario.LiquidityProviderSpec;
import dev.fracture.scenario.MitigationSpec;
import dev.fracture.scenario.PriceDriver;
import dev.fracture.scenario.Scenario;
import dev.fracture.scenario.ScenarioEvent;
import dev.fracture.scenario.TimeSeries;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Scenario drivers and events as the engine sees them, on the small engine-test ecosystem ($2,000 ETH). */
class ScenarioSetupTest {
    private static final AssetId ETH = AssetId.of("ETH");
    private static final AssetId USDC = AssetId.of("USDC");

    private static Scenario scenario(List<PriceDriver> drivers, List<ScenarioEvent> events,
                                     List<MitigationSpec> mitigations) {
        return new Scenario("t", "engine-test", 600, 5, drivers, null, events, mitigations, List.of(), List.of());
    }

    private static ScenarioSetup.Prepared prepare(Scenario s) {
        return ScenarioSetup.of(s, CascadeSimulatorTestSupport.ecosystem("10", "15000"), s.seed());
    }

    @Test
    void stepAndPointPathsBecomeBasePrices() {
        ScenarioSetup.Prepared step = prepare(scenario(List.of(new PriceDriver.StepShock(ETH, -0.25, 120)), List.of(),
                List.of()));
        assertThat(step.setup().basePrices().usd(ETH, 119)).isEqualTo(2000);
        assertThat(step.setup().basePrices().usd(ETH, 120)).isEqualTo(1500);
        assertThat(step.setup().basePrices().usd(USDC, 300)).isEqualTo(1);
        assertThat(step.setup().basePrices().drives(ETH)).isTrue();
        assertThat(step.setup().basePrices().drives(USDC)).isFalse();

        TimeSeries points = new TimeSeries("eth", "USD", new long[] {0, 100, 200}, new double[] {200, 150, 100});
        ScenarioSetup.Prepared path = prepare(scenario(List.of(new PriceDriver.PathPoints(ETH, points, true)),
                List.of(), List.of()));
        // Rebased to the snapshot's $2,000: ×10; halfway between 150 and 100 at t = 150.
        assertThat(path.setup().basePrices().usd(ETH, 150)).isCloseTo(1250, within(1e-9));
    }

    @Test
    void stochasticPathsAreSeededAndReproducible() {
        List<PriceDriver> gbm = List.of(new PriceDriver.Stochastic(ETH, new GeometricBrownianMotion(0, 0.8), 60));
        BasePrices a = prepare(scenario(gbm, List.of(), List.of())).setup().basePrices();
        BasePrices b = prepare(scenario(gbm, List.of(), List.of())).setup().basePrices();
        for (long t = 0; t <= 600; t += 30) {
            assertThat(a.usd(ETH, t)).isEqualTo(b.usd(ETH, t));
        }
        assertThat(a.usd(ETH, 0)).isEqualTo(2000);
        assertThat(a.usd(ETH, 59)).isEqualTo(a.usd(ETH, 0));
        assertThat(a.usd(ETH, 600)).isNotEqualTo(2000);
        // The first driver's asset is the run's shock, whichever way its path ends.
        assertThat(a.primary()).isEqualTo(ETH);
        assertThat(prepare(scenario(List.of(), List.of(), List.of())).setup().basePrices().primary()).isNull();
    }

    @Test
    void eventsBecomeFeesFaultsAndLossesAndTheRestIsNamed() {
        ScenarioSetup.Prepared p = prepare(scenario(List.of(), List.of(
                new ScenarioEvent.GasSpike(ChainId.of("ethereum"), 100, 200, 300),
                new ScenarioEvent.OracleWrongValue(OracleId.of("eth-usd"), 10, 20, 0.5),
                new ScenarioEvent.StablecoinDepeg(USDC, 300, 0.12, 0),
                new ScenarioEvent.BridgeHalt(BridgeId.of("b"), 50, OptionalLong.empty())),
                List.of(new MitigationSpec.IsolatedMarkets(ProtocolId.of("lender")))));
        SimulationSetup s = p.setup();
        Chain chain = s.snapshot().chains().get(0);
        assertThat(s.baseFees().gwei(chain, 99)).isEqualTo(10);
        assertThat(s.baseFees().gwei(chain, 150)).isEqualTo(300);
        assertThat(s.oracleFaults()).singleElement().satisfies(f -> assertThat(f.factor()).isEqualTo(0.5));
        assertThat(s.basePrices().usd(USDC, 299)).isEqualTo(1);
        assertThat(s.basePrices().usd(USDC, 400)).isCloseTo(0.88, within(1e-12));
        assertThat(p.notSimulated()).isEmpty();
        assertThat(s.mitigations()).containsExactly(new MitigationSpec.IsolatedMarkets(ProtocolId.of("lender")));
    }

    @Test
    void aMitigationNamingWhatTheSnapshotLacksIsRejectedWithItsPlace() {
        assertThatThrownBy(() -> prepare(scenario(List.of(), List.of(),
                List.of(new MitigationSpec.IsolatedMarkets(ProtocolId.of("nowhere"))))))
                .hasMessage("mitigation IsolatedMarkets (mitigations[0]): protocol 'nowhere' is not a protocol of "
                        + "snapshot 'engine-test'");
    }

    @Test
    void aWrongOracleValueTriggersLiquidationsThePriceDoesNot() {
        // ETH stays at $2,000, but the feed reports half of it for ten seconds: HF = 10 × 1000 × 0.8 / 15000 = 0.53.
        ScenarioSetup.Prepared p = prepare(scenario(List.of(), List.of(
                new ScenarioEvent.OracleWrongValue(OracleId.of("eth-usd"), 100, 130, 0.5)), List.of()));
        SimulationSetup s = p.setup();
        SimulationResult r = CascadeSimulator.DEFAULT.run(new SimulationSetup(s.snapshot(), s.horizonSeconds(), 1,
                s.basePrices(), Map.of(), List.of(CascadeSimulatorTestSupport.FLASH), 0, s.baseFees(),
                s.oracleFaults(), s.backingLosses()));
        assertThat(r.events()).isNotEmpty();
        assertThat(r.events().get(0).time()).isBetween(100L, 130L);
    }

    @Test
    void everyScenarioEventIsLoggedWhenItTakesEffect() {
        // Ethereum blocks come every 12 s: an event at t is logged in the first block at or after t.
        ScenarioSetup.Prepared p = prepare(scenario(List.of(), List.of(
                new ScenarioEvent.OracleFreeze(OracleId.of("eth-usd"), 100, 200),
                new ScenarioEvent.OracleStale(OracleId.of("usdc-usd"), 110, 200),
                new ScenarioEvent.OracleWrongValue(OracleId.of("eth-usd"), 300, 310, 1.1),
                new ScenarioEvent.BridgeHalt(BridgeId.of("b"), 50, OptionalLong.empty()),
                new ScenarioEvent.BridgeExploit(BridgeId.of("b"), 400, 0.5),
                new ScenarioEvent.LiquidityWithdrawal(List.of(VenueId.of("pool")), 0.5, 250),
                new ScenarioEvent.GasSpike(ChainId.of("ethereum"), 130, 140, 500),
                new ScenarioEvent.StablecoinDepeg(USDC, 500, 0.05, 0)), List.of()));
        assertThat(p.notSimulated()).isEmpty();
        SimulationResult r = CascadeSimulator.DEFAULT.run(p.setup());
        assertThat(r.log()).extracting(RunEvent::kind, RunEvent::time).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bridge-halt", 60L),
                org.assertj.core.groups.Tuple.tuple("oracle-freeze", 108L),
                org.assertj.core.groups.Tuple.tuple("oracle-stale", 120L),
                org.assertj.core.groups.Tuple.tuple("gas-spike", 132L),
                org.assertj.core.groups.Tuple.tuple("lp-withdrawal", 252L),
                org.assertj.core.groups.Tuple.tuple("oracle-wrong", 300L),
                org.assertj.core.groups.Tuple.tuple("bridge-exploit", 408L),
                org.assertj.core.groups.Tuple.tuple("depeg", 504L));
    }

    @Test
    void theScenariosLiquidityProvidersBecomeTheEnginesRule() {
        Scenario s = new Scenario("t", "engine-test", 600, 5, List.of(), null, List.of(), List.of(), List.of(),
                List.of(), new LiquidityProviderSpec(1800, 0.02, 3, 0.4));
        assertThat(prepare(s).setup().dynamics().providers())
                .isEqualTo(new LiquidityProviderRule(true, 1800, 0.02, 3, 0.4));
        assertThat(prepare(scenario(List.of(), List.of(), List.of())).setup().dynamics().providers().enabled())
                .isFalse();
    }
}
