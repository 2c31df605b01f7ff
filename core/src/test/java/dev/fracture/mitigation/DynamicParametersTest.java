package dev.fracture.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.SimulationResult;
import dev.fracture.scenario.MitigationSpec;
import org.junit.jupiter.api.Test;

/**
 * ETH steps −10% at 60 s. Its realised volatility over the hour after is one log return of ln 0.9, annualised:
 * σ = |ln 0.9| × √(31,536,000 / 3,600) = 0.10536 × 93.59 = 9.861.
 */
class DynamicParametersTest {
    private static final double SIGMA = Math.abs(Math.log(0.9)) * Math.sqrt(365 * 86_400 / 3600.0);

    private static SimulationResult run(Fixture f, long horizon, double threshold) {
        return Fixture.run(f.snapshot(), horizon, Fixture.ethStep(1800, 60), 0,
                new MitigationSpec.DynamicParameters(threshold, 1000, 300, 60));
    }

    @Test
    void thePenaltyIsCutOnlyAboveTheVolatilityThreshold() {
        assertThat(SIGMA).isCloseTo(9.861, within(1e-3));
        // Above: bonus 5% − 300 bps = 2%: 7500 × 1.02 / 1800 = 4.25 ETH for half of alice's debt.
        SimulationResult high = run(Fixture.alice("10", "15000"), 120, SIGMA - 0.01);
        assertThat(high.events()).singleElement().satisfies(e ->
                assertThat(e.seized()).isCloseTo(7500 * 1.02 / 1800, within(1e-12)));
        assertThat(high.log()).filteredOn(e -> e.kind().equals("regime-high")).singleElement()
                .satisfies(e -> assertThat(e.time()).isEqualTo(60));
        // Just below: the reserve's 5%: 4.375 ETH.
        SimulationResult normal = run(Fixture.alice("10", "15000"), 120, SIGMA + 0.01);
        assertThat(normal.events()).singleElement().satisfies(e ->
                assertThat(e.seized()).isCloseTo(4.375, within(1e-12)));
    }

    /**
     * An account in e-mode is paid its category's bonus, so the cut applies to that: category bonus 1%, cut 50 bps,
     * 0.5% left: 7500 × 1.005 / 1800 = 4.1875 ETH for half of alice's debt (HF = 10 × 1800 × 0.8 / 15000 = 0.96),
     * against 7500 × 1.01 / 1800 without the mitigation. (The reserve's own 5% is not what an e-mode account is paid;
     * before the cut reached the category, the e-mode account's seizure stayed at 1% under the mitigation.)
     */
    @Test
    void thePenaltyCutReachesTheBonusOfAnEModeCategory() {
        Fixture f = Fixture.alice("10", "15000");
        f.eModeBonusBps = 10_100;
        SimulationResult without = Fixture.run(f.snapshot(), 120, Fixture.ethStep(1800, 60), 0);
        assertThat(without.events()).singleElement().satisfies(e ->
                assertThat(e.seized()).isCloseTo(7500 * 1.01 / 1800, within(1e-12)));
        SimulationResult cut = Fixture.run(f.snapshot(), 120, Fixture.ethStep(1800, 60), 0,
                new MitigationSpec.DynamicParameters(SIGMA - 0.01, 1000, 50, 60));
        assertThat(cut.events()).singleElement().satisfies(e ->
                assertThat(e.seized()).isCloseTo(7500 * 1.005 / 1800, within(1e-12)));
    }

    @Test
    void theLtvCutCostsTheBorrowingPowerOfTheVolatileCollateral() {
        // 10 ETH × $2,000 × min(75%, 10%) = $2,000 once ETH entered the high regime; nothing when it did not.
        assertThat(Fixture.outcome(run(Fixture.alice("10", "15000"), 120, SIGMA - 0.01), "dynamic-parameters")
                .capitalCostUsd()).isCloseTo(2000, within(1e-9));
        assertThat(Fixture.outcome(run(Fixture.alice("10", "15000"), 120, SIGMA + 0.01), "dynamic-parameters")
                .capitalCostUsd()).isZero();
    }

    @Test
    void feedsUpdateAtTheShortenedHeartbeatInTheHighRegime() {
        // A feed with a 50% deviation threshold and a one-hour heartbeat ignores the −10% step: no liquidation in ten
        // minutes. In the high regime its heartbeat is 60 s: last updated at 0 s, it reports $1,800 at 60 s.
        Fixture sluggish = Fixture.alice("10", "15000");
        sluggish.ethDeviationBps = 5000;
        SimulationResult normal = run(sluggish, 600, SIGMA + 0.01);
        assertThat(Fixture.at(normal, "oracle:eth-usd", 600)).isEqualTo(2000);
        assertThat(normal.events()).isEmpty();
        SimulationResult high = run(sluggish, 600, SIGMA - 0.01);
        assertThat(Fixture.at(high, "oracle:eth-usd", 48)).isEqualTo(2000);
        assertThat(Fixture.at(high, "oracle:eth-usd", 60)).isEqualTo(1800);
        assertThat(high.events()).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(60));
    }
}
