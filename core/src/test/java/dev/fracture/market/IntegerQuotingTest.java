package dev.fracture.market;

import static dev.fracture.market.Fixtures.WAD;
import static dev.fracture.market.Fixtures.coin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.market.clmm.SwapResult;
import dev.fracture.market.clmm.TickMath;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The integer-unit path of the three exact venues: to the last unit against the contracts' own numbers (v2-core's
 * swap table) and against each venue's integer API ({@code quoteRaw}, {@code getDy}/{@code getDx}); the double path
 * equal to the integer path converted, for amounts a double carries exactly.
 */
class IntegerQuotingTest {
    private static final Asset T0 = Fixtures.asset("T0", 18);
    private static final Asset T1 = Fixtures.asset("T1", 18);
    private static final BigInteger MIN_LIMIT = TickMath.MIN_SQRT_RATIO.add(BigInteger.ONE);
    private static final BigInteger MAX_LIMIT = TickMath.MAX_SQRT_RATIO.subtract(BigInteger.ONE);

    private static BigInteger e18(long tokens) {
        return BigInteger.valueOf(tokens).multiply(WAD);
    }

    /**
     * {@code units} rounded to the most significant digits (15 at most) that survive the trip to a double and back
     * through {@link TokenUnits}; {@code Double.toString} before JDK 19 is not always the shortest form, so 15 digits
     * alone are not enough.
     */
    private static BigInteger representable(BigInteger units, int decimals) {
        for (int digits = 15; ; digits--) {
            BigInteger r = new BigDecimal(units).round(new MathContext(digits)).toBigInteger();
            if (TokenUnits.floor(TokenUnits.toTokens(r, decimals), decimals).equals(r)
                    && TokenUnits.ceil(TokenUnits.toTokens(r, decimals), decimals).equals(r)) {
                return r;
            }
        }
    }

    @Test
    void uniswapV2SwapCaseIsExactToTheLastWei() {
        ConstantProductPool pool = Fixtures.pair(T0, T1, e18(5), e18(10), 3000, MathMode.EXACT);
        UnitQuote q = pool.quoteExactInUnits(T0.id(), T1.id(), e18(1));
        assertThat(q.amountOut()).isEqualTo(new BigInteger("1662497915624478906"));
        assertThat(q.amountOutTokens()).isEqualByComparingTo("1.662497915624478906");
        assertThat(q.amountIn()).isEqualTo(e18(1));
        assertThat(q.feePaid()).isEqualTo(new BigInteger("3000000000000000"));
        assertThat(q.feeToken()).isEqualTo(T0.id());
        assertThat(q.complete()).isTrue();
        // The double path can only say 1.662497915624479; the integer path is what the contract pays.
        assertThat(pool.quoteExactIn(T0.id(), T1.id(), 1.0).amountOut()).isEqualTo(1.662497915624479);
        assertThat(pool.reserveUnits(T0.id())).isEqualTo(e18(5));
    }

    @ParameterizedTest
    @MethodSource("dev.fracture.market.ConstantProductPoolTest#swapTestCases")
    void constantProductUnitsReproduceEveryV2SwapTestCase(BigInteger in, BigInteger r0, BigInteger r1,
                                                         BigInteger out) {
        ConstantProductPool pool = Fixtures.pair(T0, T1, r0, r1, 3000, MathMode.EXACT);
        assertThat(pool.quoteExactInUnits(T0.id(), T1.id(), in).amountOut()).isEqualTo(out);
        UnitQuote back = pool.quoteExactOutUnits(T0.id(), T1.id(), out);
        assertThat(back.amountIn()).isEqualTo(ConstantProductPool.getAmountIn(out, r0, r1, 3000));
        assertThat(back.amountOut()).isEqualTo(out);
    }

    @Test
    void constantProductDoublePathIsTheIntegerPathConverted() {
        SplittableRandom rnd = new SplittableRandom(7);
        Asset usdc = Fixtures.asset("USDC", 6);
        for (int t = 0; t < 200; t++) {
            BigInteger r0 = e18(1 + rnd.nextInt(1_000_000));
            BigInteger r1 = BigInteger.valueOf(rnd.nextLong(1_000_000L, 4_000_000_000_000_000L));
            ConstantProductPool pool = Fixtures.pair(T0, usdc, r0, r1, 3000, MathMode.EXACT);
            boolean zeroForOne = rnd.nextBoolean();
            AssetId in = zeroForOne ? T0.id() : usdc.id();
            AssetId out = zeroForOne ? usdc.id() : T0.id();
            BigInteger reserveIn = zeroForOne ? r0 : r1;
            BigInteger reserveOut = zeroForOne ? r1 : r0;
            assertDoubleMatchesUnits(pool, pool, in, out, fraction(rnd, reserveIn), true);
            assertDoubleMatchesUnits(pool, pool, in, out, fraction(rnd, reserveOut), false);
        }
    }

