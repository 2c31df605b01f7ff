package dev.fracture.protocol.perp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PerpMarginTest {
    // Tiers 50x from 0, 20x from 500k, 10x from 2M: maintenance rates 1%, 2.5%, 5%.
    // Deductions: 0; 500,000 × (0.025 − 0.01) = 7,500; 7,500 + 2,000,000 × (0.05 − 0.025) = 57,500.
    static final PerpMarket BTC = PerpMarket.hyperliquid("BTC", List.of(new MarginTier(0, 50),
            new MarginTier(500_000, 20), new MarginTier(2_000_000, 10)));
    static final PerpMarket ETH = PerpFixtures.flat("ETH", 25);
    static final PerpMarkets MARKETS = PerpMarkets.of(List.of(BTC, ETH));

    @ParameterizedTest
    @CsvSource({
            // notional, tier, maintenance worked by hand
            "100000, 0, 1000",      // 100k × 1%
            "500000, 1, 5000",      // 500k × 2.5% − 7,500 = 5,000 = 500k × 1%: continuous at the bound
            "1000000, 1, 17500",    // 1M × 2.5% − 7,500; slices: 500k × 1% + 500k × 2.5%
            "3000000, 2, 92500"     // 3M × 5% − 57,500; slices: 5,000 + 1.5M × 2.5% + 1M × 5% = 92,500
    })
    void maintenanceMarginRisesWithSizeThroughTheDeduction(double notional, int tier, double expected) {
        assertThat(BTC.tierIndex(notional)).isEqualTo(tier);
        assertThat(BTC.maintenanceMargin(notional)).isCloseTo(expected, within(1e-9));
        assertThat(BTC.maintenanceMargin(-notional)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void deductionsAndInitialMarginByHand() {
        assertThat(BTC.maintenanceDeduction(1)).isCloseTo(7_500, within(1e-9));
        assertThat(BTC.maintenanceDeduction(2)).isCloseTo(57_500, within(1e-9));
        assertThat(BTC.maxLeverage(1_000_000)).isEqualTo(20);
        assertThat(BTC.initialMargin(1_000_000, 20)).isCloseTo(50_000, within(1e-9));
        assertThat(BTC.maxLeverage()).isEqualTo(50);
    }

    @Test
    void isolatedLongLiquidationPriceByHand() {
        // Long 10 at 50,000 with 50,000 margin. Tier 0 root: (10 × 50,000 − 50,000) / (10 × 0.99) = 45,454.5454...
        // notional 454,545 < 500k, so tier 0 holds. Check: V = 50,000 − 45,454.55 = 4,545.45 = 1% × 454,545.45.
        PerpPosition p = PerpPosition.isolated("BTC", 10, 50_000, 50_000);
        double liq = PerpMargin.DEFAULT.isolatedLiquidationPrice(p, MARKETS);
        assertThat(liq).isCloseTo(450_000 / 9.9, within(1e-9));
        Marks at = Marks.of("BTC", liq);
        assertThat(PerpMargin.DEFAULT.isolatedValue(p, at))
                .isCloseTo(PerpMargin.DEFAULT.maintenance(p, MARKETS, at), within(1e-6));
    }

    @Test
    void isolatedShortLiquidationPriceCrossesIntoTheNextTier() {
        // Short 10 at 50,000 with 50,000 margin. Tier 0 root (550,000 / 10.1 = 54,455) has notional 544,554, above
        // the 500k bound, so tier 1: (550,000 + 7,500) / (10 × 1.025) = 54,390.2439...
        // Check: V = 50,000 − 43,902.44 = 6,097.56; MM = 543,902.44 × 2.5% − 7,500 = 6,097.56.
        PerpPosition p = PerpPosition.isolated("BTC", -10, 50_000, 50_000);
        double liq = PerpMargin.DEFAULT.isolatedLiquidationPrice(p, MARKETS);
        assertThat(liq).isCloseTo(557_500 / 10.25, within(1e-9));
        Marks justAbove = Marks.of("BTC", liq + 0.01);
        Marks justBelow = Marks.of("BTC", liq - 0.01);
        assertThat(PerpMargin.DEFAULT.isolatedLiquidatable(p, MARKETS, justAbove)).isTrue();
        assertThat(PerpMargin.DEFAULT.isolatedLiquidatable(p, MARKETS, justBelow)).isFalse();
    }

    @Test
    void fullyCollateralizedLongHasNoLiquidationPrice() {
        // 1 BTC long at 50,000 with 60,000 margin: V(p) = 10,000 + p > 1% × p for every p > 0.
        PerpPosition p = PerpPosition.isolated("BTC", 1, 50_000, 60_000);
        assertThat(PerpMargin.DEFAULT.isolatedLiquidationPrice(p, MARKETS)).isNaN();
    }

    @Test
    void crossLiquidationPriceHoldsTheOtherMarksFixed() {
        // 20,000 cross collateral; long 1 BTC at 50,000; short 10 ETH at 3,000; marks at entry.
        // Value 20,000; MM = 50,000 × 1% + 30,000 × 2% = 500 + 600 = 1,100; margin ratio 1,100 / 20,000 = 0.055.
        // BTC liquidation price with ETH fixed: M = 20,000 − 600 = 19,400; p = (50,000 − 19,400) / 0.99 = 30,909.09.
        PerpAccount a = PerpFixtures.account("a", 20_000, PerpPosition.cross("BTC", 1, 50_000),
                PerpPosition.cross("ETH", -10, 3_000));
        Marks marks = new Marks(java.util.Map.of("BTC", 50_000.0, "ETH", 3_000.0));
        assertThat(PerpMargin.DEFAULT.crossValue(a, marks)).isCloseTo(20_000, within(1e-9));
        assertThat(PerpMargin.DEFAULT.crossMaintenance(a, MARKETS, marks)).isCloseTo(1_100, within(1e-9));
        assertThat(PerpMargin.DEFAULT.crossMarginRatio(a, MARKETS, marks)).isCloseTo(0.055, within(1e-12));
        double liq = PerpMargin.DEFAULT.crossLiquidationPrice(a, "BTC", MARKETS, marks);
        assertThat(liq).isCloseTo(30_600 / 0.99, within(1e-9));
        Marks at = marks.with("BTC", liq);
        assertThat(PerpMargin.DEFAULT.crossValue(a, at))
                .isCloseTo(PerpMargin.DEFAULT.crossMaintenance(a, MARKETS, at), within(1e-6));
    }

    @Test
    void isolatedPositionIsOutsideTheCrossScope() {
        // Cross: 5,000 and long 1 ETH at 3,000 (mark 2,000: −1,000). Isolated BTC short with 10,000 margin, +2,000.
        PerpAccount a = PerpFixtures.account("a", 5_000, PerpPosition.cross("ETH", 1, 3_000),
                PerpPosition.isolated("BTC", -1, 50_000, 10_000));
        Marks marks = new Marks(java.util.Map.of("BTC", 48_000.0, "ETH", 2_000.0));
        assertThat(PerpMargin.DEFAULT.crossValue(a, marks)).isCloseTo(4_000, within(1e-9));
        assertThat(PerpMargin.DEFAULT.accountValue(a, marks)).isCloseTo(16_000, within(1e-9));
    }

    @Test
    void largePositionsAreLiquidatedTwentyPercentAtATime() {
        PerpPosition small = PerpPosition.cross("BTC", 1, 50_000);   // 50k notional: whole
        PerpPosition large = PerpPosition.cross("BTC", -10, 50_000); // 500k notional: 20% = 2
        assertThat(PerpMargin.DEFAULT.liquidationOrderSize(small, BTC, 50_000)).isEqualTo(1);
        assertThat(PerpMargin.DEFAULT.liquidationOrderSize(large, BTC, 50_000)).isCloseTo(2, within(1e-12));
    }
}
