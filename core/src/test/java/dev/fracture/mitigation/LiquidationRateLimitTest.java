package dev.fracture.mitigation;

import static dev.fracture.mitigation.Fixture.LENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.LiquidationEvent;
import dev.fracture.engine.SimulationResult;
import dev.fracture.scenario.MitigationSpec;
import org.junit.jupiter.api.Test;

/**
 * ETH to $1,800 at 60 s; alice's 10 ETH against 15,000 USDC (HF 0.96) would lose 7,500 USDC of debt at once to the
 * close factor. Each liquidation seizes repaid × 1.05 / 1800 ETH.
 */
class LiquidationRateLimitTest {

    @Test
    void aBlocksLiquidationsAreCappedExactlyAndTheRestLandsInLaterBlocks() {
        SimulationResult r = Fixture.run(Fixture.alice("10", "15000").snapshot(), 600, Fixture.ethStep(1800, 60), 0,
                new MitigationSpec.LiquidationRateLimit(LENDER, 3000, 1e9));
        // 60 s: 3,000 repaid, 1.75 ETH seized → debt 12,000, 8.25 ETH: HF = 8.25 × 1800 × 0.8 / 12000 = 0.99.
        // 72 s: 3,000 again (the close factor would allow 6,000) → debt 9,000, 6.5 ETH: HF = 1.04, healthy.
        assertThat(r.events()).extracting(LiquidationEvent::time).containsExactly(60L, 72L);
        assertThat(r.events()).allSatisfy(e -> assertThat(e.repaidUsd()).isCloseTo(3000, within(1e-6)));
        assertThat(r.events().get(0).seized()).isCloseTo(3000 * 1.05 / 1800, within(1e-12));
        // Held back: 7,500 − 3,000 at 60 s, 6,000 − 3,000 at 72 s.
        assertThat(r.log()).filteredOn(e -> e.kind().equals("rate-limited")).extracting(e -> e.usd())
                .usingElementComparator(new org.assertj.core.util.DoubleComparator(1e-6))
                .containsExactly(4500.0, 3000.0);
    }

    @Test
    void theRollingHourCapHoldsTheRestUntilTheFirstLiquidationLeavesTheHour() {
        SimulationResult r = Fixture.run(Fixture.alice("10", "15000").snapshot(), 3700, Fixture.ethStep(1800, 60), 0,
                new MitigationSpec.LiquidationRateLimit(null, 3000, 3500));
        // 60 s: 3,000. 72 s: the hour has 500 left → debt 11,500, 8.25 − 500 × 1.05 / 1800 = 7.9583 ETH:
        // HF = 7.9583 × 1440 / 11500 = 0.9965, still liquidatable, but the hour is full until the 60 s liquidation
        // leaves it at 3,660 s; then 3,000 (of the 5,750 the close factor allows) → debt 8,500, 6.2083 ETH, HF 1.05.
        assertThat(r.events()).extracting(LiquidationEvent::time).containsExactly(60L, 72L, 3660L);
        assertThat(r.events()).extracting(LiquidationEvent::repaidUsd)
                .usingElementComparator(new org.assertj.core.util.DoubleComparator(1e-6))
                .containsExactly(3000.0, 500.0, 3000.0);
        // Cut or held in the blocks at 60 and 72 s, in the 298 blocks 84 ... 3,648 s, and at 3,660 s.
        MitigationOutcome o = Fixture.outcome(r, "rate-limit/all");
        assertThat(o.activity().get("cutLiquidations")).isEqualTo(2 + (3648 - 84) / 12 + 1 + 1);
    }
}
