package dev.fracture.mitigation;

import static dev.fracture.mitigation.Fixture.LENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.SimulationResult;
import dev.fracture.model.AssetId;
import dev.fracture.scenario.MitigationSpec;
import org.junit.jupiter.api.Test;

/**
 * ETH to $1,800 at 60 s, no arbitrage: the pool (10,000 ETH, 20,000,000 USDC) still prices ETH at $2,000. Alice's
 * liquidation repays 7,500 USDC and seizes 4.375 ETH. The auction runs from $1,800 × 1.05 = $1,890 down to
 * $1,800 × 0.90 = $1,620 over 600 s; the committed bidders, who could sell at $2,000, take the lot at its first
 * price, $1,890.
 */
class InternalDutchAuctionTest {
    private static SimulationResult run(double committedUsd) {
        return Fixture.run(Fixture.alice("10", "15000").snapshot(), 240, Fixture.ethStep(1800, 60), 0,
                new MitigationSpec.InternalDutchAuction(LENDER, committedUsd, 600, 0.05, 0.10));
    }

    @Test
    void theAuctionSellsNothingOnVenuesWhileCommittedCapitalLasts() {
        SimulationResult r = run(10_000);
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.seized()).isCloseTo(4.375, within(1e-12));
            assertThat(e.proceeds()).isCloseTo(4.375 * 1890, within(1e-9));
            assertThat(e.soldUsd()).isZero();
        });
        double[] pool = r.trace().series("venue:pool");
        assertThat(pool).containsOnly(2000.0);
        assertThat(r.trace().series("sold:" + AssetId.of("ETH"))).containsOnly(0.0);
        MitigationOutcome o = Fixture.outcome(r, "auction/lender");
        assertThat(o.activity().get("boughtUsd")).isCloseTo(8268.75, within(1e-9));
        assertThat(o.activity().get("capitalLeftUsd")).isCloseTo(10_000 - 8268.75, within(1e-9));
        assertThat(o.capitalCostUsd()).isEqualTo(10_000);
        assertThat(r.log()).anySatisfy(e -> assertThat(e.kind()).isEqualTo("auction-lot"));
    }

    @Test
    void whatTheCapitalCannotPayForGoesToTheVenues() {
        SimulationResult r = run(5_000);
        double taken = 5_000 / 1890.0;
        double rest = 4.375 - taken;
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.proceeds()).isCloseTo(5_000 + 20_000_000 * rest / (10_000 + rest), within(1e-6));
            assertThat(e.soldUsd()).isCloseTo(rest * 1800, within(1e-9));
        });
        assertThat(Fixture.outcome(r, "auction/lender").activity().get("capitalLeftUsd")).isCloseTo(0, within(1e-9));
    }
}