    @Test
    void concentratedLiquidityUnitsEqualQuoteRawOnSeededRandomPools() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int p = 0; p < 60; p++) {
            ConcentratedLiquidityPool pool = ConcentratedLiquidityPool.of(RandomClmmPools.spec(rnd, p),
                    RandomClmmPools.ASSET0, RandomClmmPools.ASSET1, MathMode.EXACT);
            for (int s = 0; s < 4; s++) {
                boolean zeroForOne = rnd.nextBoolean();
                boolean exactIn = rnd.nextBoolean();
                AssetId in = zeroForOne ? RandomClmmPools.ASSET0.id() : RandomClmmPools.ASSET1.id();
                AssetId out = zeroForOne ? RandomClmmPools.ASSET1.id() : RandomClmmPools.ASSET0.id();
                BigInteger amount = RandomClmmPools.swapAmount(rnd, pool, exactIn == zeroForOne);
                SwapResult raw = pool.quoteRaw(zeroForOne, exactIn ? amount : amount.negate(),
                        zeroForOne ? MIN_LIMIT : MAX_LIMIT);
                UnitQuote q = exactIn ? pool.quoteExactInUnits(in, out, amount)
                        : pool.quoteExactOutUnits(in, out, amount);
                assertThat(q.amountIn()).isEqualTo(zeroForOne ? raw.amount0() : raw.amount1());
                assertThat(q.amountOut()).isEqualTo((zeroForOne ? raw.amount1() : raw.amount0()).negate());
                assertThat(q.feePaid()).isEqualTo(raw.feeAmount());
                assertThat(q.complete()).isEqualTo(raw.complete());
                assertDoubleMatchesUnits(pool, pool, in, out, amount, exactIn);
            }
        }
    }

    @Test
    void stableSwapUnitsEqualGetDyAndGetDx() {
        for (int seed = 0; seed < 30; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            StableSwapPool pool = StableSwapPoolTest.randomPool(rnd, MathMode.EXACT, 4_000_000, false).pool();
            int n = pool.assets().size();
            int i = rnd.nextInt(n);
            int j = (i + 1 + rnd.nextInt(n - 1)) % n;
            BigInteger dx = fraction(rnd, pool.balanceUnits(coin(i)));
            UnitQuote q = pool.quoteExactInUnits(coin(i), coin(j), dx);
            assertThat(q.amountOut()).isEqualTo(pool.getDy(coin(i), coin(j), dx));
            assertThat(q.feeToken()).isEqualTo(coin(j));
            BigInteger want = fraction(rnd, pool.balanceUnits(coin(j)));
            BigInteger needed = pool.getDx(coin(i), coin(j), want);
            UnitQuote back = pool.quoteExactOutUnits(coin(i), coin(j), want);
            assertThat(back.amountIn()).isEqualTo(needed);
            assertThat(back.amountOut()).isEqualTo(pool.getDy(coin(i), coin(j), needed));
            assertDoubleMatchesUnits(pool, pool, coin(i), coin(j), dx, true);
            assertDoubleMatchesUnits(pool, pool, coin(i), coin(j), want, false);
        }
    }

    @Test
    void integerQuotesDoNotChangeTheVenue() {
        ConstantProductPool pair = Fixtures.pair(T0, T1, e18(5), e18(10), 3000, MathMode.EXACT);
        StableSwapPool stable = StableSwapPoolTest.randomPool(new SplittableRandom(3), MathMode.EXACT, 0, true).pool();
        ConcentratedLiquidityPool clmm = ConcentratedLiquidityPool.of(
                RandomClmmPools.spec(new SplittableRandom(5), 0), RandomClmmPools.ASSET0, RandomClmmPools.ASSET1,
                MathMode.EXACT);
        for (int k = 0; k < 2; k++) {
            assertThat(pair.quoteExactInUnits(T0.id(), T1.id(), e18(1)).amountOut())
                    .isEqualTo(new BigInteger("1662497915624478906"));
        }
        BigInteger balance = stable.balanceUnits(coin(0));
        UnitQuote first = stable.quoteExactInUnits(coin(0), coin(1), balance.shiftRight(3));
        assertThat(stable.quoteExactInUnits(coin(0), coin(1), balance.shiftRight(3))).isEqualTo(first);
        assertThat(stable.balanceUnits(coin(0))).isEqualTo(balance);
        BigInteger price = clmm.sqrtPriceX96();
        clmm.quoteExactInUnits(RandomClmmPools.ASSET0.id(), RandomClmmPools.ASSET1.id(), e18(1));
        assertThat(clmm.sqrtPriceX96()).isEqualTo(price);
    }

    @Test
    void zeroIsEmptyAndCompleteRunningOutIsIncomplete() {
        ConstantProductPool pair = Fixtures.pair(T0, T1, e18(5), e18(10), 3000, MathMode.EXACT);
        UnitQuote zero = pair.quoteExactInUnits(T0.id(), T1.id(), BigInteger.ZERO);
        assertThat(zero.complete()).isTrue();
        assertThat(zero.amountOut()).isZero();
        assertThat(pair.quoteExactOutUnits(T0.id(), T1.id(), e18(10)).complete()).isFalse();
        // One wei of T1 against 10:5 buys less than one wei of T0: the pair's INSUFFICIENT_OUTPUT_AMOUNT.
        assertThat(pair.quoteExactInUnits(T1.id(), T0.id(), BigInteger.ONE).complete()).isFalse();

        StableSwapPool stable = Fixtures.stable(new int[] {18, 6}, new BigInteger[] {e18(1000),
                BigInteger.valueOf(1_000_000_000L)}, 100, 4_000_000, MathMode.EXACT);
        assertThat(stable.quoteExactOutUnits(coin(0), coin(1), BigInteger.ZERO).complete()).isTrue();
        UnitQuote whole = stable.quoteExactOutUnits(coin(0), coin(1), BigInteger.valueOf(1_000_000_000L));
        assertThat(whole.complete()).isFalse();
        assertThat(whole.amountIn()).isZero();

        ConcentratedLiquidityPool clmm = ConcentratedLiquidityPool.of(
                RandomClmmPools.spec(new SplittableRandom(5), 0), RandomClmmPools.ASSET0, RandomClmmPools.ASSET1,
                MathMode.EXACT);
        UnitQuote drained = clmm.quoteExactInUnits(RandomClmmPools.ASSET0.id(), RandomClmmPools.ASSET1.id(),
                BigInteger.TEN.pow(60));
        assertThat(drained.complete()).isFalse();
        assertThat(drained.amountOut()).isPositive();
        assertThat(clmm.quoteExactInUnits(RandomClmmPools.ASSET1.id(), RandomClmmPools.ASSET0.id(),
                BigInteger.ZERO).complete()).isTrue();
    }

    @Test
    void badInputNamesTheVenueAndTheRule() {
        ConstantProductPool pair = Fixtures.pair(T0, T1, e18(5), e18(10), 3000, MathMode.EXACT);
        StableSwapPool stable = StableSwapPoolTest.randomPool(new SplittableRandom(3), MathMode.EXACT, 0, true).pool();
        ConcentratedLiquidityPool clmm = ConcentratedLiquidityPool.of(
                RandomClmmPools.spec(new SplittableRandom(5), 0), RandomClmmPools.ASSET0, RandomClmmPools.ASSET1,
                MathMode.EXACT);
        List<Object[]> venues = List.of(new Object[] {pair, T0.id(), T1.id()},
                new Object[] {stable, coin(0), coin(1)},
                new Object[] {clmm, RandomClmmPools.ASSET0.id(), RandomClmmPools.ASSET1.id()});
        for (Object[] v : venues) {
            IntegerQuoting venue = (IntegerQuoting) v[0];
            String name = "venue " + ((Venue) v[0]).id() + ": ";
            AssetId a = (AssetId) v[1];
            AssetId b = (AssetId) v[2];
            BigInteger minusOne = BigInteger.ONE.negate();
            assertThatThrownBy(() -> venue.quoteExactInUnits(a, b, minusOne))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(name + "amountIn must be non-negative, got -1");
            assertThatThrownBy(() -> venue.quoteExactOutUnits(a, b, minusOne))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(name + "amountOut must be non-negative, got -1");
            assertThatThrownBy(() -> venue.quoteExactInUnits(a, b, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(name + "amountIn must not be null");
            assertThatThrownBy(() -> venue.quoteExactInUnits(a, AssetId.of("NOPE"), BigInteger.ONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(name).hasMessageContaining("NOPE");
            assertThatThrownBy(() -> venue.decimals(AssetId.of("NOPE")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(name);
        }
        assertThat(pair.decimals(T0.id())).isEqualTo(18);
        assertThat(clmm.decimals(RandomClmmPools.ASSET1.id())).isEqualTo(6);
        assertThat(stable.decimals(coin(0))).isEqualTo(18);
        assertThatThrownBy(() -> clmm.quoteExactInUnits(RandomClmmPools.ASSET0.id(), RandomClmmPools.ASSET1.id(),
                BigInteger.ONE.shiftLeft(255))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must fit an int256");
    }

    @Test
    void fastVenuesRefuseIntegerQuotes() {
        List<IntegerQuoting> fast = List.of(Fixtures.pair(T0, T1, e18(5), e18(10), 3000, MathMode.FAST),
                StableSwapPoolTest.randomPool(new SplittableRandom(3), MathMode.FAST, 0, true).pool(),
                ConcentratedLiquidityPool.of(RandomClmmPools.spec(new SplittableRandom(5), 0),
                        RandomClmmPools.ASSET0, RandomClmmPools.ASSET1, MathMode.FAST));
        for (IntegerQuoting venue : fast) {
            Venue v = (Venue) venue;
            AssetId a = v.assets().get(0);
            AssetId b = v.assets().get(1);
            assertThatThrownBy(() -> venue.quoteExactInUnits(a, b, BigInteger.ONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("venue " + v.id() + " is in fast mode; integer quotes need exact mode");
            assertThatThrownBy(() -> venue.quoteExactOutUnits(a, b, BigInteger.ONE))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(venue.decimals(a)).isEqualTo(18);
        }
    }

    @Test
    void tokenAmountsAreExactWithEachTokensDecimals() {
        UnitQuote q = new UnitQuote(Fixtures.pair(T0, T1, e18(5), e18(10), 3000, MathMode.EXACT).id(), T0.id(),
                AssetId.of("USDC"), new BigInteger("123456789012345678901"), BigInteger.valueOf(2_500_001),
                BigInteger.valueOf(7), AssetId.of("USDC"), true, 18, 6);
        assertThat(q.amountInTokens()).isEqualByComparingTo("123.456789012345678901");
        assertThat(q.amountOutTokens()).isEqualByComparingTo("2.500001");
        assertThat(q.feePaidTokens()).isEqualByComparingTo("0.000007");
        assertThatThrownBy(() -> new UnitQuote(q.venue(), T0.id(), AssetId.of("USDC"), BigInteger.ONE,
                BigInteger.ONE, BigInteger.ZERO, AssetId.of("DAI"), true, 18, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feeToken");
    }

    /** A uniform-in-log fraction, 1e-6 to 1/2, of {@code whole}, at least one unit. */
    private static BigInteger fraction(SplittableRandom rnd, BigInteger whole) {
        double f = Math.pow(10, rnd.nextDouble(-6, -0.3));
        return new BigDecimal(whole).multiply(new BigDecimal(f)).toBigInteger().max(BigInteger.ONE);
    }

    /**
     * The double method, given {@code wanted} (rounded to what a double carries exactly) as a double, reports exactly
     * the integer quote of the same units converted with {@link TokenUnits#toTokens}: both run the same integer code.
     */
    private static void assertDoubleMatchesUnits(Venue venue, IntegerQuoting units, AssetId in, AssetId out,
                                                 BigInteger wanted, boolean exactIn) {
        int decIn = units.decimals(in);
        int decOut = units.decimals(out);
        BigInteger amount = representable(wanted, exactIn ? decIn : decOut);
        double tokens = TokenUnits.toTokens(amount, exactIn ? decIn : decOut);
        UnitQuote u = exactIn ? units.quoteExactInUnits(in, out, amount) : units.quoteExactOutUnits(in, out, amount);
        Quote d = exactIn ? venue.quoteExactIn(in, out, tokens) : venue.quoteExactOut(in, out, tokens);
        assertThat(d.amountIn()).isEqualTo(TokenUnits.toTokens(u.amountIn(), decIn));
        assertThat(d.amountOut()).isEqualTo(TokenUnits.toTokens(u.amountOut(), decOut));
        assertThat(d.feePaid()).isEqualTo(TokenUnits.toTokens(u.feePaid(), u.feeDecimals()));
        assertThat(d.complete()).isEqualTo(u.complete());
    }
}
