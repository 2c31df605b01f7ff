package dev.fracture.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.market.clmm.FullMath;
import dev.fracture.market.clmm.SqrtPriceMath;
import dev.fracture.market.clmm.SwapResult;
import dev.fracture.market.clmm.TickMath;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConcentratedLiquidityPoolTest {
    private static final AssetId T0 = RandomClmmPools.ASSET0.id();
    private static final AssetId T1 = RandomClmmPools.ASSET1.id();
    private static final BigInteger MIN_LIMIT = TickMath.MIN_SQRT_RATIO.add(BigInteger.ONE);
    private static final BigInteger MAX_LIMIT = TickMath.MAX_SQRT_RATIO.subtract(BigInteger.ONE);

    /**
     * T0 has 18 decimals and T1 6, like WETH/USDC; sqrt price at tick -200000 puts 1 T0 near 2061 T1. One wide
     * position and one narrow one around the price.
     */
    private static VenueSpec.ConcentratedLiquidity ethUsdc() {
        return new VenueSpec.ConcentratedLiquidity(VenueId.of("weth-usdc"), ChainId.of("test"), T0, T1, 3000, 60,
                TickMath.getSqrtRatioAtTick(-200_000).add(BigInteger.valueOf(123_456_789)),
                List.of(new VenueSpec.LiquidityPosition(-210_000, -190_020, new BigInteger("20000000000000000")),
                        new VenueSpec.LiquidityPosition(-200_400, -199_620, new BigInteger("50000000000000000"))));
    }

    private static ConcentratedLiquidityPool pool(MathMode mode) {
        return ConcentratedLiquidityPool.of(ethUsdc(), RandomClmmPools.ASSET0, RandomClmmPools.ASSET1, mode);
    }

    @Test
    void spotPriceFollowsTheTickAndTheDecimals() {
        for (MathMode mode : MathMode.values()) {
            ConcentratedLiquidityPool p = pool(mode);
            double expected = Math.pow(1.0001, -200_000) * 1e18 / 1e6;
            assertThat(p.spotPrice(T0, T1)).isCloseTo(expected, within(expected * 1e-6));
            assertThat(p.spotPrice(T1, T0) * p.spotPrice(T0, T1)).isCloseTo(1.0, within(1e-12));
            assertThat(p.marginalRate(T0, T1)).isCloseTo(p.spotPrice(T0, T1) * 0.997, within(1e-9));
        }
    }

    @Test
    void smallTradeWithinOneRangeMatchesTheHandWorkedConstantLiquidityFormula() {
        ConcentratedLiquidityPool p = pool(MathMode.EXACT);
        double liquidity = p.liquidity().doubleValue();
        double sqrt = p.sqrtPrice();
        double in = 0.5;
        // Token0 in, fee off first: sqrtP' = L·sqrtP/(L + x·sqrtP), out1 = L·(sqrtP − sqrtP')  (whitepaper 6.15, 6.16).
        double x = in * 1e18 * 0.997;
        double next = liquidity * sqrt / (liquidity + x * sqrt);
        double expectedOut = liquidity * (sqrt - next) / 1e6;
        Quote q = p.quoteExactIn(T0, T1, in);
        assertThat(q.amountOut()).isCloseTo(expectedOut, within(expectedOut * 1e-9));
        assertThat(q.feePaid()).isCloseTo(0.0015, within(1e-12));
        assertThat(q.complete()).isTrue();
        assertThat(q.spotAfter()).isLessThan(q.spotBefore());
    }

    @Test
    void quoteThenSwapGivesTheQuotedAmountsAndCopiesAreIndependent() {
        for (MathMode mode : MathMode.values()) {
            SplittableRandom random = new SplittableRandom(11);
            for (int n = 0; n < 100; n++) {
                ConcentratedLiquidityPool p = ConcentratedLiquidityPool.of(RandomClmmPools.spec(random, n),
                        RandomClmmPools.ASSET0, RandomClmmPools.ASSET1, mode);
                for (int s = 0; s < 10; s++) {
                    boolean sell0 = random.nextBoolean();
                    boolean exactIn = random.nextBoolean();
                    AssetId in = sell0 ? T0 : T1;
                    AssetId out = sell0 ? T1 : T0;
                    double scale = (sell0 == exactIn) ? 1e18 : 1e6;
                    double amount = RandomClmmPools.swapAmount(random, p, sell0 == exactIn).doubleValue() / scale;
                    ConcentratedLiquidityPool before = p.copy();
                    Quote quote = exactIn ? p.quoteExactIn(in, out, amount) : p.quoteExactOut(in, out, amount);
                    assertThat(p.spotPrice(T0, T1)).isEqualTo(before.spotPrice(T0, T1));
                    Quote done = exactIn ? p.swapExactIn(in, out, amount) : p.swapExactOut(in, out, amount);
                    assertThat(done).isEqualTo(quote);
                    assertThat(quote.spotBefore()).isEqualTo(before.spotPrice(in, out));
                    assertThat(done.amountIn()).isGreaterThanOrEqualTo(0);
                    assertThat(done.amountOut()).isGreaterThanOrEqualTo(0);
                    if (done.complete() && exactIn) {
                        assertThat(done.amountIn()).isCloseTo(amount, within(amount * 1e-12 + 1e-6));
                    }
                    if (done.complete() && !exactIn) {
                        assertThat(done.amountOut()).isCloseTo(amount, within(amount * 1e-12 + 1e-6));
                    }
                    if (!done.complete()) {
                        p = before;
                    }
                }
            }
        }
    }

    @Test
    void poolBalancesNeverGoNegative() {
        SplittableRandom random = new SplittableRandom(12);
        for (int n = 0; n < 200; n++) {
            VenueSpec.ConcentratedLiquidity spec = RandomClmmPools.spec(random, n);
            ConcentratedLiquidityPool p = ConcentratedLiquidityPool.of(spec, RandomClmmPools.ASSET0,
                    RandomClmmPools.ASSET1, MathMode.EXACT);
            // What minting the positions paid in, rounded up as mint rounds (SqrtPriceMath signed deltas).
            BigInteger balance0 = BigInteger.ZERO;
            BigInteger balance1 = BigInteger.ZERO;
            int tick = p.tick();
            for (VenueSpec.LiquidityPosition pos : spec.positions()) {
                BigInteger lower = TickMath.getSqrtRatioAtTick(pos.tickLower());
                BigInteger upper = TickMath.getSqrtRatioAtTick(pos.tickUpper());
                BigInteger price = p.sqrtPriceX96();
                if (tick < pos.tickLower()) {
                    balance0 = balance0.add(SqrtPriceMath.getAmount0DeltaSigned(lower, upper, pos.liquidity()));
                } else if (tick < pos.tickUpper()) {
                    balance0 = balance0.add(SqrtPriceMath.getAmount0DeltaSigned(price, upper, pos.liquidity()));
                    balance1 = balance1.add(SqrtPriceMath.getAmount1DeltaSigned(lower, price, pos.liquidity()));
                } else {
                    balance1 = balance1.add(SqrtPriceMath.getAmount1DeltaSigned(lower, upper, pos.liquidity()));
                }
            }
            for (int s = 0; s < 20; s++) {
                boolean atBottom = p.sqrtPriceX96().compareTo(MIN_LIMIT) <= 0;
                boolean atTop = p.sqrtPriceX96().compareTo(MAX_LIMIT) >= 0;
                boolean zeroForOne = atTop || (!atBottom && random.nextBoolean());
                boolean exactIn = random.nextBoolean();
                BigInteger amount = RandomClmmPools.swapAmount(random, p, zeroForOne == exactIn).shiftLeft(2);
                SwapResult r = p.swapRaw(zeroForOne, exactIn ? amount : amount.negate(),
                        zeroForOne ? MIN_LIMIT : MAX_LIMIT);
                balance0 = balance0.add(r.amount0());
                balance1 = balance1.add(r.amount1());
                assertThat(balance0.signum()).as("token0 balance after swap %d of pool %d", s, n).isNotNegative();
                assertThat(balance1.signum()).as("token1 balance after swap %d of pool %d", s, n).isNotNegative();
                // The pool keeps what it was paid: the input side grows, the output side shrinks.
                assertThat((zeroForOne ? r.amount0() : r.amount1()).signum()).isNotNegative();
                assertThat((zeroForOne ? r.amount1() : r.amount0()).signum()).isNotPositive();
            }
        }
    }

    @Test
    void exactOutputThenExactInputOfThatInputGivesAtLeastTheOutput() {
        SplittableRandom random = new SplittableRandom(13);
        for (int n = 0; n < 200; n++) {
            ConcentratedLiquidityPool p = ConcentratedLiquidityPool.of(RandomClmmPools.spec(random, n),
                    RandomClmmPools.ASSET0, RandomClmmPools.ASSET1, MathMode.EXACT);
            for (int s = 0; s < 5; s++) {
                boolean zeroForOne = random.nextBoolean();
                BigInteger limit = zeroForOne ? MIN_LIMIT : MAX_LIMIT;
                BigInteger wanted = RandomClmmPools.swapAmount(random, p, !zeroForOne);
                SwapResult out = p.quoteRaw(zeroForOne, wanted.negate(), limit);
                if (!out.complete()) {
                    continue;
                }
                BigInteger paid = zeroForOne ? out.amount0() : out.amount1();
                BigInteger received = (zeroForOne ? out.amount1() : out.amount0()).negate();
                assertThat(received).isEqualTo(wanted);
                SwapResult in = p.quoteRaw(zeroForOne, paid, limit);
                BigInteger receivedForPaid = (zeroForOne ? in.amount1() : in.amount0()).negate();
                assertThat(in.complete()).isTrue();
                assertThat(receivedForPaid).as("pool %d swap %d", n, s).isGreaterThanOrEqualTo(wanted);
                // Rounding favours the pool by a few units per step, never by more than a part in 1e9 here.
                assertThat(receivedForPaid.subtract(wanted).doubleValue()).isLessThanOrEqualTo(
                        wanted.doubleValue() * 1e-9 + 100);
                p.swapRaw(zeroForOne, paid, limit);
            }
        }
    }

    @Test
    void fastModeAgreesWithExactModeOnVenueQuotes() {
        SplittableRandom random = new SplittableRandom(14);
        for (int n = 0; n < 200; n++) {
            VenueSpec.ConcentratedLiquidity spec = RandomClmmPools.spec(random, n);
            ConcentratedLiquidityPool exact = ConcentratedLiquidityPool.of(spec, RandomClmmPools.ASSET0,
                    RandomClmmPools.ASSET1, MathMode.EXACT);
            ConcentratedLiquidityPool fast = ConcentratedLiquidityPool.of(spec, RandomClmmPools.ASSET0,
                    RandomClmmPools.ASSET1, MathMode.FAST);
            boolean sell0 = random.nextBoolean();
            double amount = RandomClmmPools.swapAmount(random, exact, sell0).doubleValue() / (sell0 ? 1e18 : 1e6);
            AssetId in = sell0 ? T0 : T1;
            AssetId out = sell0 ? T1 : T0;
            Quote e = exact.quoteExactIn(in, out, amount);
            Quote f = fast.quoteExactIn(in, out, amount);
            assertThat(f.amountOut()).isCloseTo(e.amountOut(), within(e.amountOut() * 1e-9));
            assertThat(f.spotAfter()).isCloseTo(e.spotAfter(), within(e.spotAfter() * 1e-9));
            assertThat(fast.depth(in, out, 0.01)).isCloseTo(exact.depth(in, out, 0.01),
                    within(exact.depth(in, out, 0.01) * 1e-9));
        }
    }

    @Test
    void depthMovesTheSpotByTheFraction() {
        for (MathMode mode : MathMode.values()) {
            ConcentratedLiquidityPool p = pool(mode);
            for (double fraction : new double[] {0.001, 0.02, 0.1}) {
                double d0 = p.depth(T0, T1, fraction);
                Quote q0 = p.quoteExactIn(T0, T1, d0);
                assertThat(q0.spotAfter() / q0.spotBefore()).isCloseTo(1 - fraction, within(1e-9));
                double d1 = p.depth(T1, T0, fraction);
                Quote q1 = p.quoteExactIn(T1, T0, d1);
                assertThat(q1.spotAfter() / q1.spotBefore()).isCloseTo(1 - fraction, within(1e-6));
            }
            assertThat(p.depth(T0, T1, 0)).isZero();
        }
    }

    @Test
    void runningOutOfLiquidityIsAnIncompleteQuoteNotAnError() {
        for (MathMode mode : MathMode.values()) {
            ConcentratedLiquidityPool p = pool(mode);
            double all = p.depth(T0, T1, 1.0);
            Quote q = p.quoteExactIn(T0, T1, all * 2);
            assertThat(q.complete()).isFalse();
            assertThat(q.amountIn()).isCloseTo(all, within(all * 1e-9));
            assertThat(q.amountOut()).isPositive();
            Quote tooMuchOut = p.quoteExactOut(T1, T0, 1e9);
            assertThat(tooMuchOut.complete()).isFalse();
            assertThat(tooMuchOut.amountOut()).isLessThan(1e9);
            p.swapExactIn(T0, T1, all * 2);
            Quote drained = p.quoteExactIn(T0, T1, 1);
            assertThat(drained.complete()).isFalse();
            assertThat(drained.amountOut()).isZero();
            assertThat(p.marginalRate(T0, T1)).isZero();
            assertThat(p.marginalRate(T1, T0)).isPositive();
        }
    }

    @Test
    void zeroAmountIsAnEmptyCompleteQuote() {
        Quote q = pool(MathMode.EXACT).quoteExactIn(T0, T1, 0);
        assertThat(q.complete()).isTrue();
        assertThat(q.amountIn()).isZero();
        assertThat(q.amountOut()).isZero();
    }

    @Test
    void liquidityProfileHoldsWhatTheSwapsTrade() {
        for (MathMode mode : MathMode.values()) {
            ConcentratedLiquidityPool p = pool(mode);
            LiquidityProfile profile = p.liquidityProfile(T0, T1, 4, 0.1);
            assertThat(profile.bands()).hasSize(8);
            double below = profile.bands().subList(0, 4).stream().mapToDouble(LiquidityProfile.Band::baseAmount).sum();
            // Selling token0 down to 90% of spot: what the pool absorbs, fee excluded.
            double depth = p.depth(T0, T1, 0.1) * (1 - 0.003);
            assertThat(below).isCloseTo(depth, within(depth * 1e-6));
            for (int i = 1; i < profile.bands().size(); i++) {
                assertThat(profile.bands().get(i).priceLower()).isCloseTo(profile.bands().get(i - 1).priceUpper(),
                        within(1e-9 * profile.spot()));
            }
            LiquidityProfile inverse = p.liquidityProfile(T1, T0, 4, 0.1);
            double above = inverse.bands().subList(4, 8).stream().mapToDouble(LiquidityProfile.Band::baseAmount).sum();
            assertThat(above).isPositive();
        }
    }

    @Test
    void badInputNamesTheVenueAndTheRule() {
        ConcentratedLiquidityPool p = pool(MathMode.EXACT);
        AssetId other = AssetId.of("DAI");
        assertThatThrownBy(() -> p.quoteExactIn(other, T1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("venue weth-usdc").hasMessageContaining("does not trade DAI for T1");
        assertThatThrownBy(() -> p.quoteExactIn(T0, T0, 1)).hasMessageContaining("does not trade T0 for T0");
        assertThatThrownBy(() -> p.quoteExactIn(T0, T1, -1)).hasMessageContaining("venue weth-usdc")
                .hasMessageContaining("amountIn must be a finite non-negative number");
        assertThatThrownBy(() -> p.swapExactOut(T0, T1, Double.NaN)).hasMessageContaining("amountOut must be");
        assertThatThrownBy(() -> p.quoteExactIn(T0, T1, Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
        assertThatThrownBy(() -> p.addLiquidity(-600, -660, BigInteger.ONE)).hasMessageContaining("(TLU)");
        assertThatThrownBy(() -> p.addLiquidity(-887_280, 0, BigInteger.ONE)).hasMessageContaining("(TLM)");
        assertThatThrownBy(() -> p.addLiquidity(0, 887_280, BigInteger.ONE)).hasMessageContaining("(TUM)");
        assertThatThrownBy(() -> p.addLiquidity(-610, 600, BigInteger.ONE))
                .hasMessageContaining("multiples of tickSpacing 60");
        assertThatThrownBy(() -> p.addLiquidity(-600, 600, BigInteger.ZERO)).hasMessageContaining("liquidity must be > 0");
        assertThatThrownBy(() -> p.addLiquidity(-600, 600, FullMath.MAX_UINT128)).hasMessageContaining("(LO)");
        assertThatThrownBy(() -> p.swapRaw(true, BigInteger.ZERO, MIN_LIMIT)).hasMessageContaining("(AS)");
        assertThatThrownBy(() -> p.swapRaw(true, BigInteger.TEN, p.sqrtPriceX96()))
                .hasMessageContaining("venue weth-usdc").hasMessageContaining("(SPL)");
        assertThatThrownBy(() -> p.swapRaw(true, BigInteger.TEN, TickMath.MIN_SQRT_RATIO)).hasMessageContaining("(SPL)");
        assertThatThrownBy(() -> p.swapRaw(false, BigInteger.TEN, TickMath.MAX_SQRT_RATIO)).hasMessageContaining("(SPL)");
        assertThatThrownBy(() -> p.depth(T0, T1, 1.5)).hasMessageContaining("priceMoveFraction must be in [0, 1]");
        assertThatThrownBy(() -> p.liquidityProfile(T0, T1, 0, 0.5)).hasMessageContaining("buckets must be >= 1");
        assertThatThrownBy(() -> p.quoteRawFast(true, 10, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs MathMode.FAST");
        assertThat(pool(MathMode.EXACT).liquidity()).isEqualTo(p.liquidity());
    }

    @Test
    void badSpecsAreRejectedWithTheRule() {
        VenueSpec.ConcentratedLiquidity good = ethUsdc();
        assertThatThrownBy(() -> ConcentratedLiquidityPool.of(new VenueSpec.ConcentratedLiquidity(good.id(),
                good.chain(), T0, T1, 1_000_000, 60, good.sqrtPriceX96(), good.positions()), RandomClmmPools.ASSET0,
                RandomClmmPools.ASSET1, MathMode.EXACT)).hasMessageContaining("venue weth-usdc: feePips");
        assertThatThrownBy(() -> ConcentratedLiquidityPool.of(new VenueSpec.ConcentratedLiquidity(good.id(),
                good.chain(), T0, T1, 3000, 0, good.sqrtPriceX96(), good.positions()), RandomClmmPools.ASSET0,
                RandomClmmPools.ASSET1, MathMode.EXACT)).hasMessageContaining("tickSpacing must be in");
        assertThatThrownBy(() -> ConcentratedLiquidityPool.of(new VenueSpec.ConcentratedLiquidity(good.id(),
                good.chain(), T0, T1, 3000, 60, TickMath.MAX_SQRT_RATIO, good.positions()), RandomClmmPools.ASSET0,
                RandomClmmPools.ASSET1, MathMode.EXACT)).hasMessageContaining("sqrtPriceX96 must be in");
        assertThatThrownBy(() -> ConcentratedLiquidityPool.of(good, RandomClmmPools.ASSET1, RandomClmmPools.ASSET0,
                MathMode.FAST)).hasMessageContaining("do not match the pool's token0");
        assertThatThrownBy(() -> ConcentratedLiquidityPool.of(new VenueSpec.ConcentratedLiquidity(good.id(),
                good.chain(), T0, T1, 3000, 60, good.sqrtPriceX96(),
                List.of(new VenueSpec.LiquidityPosition(0, 60, BigInteger.ZERO))), RandomClmmPools.ASSET0,
                RandomClmmPools.ASSET1, MathMode.FAST)).hasMessageContaining("venue weth-usdc: liquidity must be > 0");
    }

    @Test
    void addingLiquidityInRangeRaisesTheActiveLiquidityInBothModes() {
        for (MathMode mode : MathMode.values()) {
            ConcentratedLiquidityPool p = pool(mode);
            double before = p.liquidityApprox();
            p.addLiquidity(-200_040, -199_980, new BigInteger("1000000000000000"));
            assertThat(p.liquidityApprox()).isEqualTo(before + 1e15);
            p.addLiquidity(-180_000, -179_940, new BigInteger("1000000000000000"));
            assertThat(p.liquidityApprox()).isEqualTo(before + 1e15);
        }
    }
}
