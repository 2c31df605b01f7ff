package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AssetId;
import dev.fracture.scenario.PriceDriver;
import dev.fracture.scenario.ScenarioEvent;
import dev.fracture.scenario.ScenarioValidator;
import dev.fracture.scenario.TimeSeries;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BundledScenariosTest {

    @Test
    void everyBundledScenarioLoadsAndFitsItsEcosystem() {
        for (String name : BundledScenarios.names()) {
            LoadedScenario loaded = BundledScenarios.load(name);
            assertThat(loaded.scenario().name()).isEqualTo(name);
            String ecosystem = name.equals("black-thursday-2020-maker") ? "maker-2020" : "defi-2025";
            assertThat(loaded.snapshot().name()).isEqualTo(ecosystem);
            assertThat(ScenarioValidator.DEFAULT.validate(loaded.scenario(), BundledEcosystems.load(ecosystem)))
                    .isEmpty();
        }
    }

    @Test
    void ethCrash30DropsEthThirtyPercentAtTenMinutes() {
        LoadedScenario loaded = BundledScenarios.load("eth-crash-30");
        assertThat(loaded.scenario().horizonSeconds()).isEqualTo(7200);
        assertThat(loaded.scenario().drivers()).contains(new PriceDriver.StepShock(AssetId.of("eth"), -0.30, 600));
        assertThat(loaded.scenario().impact()).anyMatch(i -> i.asset().equals(AssetId.of("eth")));
        assertThat(loaded.scenario().liquidators()).flatExtracting(l -> l.profiles()).hasSize(8);
    }

    @Test
    void blackThursdayFollowsThe2020PathRebasedToTodaysPrice() {
        LoadedScenario loaded = BundledScenarios.load("black-thursday-2020");
        PriceDriver.PathPoints eth = (PriceDriver.PathPoints) loaded.scenario().drivers().get(0);
        assertThat(eth.path().size()).isEqualTo(145);
        assertThat(eth.path().first()).isEqualTo(195.21);
        assertThat(eth.path().last()).isEqualTo(107.52);
        TimeSeries today = eth.prices(3300);
        assertThat(today.first()).isEqualTo(3300);
        assertThat(today.maxDrawdown()).isEqualTo(eth.path().maxDrawdown(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(loaded.scenario().events()).hasSize(24).allMatch(e -> e instanceof ScenarioEvent.GasSpike);
    }

    /** The transcription is checked against the source file where ../shared is present; a clone has no ../shared. */
    @Test
    void blackThursdayPointsAreTheFilesCloses() throws IOException {
        Path source = SharedData.dir().resolve("crash-days/eth-usd-10min-03-12-2020.json");
        TimeSeries closes = MarketDataReader.ohlcvBars(source, MarketDataReader.BarField.CLOSE, "USD");
        PriceDriver.PathPoints eth = (PriceDriver.PathPoints) BundledScenarios.load("black-thursday-2020").scenario()
                .drivers().get(0);
        for (int i = 0; i < closes.size(); i++) {
            assertThat(eth.path().value(i + 1)).as("close of bar %d", i)
                    .isEqualTo(Math.round(closes.value(i) * 100) / 100.0);
        }
    }

    /** The drift is chosen so the median path ends the hour 30% down: (mu - sigma^2/2) * T = ln 0.7, T in years. */
    @Test
    void defi2025StressFallsThirtyPercentInMedianOverAnHourWithEveryMitigationType() {
        LoadedScenario loaded = BundledScenarios.load("defi-2025-stress");
        assertThat(loaded.scenario().horizonSeconds()).isEqualTo(3600);
        PriceDriver.Stochastic eth = (PriceDriver.Stochastic) loaded.scenario().drivers().get(0);
        assertThat(eth.asset()).isEqualTo(AssetId.of("eth"));
        dev.fracture.scenario.GeometricBrownianMotion gbm = (dev.fracture.scenario.GeometricBrownianMotion) eth.generator();
        double years = 3600.0 / (365 * 86400);
        double medianMove = Math.exp((gbm.drift() - gbm.volatility() * gbm.volatility() / 2) * years);
        assertThat(medianMove).isCloseTo(0.70, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(loaded.scenario().mitigations()).hasSize(10)
                .extracting(m -> m.getClass()).doesNotHaveDuplicates();
        assertThat(loaded.scenario().events()).hasAtLeastOneElementOfType(ScenarioEvent.OracleFreeze.class)
                .hasAtLeastOneElementOfType(ScenarioEvent.GasSpike.class);
    }

    @Test
    void anUnknownNameListsTheBundledOnes() {
        assertThatThrownBy(() -> BundledScenarios.load("nope"))
                .hasMessage("unknown bundled scenario 'nope' (bundled: eth-crash-30, black-thursday-2020, "
                        + "black-thursday-2020-maker, defi-2025-stress)");
    }
}
