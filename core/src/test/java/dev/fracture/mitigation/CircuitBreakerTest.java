package dev.fracture.mitigation;

import static dev.fracture.mitigation.Fixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.RunEvent;
import dev.fracture.engine.SimulationResult;
import dev.fracture.scenario.MitigationSpec;
import org.junit.jupiter.api.Test;

/**
 * ETH steps from $2,000 to $1,800 (−10%) at 60 s; alice's 10 ETH against 15,000 USDC then has HF 0.96 and loses
 * half her debt to the close factor at once without a breaker. A breaker at 5% within 300 s trips in the block at
 * 60 s and pauses for 120 s: blocks come every 12 s, so the block at 180 s is the first after the pause.
 */
class CircuitBreakerTest {
    private static final MitigationSpec.CircuitBreaker ON_LIQUIDATIONS =
            new MitigationSpec.CircuitBreaker(ETH, 0.05, 300, 120, MitigationSpec.Scope.LIQUIDATIONS);

    @Test
    void withoutABreakerTheLiquidationLandsAtTheShock() {
        SimulationResult r = Fixture.run(Fixture.alice("10", "15000").snapshot(), 600, Fixture.ethStep(1800, 60), 0);
        assertThat(r.events()).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(60));
    }

    @Test
    void theBreakerHaltsLiquidationsWithinItsWindowAndResumesAfterTheCooldown() {
        SimulationResult r = Fixture.run(Fixture.alice("10", "15000").snapshot(), 600, Fixture.ethStep(1800, 60), 0,
                ON_LIQUIDATIONS);
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(180);
            assertThat(e.repaid()).isCloseTo(7500, within(1e-9));
        });
        assertThat(r.log()).filteredOn(e -> e.kind().startsWith("breaker-")).extracting(RunEvent::kind,
                RunEvent::time).containsExactly(org.assertj.core.groups.Tuple.tuple("breaker-trip", 60L),
                org.assertj.core.groups.Tuple.tuple("breaker-resume", 180L));
        String halted = "mitigation:breaker/ETH/liquidations:halted";
        assertThat(Fixture.at(r, halted, 48)).isZero();
        assertThat(Fixture.at(r, halted, 60)).isEqualTo(1);
        assertThat(Fixture.at(r, halted, 168)).isEqualTo(1);
        assertThat(Fixture.at(r, halted, 180)).isZero();
        MitigationOutcome o = Fixture.outcome(r, "breaker/ETH/liquidations");
        assertThat(o.activity().get("trips")).isEqualTo(1);
        // The 7,500 USDC liquidation was asked and held back in each of the ten blocks 60, 72, ..., 168 s.
        assertThat(o.activity().get("heldBackUsd")).isCloseTo(10 * 7500, within(1e-6));
        assertThat(o.capitalCostUsd()).isZero();
    }

    @Test
    void aMoveBelowTheThresholdDoesNotTrip() {
        SimulationResult r = Fixture.run(Fixture.alice("10", "15000").snapshot(), 600, Fixture.ethStep(1800, 60), 0,
                new MitigationSpec.CircuitBreaker(ETH, 0.11, 300, 120, MitigationSpec.Scope.LIQUIDATIONS));
        assertThat(r.events()).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(60));
        assertThat(Fixture.outcome(r, "breaker/ETH/liquidations").activity().get("trips")).isZero();
    }

    @Test
    void aTradingBreakerStopsArbitrageAndSalesOnTheAssetsVenues() {
        // Arbitrageurs would pull the pool to $1,800 in the block at 60 s; halted, the pool stays at $2,000 until the
        // pause ends at 180 s, and the liquidator, who must sell the ETH, waits with it.
        SimulationResult r = Fixture.run(Fixture.alice("10", "15000").snapshot(), 600, Fixture.ethStep(1800, 60),
                1e12, new MitigationSpec.CircuitBreaker(ETH, 0.05, 300, 120, MitigationSpec.Scope.TRADING));
        assertThat(Fixture.at(r, "venue:pool", 168)).isEqualTo(2000);
        assertThat(Fixture.at(r, "venue:pool", 180)).isLessThan(1800.0001);
        assertThat(r.events()).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(180));
    }
}
