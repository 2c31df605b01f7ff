package dev.fracture.mitigation;

import static dev.fracture.mitigation.Fixture.LENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.SimulationResult;
import dev.fracture.scenario.MitigationSpec;
import org.junit.jupiter.api.Test;

/**
 * ETH to $1,800 at 60 s with arbitrageurs pulling the pool to the reference at once; alice holds 10 ETH against
 * 15,500 USDC (HF 1.03 at $2,000). The pool's 60 s TWAP after the step, each price holding until the next block:
 * at 60 s $2,000 (the new price has held 0 s), at 72 s (48 × 2000 + 12 × 1800) / 60 = $1,960, at 84 s
 * (36 × 2000 + 24 × 1800) / 60 = $1,920. Slippage below the TWAP: 10%, 8.16%, 6.25%.
 */
class ProgressivePenaltyTest {
    private static SimulationResult run(MitigationSpec... m) {
        return Fixture.run(Fixture.alice("10", "15500").snapshot(), 120, Fixture.ethStep(1800, 60), 1e12, m);
    }

    @Test
    void withoutTheMitigationTheOraclePriceAndTheReserveBonusApply() {
        // HF = 10 × 1800 × 0.8 / 15500 = 0.929 < 0.95: all 15,500 repaid at once, 15500 × 1.05 / 1800 ETH seized.
        assertThat(run().events()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(60);
            assertThat(e.seized()).isCloseTo(15500 * 1.05 / 1800, within(1e-9));
        });
    }

    @Test
    void thePenaltyRisesByTheStatedBpsPerPercentBeyondTheThresholdOnCollateralValuedAtTheTwap() {
        // Valued at the TWAP while slippage exceeds 5%: HF 1.032 at 60 s, 10 × 1960 × 0.8 / 15500 = 1.012 at 72 s,
        // 10 × 1920 × 0.8 / 15500 = 0.991 at 84 s: liquidatable, close factor 50%, 7,750 repaid. Penalty 5% +
        // 200 bps × (6.25 − 5) = 7.5%: 7750 × 1.075 / 1920 ETH seized.
        SimulationResult r = run(new MitigationSpec.ProgressivePenalty(LENDER, 0.05, 60, 200, 2000));
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(84);
            assertThat(e.repaid()).isCloseTo(7750, within(1e-6));
            assertThat(e.seized()).isCloseTo(7750 * (1 + 0.05 + 0.0200 * 1.25) / 1920, within(1e-9));
        });
        // The largest raise in force was at 60 s, 200 bps × (10 − 5) = 1,000 bps, when nobody was liquidatable yet.
        assertThat(Fixture.outcome(r, "progressive-penalty/lender").activity().get("largestExtraBps"))
                .isEqualTo(1000);
    }

    @Test
    void thePenaltyStopsAtItsMaximumAndALiquidationAtALossWaits() {
        // With the whole penalty capped at 6%, the raise in force at 60 s is 600 − 500 = 100 bps. At 84 s the
        // liquidator would get 7750 × 1.06 / 1920 = 4.2786 ETH, worth 7,701.56 at $1,800, for 7,750 repaid: a loss,
        // so it waits. At 96 s the TWAP is (24 × 2000 + 36 × 1800) / 60 = $1,880, slippage 4.26% ≤ 5%: the oracle
        // price and the reserve's bonus apply again, HF 0.929, and all 15,500 go at 1.05 / 1800.
        SimulationResult r = run(new MitigationSpec.ProgressivePenalty(LENDER, 0.05, 60, 200, 600));
        assertThat(Fixture.outcome(r, "progressive-penalty/lender").activity().get("largestExtraBps"))
                .isEqualTo(100);
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(96);
            assertThat(e.seized()).isCloseTo(15500 * 1.05 / 1800, within(1e-9));
        });
    }
}
