package dev.fracture.protocol.perp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerpBadInputTest {
    static final PerpMarket BTC = PerpFixtures.flat("BTC", 20);
    static final PerpMarkets MARKETS = PerpMarkets.of(List.of(BTC));

    @Test
    void leverageAboveTheMarketsMaximum() {
        assertThatThrownBy(() -> BTC.initialMargin(100_000, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leverage 25.0 exceeds market BTC's maximum 20.0 at notional 100000.0");
    }

    @Test
    void leverageAboveTheTierMaximumForALargePosition() {
        PerpMarket tiered = PerpMarket.hyperliquid("ETH", List.of(new MarginTier(0, 25), new MarginTier(1e6, 10)));
        assertThatThrownBy(() -> tiered.initialMargin(2e6, 20))
                .hasMessage("leverage 20.0 exceeds market ETH's maximum 10.0 at notional 2000000.0");
    }

    @Test
    void negativeOrNaNSizesAndPrices() {
        assertThatThrownBy(() -> PerpPosition.cross("BTC", Double.NaN, 50_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("size must be a finite number, was NaN");
        assertThatThrownBy(() -> PerpPosition.cross("BTC", 1, -5))
                .hasMessage("entryPrice must be > 0, was -5.0");
        assertThatThrownBy(() -> PerpPosition.isolated("BTC", 1, 50_000, -1))
                .hasMessage("isolatedMargin must be >= 0, was -1.0");
        assertThatThrownBy(() -> PerpPosition.cross("BTC", 0, 50_000))
                .hasMessage("size of a position in BTC must be non-zero");
        assertThatThrownBy(() -> Marks.of("BTC", Double.NaN))
                .hasMessage("mark of BTC must be a finite number, was NaN");
        assertThatThrownBy(() -> Marks.of("BTC", -1))
                .hasMessage("mark of BTC must be > 0, was -1.0");
        assertThatThrownBy(() -> Funding.DEFAULT.payment(1, -100, 0.0001))
                .hasMessage("oraclePrice must be > 0, was -100.0");
        assertThatThrownBy(() -> new Backstop(-1, 0))
                .hasMessage("vaultCapacityNotional must be >= 0, was -1.0");
    }

    @Test
    void unknownMarket() {
        PerpAccount a = PerpFixtures.account("a", 1_000, PerpPosition.cross("DOGE", 1, 0.1));
        assertThatThrownBy(() -> PerpMargin.DEFAULT.crossMaintenance(a, MARKETS, Marks.of("DOGE", 0.1)))
                .hasMessage("unknown market DOGE; the venue lists [BTC]");
        assertThatThrownBy(() -> Marks.of("BTC", 1).get("DOGE"))
                .hasMessage("unknown market DOGE: no mark price given");
        assertThatThrownBy(() -> PerpLiquidation.DEFAULT.liquidateIsolated(a, "BTC", MARKETS, Marks.of("BTC", 1),
                Map.of(), new Backstop(0, 0), List.of()))
                .hasMessage("account a has no position in market BTC");
    }

    @Test
    void malformedMarginTables() {
        assertThatThrownBy(() -> new PerpMarket("BTC", List.of(new MarginTier(10, 20)), 0, 1, 0.5))
                .hasMessage("tiers of BTC must start with a tier at lowerBound 0");
        assertThatThrownBy(() -> new PerpMarket("BTC", List.of(new MarginTier(0, 20), new MarginTier(1e6, 40)), 0, 1,
                0.5)).hasMessage("tiers[1].maxLeverage of BTC must not exceed tiers[0].maxLeverage");
        assertThatThrownBy(() -> new MarginTier(0, 0.5)).hasMessage("maxLeverage must be >= 1, was 0.5");
        assertThatThrownBy(() -> PerpMarkets.of(List.of(BTC, BTC))).hasMessage("market BTC is listed twice");
    }

    @Test
    void twoPositionsInOneMarket() {
        assertThatThrownBy(() -> PerpFixtures.account("a", 0, PerpPosition.cross("BTC", 1, 1),
                PerpPosition.isolated("BTC", -1, 1, 1)))
                .hasMessage("account a holds two positions in market BTC");
    }

    @Test
    void poolOpenInterestCapAndLeverage() {
        PoolParams params = new PoolParams(0.001, 0.63, 10_000, 10_000, 50, 0.01, 5);
        PoolState state = PoolState.seeded(1e6);
        assertThatThrownBy(() -> PoolPerp.DEFAULT.open(state, params, true, 1_000, 20_000, 2_000))
                .hasMessage("MaxOpenInterestExceeded: longOpenInterest 20000.0 would exceed"
                        + " maxLongOpenInterest 10000.0");
        // 10,000 size on 110 collateral: fee 10, collateral 100, leverage 100 > 50.
        assertThatThrownBy(() -> PoolPerp.DEFAULT.open(state, params, false, 110, 10_000, 2_000))
                .hasMessage("leverage 100.0 exceeds maxLeverage 50.0 (collateral after fee 100.0)");
        assertThatThrownBy(() -> PoolPerp.DEFAULT.open(state, params, false, 110, Double.NaN, 2_000))
                .hasMessage("sizeUsd must be a finite number, was NaN");
    }
}
