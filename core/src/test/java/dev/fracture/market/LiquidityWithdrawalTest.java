package dev.fracture.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.market.clmm.TickMath;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Liquidity providers withdrawing a share of every venue type: the tokens paid out, the price left where it was, and
 * the depth at any price move shrunk by exactly that share, each worked by hand from the venue's own formula.
 */
class LiquidityWithdrawalTest {

    @Test
    void aConstantProductPoolPaysOutItsShareOfBothReservesAndKeepsItsPrice() {
        ConstantProductPool pool = Fixtures.pair(100, 200_000, 0, MathMode.FAST);
        AssetId weth = AssetId.of("WETH");
        AssetId usdc = AssetId.of("USDC");
        double depthBefore = pool.depth(weth, usdc, 0.02);
        double[] out = pool.withdrawLiquidity(0.25);
        assertThat(out[0]).isCloseTo(25, within(1e-12));
        assertThat(out[1]).isCloseTo(50_000, within(1e-9));
        assertThat(pool.spotPrice(weth, usdc)).isCloseTo(2000, within(1e-12));
        // Fee-free x·y = k: selling Δ moves the price by f when (R/(R+Δ))² = 1 − f, Δ = R(1/√(1 − f) − 1), R = 75.
        assertThat(pool.depth(weth, usdc, 0.02)).isCloseTo(75 * (1 / Math.sqrt(0.98) - 1), within(1e-12));
        assertThat(pool.depth(weth, usdc, 0.02)).isCloseTo(0.75 * depthBefore, within(1e-12));
    }

    @Test
    void anExactConstantProductPoolFloorsEachPayoutAsBurnDoes() {
        ConstantProductPool pool = Fixtures.pair(Fixtures.asset("A", 0), Fixtures.asset("B", 0),
                BigInteger.valueOf(1001), BigInteger.valueOf(3), 3000, MathMode.EXACT);
        double[] out = pool.withdrawLiquidity(0.5);
        // floor(1001 × 0.5) = 500 and floor(3 × 0.5) = 1 units leave; 501 and 2 stay.
        assertThat(out).containsExactly(500, 1);
        assertThat(pool.reserveUnits(AssetId.of("A"))).isEqualTo(501);
        assertThat(pool.reserveUnits(AssetId.of("B"))).isEqualTo(2);
    }

    @Test
    void aStableSwapPoolPaysOutItsShareOfEveryBalanceAndItsInvariantFallsInProportion() {
        BigInteger thousand = BigInteger.valueOf(1000).multiply(Fixtures.WAD);
        StableSwapPool pool = Fixtures.stable(new int[] {18, 18}, new BigInteger[] {thousand, thousand}, 100,
                4_000_000, MathMode.EXACT);
        double depthBefore = pool.depth(Fixtures.coin(0), Fixtures.coin(1), 0.01);
        double[] out = pool.withdrawLiquidity(0.4);
        assertThat(out[0]).isCloseTo(400, within(1e-9));
        assertThat(out[1]).isCloseTo(400, within(1e-9));
        // A balanced pool's D is the sum of its balances: 600 + 600.
        assertThat(pool.invariantTokens()).isCloseTo(1200, within(1e-9));
        // D is homogeneous of degree one in the balances, so every depth scales by 0.6.
        assertThat(pool.depth(Fixtures.coin(0), Fixtures.coin(1), 0.01)).isCloseTo(0.6 * depthBefore,
                within(1e-9 * depthBefore));
    }

    @Test
    void anOrderBookCancelsItsShareOfEveryRestingOrder() {
        OrderBook book = Fixtures.book(List.of(Fixtures.level("1999", "2"), Fixtures.level("1990", "5")),
                List.of(Fixtures.level("2001", "3")), 0);
        double[] out = book.withdrawLiquidity(0.2);
        assertThat(out[0]).isCloseTo(0.6, within(1e-12));
        assertThat(out[1]).isCloseTo(0.2 * (1999 * 2 + 1990 * 5), within(1e-9));
        assertThat(book.levels(OrderBook.Side.BID)).containsExactly(new OrderBook.Level(1999, 1.6),
                new OrderBook.Level(1990, 4));
        // Selling into the bids down to 1% below the mid 2000 (to 1980) takes both levels: 1.6 + 4 base.
        assertThat(book.depth(AssetId.of("ETH"), AssetId.of("USD"), 0.01)).isCloseTo(5.6, within(1e-12));
    }

    @Test
    void aConcentratedPoolBurnsItsShareOfEveryPositionAndPaysWhatThatLiquidityHolds() {
        AssetId t0 = RandomClmmPools.ASSET0.id();
        AssetId t1 = RandomClmmPools.ASSET1.id();
        BigInteger liquidity = new BigInteger("50000000000000000");
        VenueSpec.ConcentratedLiquidity spec = new VenueSpec.ConcentratedLiquidity(VenueId.of("clmm"),
                ChainId.of("test"), t0, t1, 3000, 60, TickMath.getSqrtRatioAtTick(-200_000),
                List.of(new VenueSpec.LiquidityPosition(-200_400, -199_620, liquidity)));
        ConcentratedLiquidityPool pool = ConcentratedLiquidityPool.of(spec, RandomClmmPools.ASSET0,
                RandomClmmPools.ASSET1, MathMode.FAST);
        double lowerSqrt = TickMath.getSqrtRatioAtTick(-200_400).doubleValue() / 0x1p96;
        // What the position holds in token1 is what a sale of token0 down to the range's bottom takes out of it.
        double token1Held = -pool.quoteRawFast(true, 1e30, lowerSqrt).amount1() / 1e6;
        double depthBefore = pool.depth(t0, t1, 0.001);
        double spotBefore = pool.spotPrice(t0, t1);
        double[] out = pool.withdrawLiquidity(0.3);
        assertThat(out[1]).isCloseTo(0.3 * token1Held, within(1e-9 * token1Held));
        // 5e16 × (1 − 0.3) = 3.5e16, within the one unit the floor of the burn may leave.
        assertThat(pool.liquidityApprox()).isCloseTo(3.5e16, within(1.0));
        assertThat(pool.spotPrice(t0, t1)).isEqualTo(spotBefore);
        // Within one range the input to move the price by f is linear in L.
        assertThat(pool.depth(t0, t1, 0.001)).isCloseTo(0.7 * depthBefore, within(1e-9 * depthBefore));
    }

    @Test
    void aWithdrawalOutsideZeroToOneIsRefusedAndChangesNothing() {
        ConstantProductPool pool = Fixtures.pair(100, 200_000, 0, MathMode.FAST);
        for (double bad : new double[] {0, 1, -0.1, Double.NaN}) {
            assertThatThrownBy(() -> pool.withdrawLiquidity(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("venue pair").hasMessageContaining("withdrawal fraction must be in (0, 1)");
        }
        assertThat(pool.reserve(AssetId.of("WETH"))).isEqualTo(100);
    }
}
