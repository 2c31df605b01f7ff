package dev.fracture.mitigation;

import static dev.fracture.mitigation.Fixture.LENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.SimulationResult;
import dev.fracture.scenario.MitigationSpec;
import org.junit.jupiter.api.Test;

/** A backstop fund buying at the reference (oracle) price when venues would slip, and covering bad debt. */
class BackstopTest {

    @Test
    void theFundBuysAtTheOraclePriceWhenTheRoutedSaleWouldSlipPastItsThreshold() {
        // A pool already at $1,800 (1,000 ETH, 1,800,000 USDC), ETH to $1,800 at 60 s, no arbitrage. Selling the
        // 4.375 ETH seized there would fetch 1800000 × 4.375 / 1004.375 = 7,840.70 USDC for 7,875 worth: 0.436%
        // slippage > 0.3%. The fund's $5,000 buys 5000 / 1800 ETH at $1,800; the rest goes to the pool.
        Fixture f = Fixture.alice("10", "15000");
        f.poolEth = "1000";
        f.poolUsdc = "1800000";
        SimulationResult r = Fixture.run(f.snapshot(), 120, Fixture.ethStep(1800, 60), 0,
                new MitigationSpec.Backstop(LENDER, 5_000, 0.003));
        double bought = 5_000 / 1800.0;
        double rest = 4.375 - bought;
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.seized()).isCloseTo(4.375, within(1e-12));
            assertThat(e.proceeds()).isCloseTo(5_000 + 1_800_000 * rest / (1000 + rest), within(1e-6));
        });
        MitigationOutcome o = Fixture.outcome(r, "backstop/lender");
        assertThat(o.activity().get("boughtUsd")).isCloseTo(5_000, within(1e-9));
        assertThat(o.activity().get("fundLeftUsd")).isCloseTo(0, within(1e-9));
        assertThat(o.capitalCostUsd()).isEqualTo(5_000);
    }

    @Test
    void belowItsThresholdTheFundStaysOut() {
        Fixture f = Fixture.alice("10", "15000");
        f.poolEth = "1000";
        f.poolUsdc = "1800000";
        SimulationResult r = Fixture.run(f.snapshot(), 120, Fixture.ethStep(1800, 60), 0,
                new MitigationSpec.Backstop(LENDER, 5_000, 0.005));
        assertThat(r.events()).singleElement().satisfies(e ->
                assertThat(e.proceeds()).isCloseTo(1_800_000 * 4.375 / 1004.375, within(1e-6)));
        assertThat(Fixture.outcome(r, "backstop/lender").activity().get("boughtUsd")).isZero();
    }

    @Test
    void theFundCoversBadDebtUpToWhatIsLeft() {
        // ETH to $1,500: the 10 ETH cover 10 × 1500 / 1.05 = 14,285.71 of the 15,000 USDC; 714.29 is bad debt. The
        // deep pool still at $2,000 pays more than the reference, so the fund buys nothing and covers $500 of it.
        SimulationResult r = Fixture.run(Fixture.alice("10", "15000").snapshot(), 120, Fixture.ethStep(1500, 60), 0,
                new MitigationSpec.Backstop(null, 500, 0.03));
        double bad = 15_000 - 10 * 1500 / 1.05;
        assertThat(r.summary().totalBadDebtUsd()).isCloseTo(bad, within(1e-4));
        MitigationOutcome o = Fixture.outcome(r, "backstop/all");
        assertThat(o.activity().get("boughtUsd")).isZero();
        assertThat(o.activity().get("badDebtCoveredUsd")).isCloseTo(500, within(1e-9));
        assertThat(r.log()).filteredOn(e -> e.kind().equals("backstop-cover")).singleElement()
                .satisfies(e -> assertThat(e.usd()).isCloseTo(500, within(1e-9)));

        SimulationResult ample = Fixture.run(Fixture.alice("10", "15000").snapshot(), 120, Fixture.ethStep(1500, 60),
                0, new MitigationSpec.Backstop(null, 2_000, 0.03));
        assertThat(Fixture.outcome(ample, "backstop/all").activity().get("badDebtCoveredUsd"))
                .isCloseTo(bad, within(1e-4));
    }
}
