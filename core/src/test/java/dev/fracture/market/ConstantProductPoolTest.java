package dev.fracture.market;

import static dev.fracture.market.Fixtures.WAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Truth from outside the code: the swap tables of Uniswap's own tests, Uniswap/v2-core
 * {@code test/UniswapV2Pair.spec.ts} ({@code swapTestCases}, {@code optimisticTestCases}), and values worked by hand.
 */
class ConstantProductPoolTest {
    private static final Asset T0 = Fixtures.asset("T0", 18);
    private static final Asset T1 = Fixtures.asset("T1", 18);
    private static final int V2_FEE = 3000;

    private static BigInteger e18(long tokens) {
        return BigInteger.valueOf(tokens).multiply(WAD);
    }

    /** {@code swapTestCases}: [swapAmount, token0Amount, token1Amount, expectedOutputAmount], token0 in. */
    static Stream<Arguments> swapTestCases() {
        return Stream.of(
                Arguments.of(e18(1), e18(5), e18(10), new BigInteger("1662497915624478906")),
                Arguments.of(e18(1), e18(10), e18(5), new BigInteger("453305446940074565")),
                Arguments.of(e18(2), e18(5), e18(10), new BigInteger("2851015155847869602")),
                Arguments.of(e18(2), e18(10), e18(5), new BigInteger("831248957812239453")),
                Arguments.of(e18(1), e18(10), e18(10), new BigInteger("906610893880149131")),
                Arguments.of(e18(1), e18(100), e18(100), new BigInteger("987158034397061298")),
                Arguments.of(e18(1), e18(1000), e18(1000), new BigInteger("996006981039903216")));
    }

    @ParameterizedTest
    @MethodSource("swapTestCases")
    void getAmountOutReproducesUniswapSwapTestCases(BigInteger in, BigInteger r0, BigInteger r1, BigInteger out) {
        assertThat(ConstantProductPool.getAmountOut(in, r0, r1, V2_FEE)).isEqualTo(out);
    }

    @ParameterizedTest
    @MethodSource("swapTestCases")
    void pairAcceptsExpectedOutputAndRejectsOneUnitMoreWithK(BigInteger in, BigInteger r0, BigInteger r1,
                                                             BigInteger out) {
        ConstantProductPool.verifyPairSwap(r0, r1, in, BigInteger.ZERO, BigInteger.ZERO, out, V2_FEE);
        assertThatThrownBy(() -> ConstantProductPool.verifyPairSwap(r0, r1, in, BigInteger.ZERO, BigInteger.ZERO,
                out.add(BigInteger.ONE), V2_FEE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UniswapV2: K");
    }

    @ParameterizedTest
    @MethodSource("swapTestCases")
    void exactPoolSwapPaysTheUniswapOutputAndMovesReserves(BigInteger in, BigInteger r0, BigInteger r1,
                                                           BigInteger out) {
        ConstantProductPool pool = Fixtures.pair(T0, T1, r0, r1, V2_FEE, MathMode.EXACT);
        Quote fill = pool.swapExactIn(T0.id(), T1.id(), in.doubleValue() / 1e18);
        assertThat(fill.complete()).isTrue();
        assertThat(pool.reserveUnits(T0.id())).isEqualTo(r0.add(in));
        assertThat(pool.reserveUnits(T1.id())).isEqualTo(r1.subtract(out));
    }

    /**
     * {@code optimisticTestCases}: [outputAmount, token0Amount, token1Amount, inputAmount]: a flash swap that sends
     * {@code inputAmount} of token0 and takes {@code outputAmount} of token0 back out.
     */
    static Stream<Arguments> optimisticTestCases() {
        return Stream.of(
                Arguments.of(new BigInteger("997000000000000000"), e18(5), e18(10), e18(1)),
                Arguments.of(new BigInteger("997000000000000000"), e18(10), e18(5), e18(1)),
                Arguments.of(new BigInteger("997000000000000000"), e18(5), e18(5), e18(1)),
                Arguments.of(e18(1), e18(5), e18(5), new BigInteger("1003009027081243732")));
    }

    @ParameterizedTest
    @MethodSource("optimisticTestCases")
    void optimisticSwapPassesKAndOneUnitMoreFails(BigInteger out, BigInteger r0, BigInteger r1, BigInteger in) {
        ConstantProductPool.verifyPairSwap(r0, r1, in, BigInteger.ZERO, out, BigInteger.ZERO, V2_FEE);
        assertThatThrownBy(() -> ConstantProductPool.verifyPairSwap(r0, r1, in, BigInteger.ZERO,
                out.add(BigInteger.ONE), BigInteger.ZERO, V2_FEE)).hasMessage("UniswapV2: K");
    }

    @Test
    void getAmountInWorkedByHand() {
        // 5e18 * 1662497915624478906 * 1000 / ((10e18 - 1662497915624478906) * 997) = 999999999999999999.63...,
        // floored to 999999999999999999, plus one: exactly the 1e18 that produced that output.
        assertThat(ConstantProductPool.getAmountIn(new BigInteger("1662497915624478906"), e18(5), e18(10), V2_FEE))
                .isEqualTo(e18(1));
        // 100 * 10 * 1000 / ((1000 - 10) * 997) = 1000000 / 987030 = 1.013..., floored to 1, plus one.
        assertThat(ConstantProductPool.getAmountIn(BigInteger.TEN, BigInteger.valueOf(100),
                BigInteger.valueOf(1000), V2_FEE)).isEqualTo(BigInteger.TWO);
        // Fee-free: 1000 * 500 * 10^6 / ((1000 - 500) * 10^6) = 1000 exactly; the +1 is added even then.
        assertThat(ConstantProductPool.getAmountIn(BigInteger.valueOf(500), BigInteger.valueOf(1000),
                BigInteger.valueOf(1000), 0)).isEqualTo(BigInteger.valueOf(1001));
        // getAmountOut by hand: 1000 * 997 * 1000 / (1000 * 1000 + 1000 * 997) = 997000000 / 1997000 = 499.24...
        assertThat(ConstantProductPool.getAmountOut(BigInteger.valueOf(1000), BigInteger.valueOf(1000),
                BigInteger.valueOf(1000), V2_FEE)).isEqualTo(BigInteger.valueOf(499));
    }

    @Test
    void feePipsGeneralizationEqualsThe997Formula() {
        BigInteger in = new BigInteger("123456789012345678");
        BigInteger rIn = new BigInteger("987654321098765432109");
        BigInteger rOut = new BigInteger("55555555555555555555");
        BigInteger expected = in.multiply(BigInteger.valueOf(997)).multiply(rOut)
                .divide(rIn.multiply(BigInteger.valueOf(1000)).add(in.multiply(BigInteger.valueOf(997))));
        assertThat(ConstantProductPool.getAmountOut(in, rIn, rOut, V2_FEE)).isEqualTo(expected);
    }

    @Test
    void outputAtOrAboveReserveIsInsufficientLiquidity() {
        assertThatThrownBy(() -> ConstantProductPool.getAmountIn(e18(10), e18(5), e18(10), V2_FEE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INSUFFICIENT_LIQUIDITY");
        ConstantProductPool pool = Fixtures.pair(T0, T1, e18(5), e18(10), V2_FEE, MathMode.EXACT);
        Quote q = pool.quoteExactOut(T0.id(), T1.id(), 10);
        assertThat(q.complete()).isFalse();
        assertThat(q.amountIn()).isZero();
        assertThat(q.amountOut()).isZero();
    }

    @Test
    void exactOutPaysGetAmountInAndDeliversTheRequestedOutput() {
        ConstantProductPool pool = Fixtures.pair(T0, T1, e18(5), e18(10), V2_FEE, MathMode.EXACT);
        BigInteger out = new BigInteger("1500000000000000000");
        // 5e18 * 1.5e18 * 1000 / (8.5e18 * 997) = 885007965071685645.17..., floored, plus one.
        BigInteger in = new BigInteger("885007965071685646");
        assertThat(ConstantProductPool.getAmountIn(out, e18(5), e18(10), V2_FEE)).isEqualTo(in);
        Quote q = pool.swapExactOut(T0.id(), T1.id(), 1.5);
        assertThat(q.amountOut()).isEqualTo(1.5);
        assertThat(q.amountIn()).isEqualTo(0.885007965071685646);
        assertThat(pool.reserveUnits(T0.id())).isEqualTo(e18(5).add(in));
        assertThat(pool.reserveUnits(T1.id())).isEqualTo(e18(10).subtract(out));
    }

    @Test
    void venueAmountsAreDoublesSoEighteenDecimalAmountsCarrySixteenDigits() {
        ConstantProductPool pool = Fixtures.pair(T0, T1, e18(5), e18(10), V2_FEE, MathMode.EXACT);
        // 1.662497915624478906 as a double is 1.662497915624479: the request is rounded up to that many units.
        Quote q = pool.quoteExactOut(T0.id(), T1.id(), 1.662497915624478906);
        assertThat(q.amountOut()).isEqualTo(1.662497915624479);
    }

    @Test
    void exactInFloorsTheInputToIntegerUnits() {
        Asset usdc = Fixtures.asset("USDC", 6);
        ConstantProductPool pool = Fixtures.pair(T0, usdc, e18(1000), BigInteger.valueOf(2_000_000_000_000L),
                V2_FEE, MathMode.EXACT);
        Quote q = pool.quoteExactIn(usdc.id(), T0.id(), 1.0000009);
        assertThat(q.amountIn()).isEqualTo(1.0);
    }

    @Test
    void quoteDoesNotChangeThePool() {
        ConstantProductPool pool = Fixtures.pair(T0, T1, e18(5), e18(10), V2_FEE, MathMode.EXACT);
        pool.quoteExactIn(T0.id(), T1.id(), 1);
        pool.quoteExactOut(T1.id(), T0.id(), 1);
        assertThat(pool.reserveUnits(T0.id())).isEqualTo(e18(5));
        assertThat(pool.reserveUnits(T1.id())).isEqualTo(e18(10));
    }

    @Test
    void spotMarginalRateAndFeeByHand() {
        ConstantProductPool pool = Fixtures.pair(T0, T1, e18(5), e18(10), V2_FEE, MathMode.FAST);
        assertThat(pool.spotPrice(T0.id(), T1.id())).isEqualTo(2.0);
        assertThat(pool.spotPrice(T1.id(), T0.id())).isEqualTo(0.5);
        assertThat(pool.marginalRate(T0.id(), T1.id())).isCloseTo(2 * 0.997, within(1e-15));
        Quote q = pool.quoteExactIn(T0.id(), T1.id(), 1);
        assertThat(q.feePaid()).isCloseTo(0.003, within(1e-15));
        // 0.997 * 10 / (5 + 0.997) = 1.66249791562447890...
        assertThat(q.amountOut()).isCloseTo(1.662497915624478906, within(1e-15));
        assertThat(q.spotAfter()).isCloseTo((10 - q.amountOut()) / 6, within(1e-15));
    }

    @Test
    void fastModeAgreesWithExactOnUniswapCases() {
        swapTestCases().forEach(args -> {
            Object[] a = args.get();
            BigInteger in = (BigInteger) a[0];
            ConstantProductPool exact = Fixtures.pair(T0, T1, (BigInteger) a[1], (BigInteger) a[2], V2_FEE,
                    MathMode.EXACT);
            ConstantProductPool fast = Fixtures.pair(T0, T1, (BigInteger) a[1], (BigInteger) a[2], V2_FEE,
                    MathMode.FAST);
            double amount = in.doubleValue() / 1e18;
            assertThat(fast.quoteExactIn(T0.id(), T1.id(), amount).amountOut())
                    .isCloseTo(exact.quoteExactIn(T0.id(), T1.id(), amount).amountOut(), Offset.offset(1e-12));
        });
    }

    static IntStream seeds() {
        return IntStream.range(0, 30);
    }

    /**
     * Fast against exact on seeded random pairs and trades: 1e-12 relative plus one integer unit of the token the
     * exact mode rounds (the documented tolerance).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void fastModeAgreesWithExactOnSeededPools(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Asset usdc = Fixtures.asset("USDC", 6);
        BigInteger r0 = e18(1 + rnd.nextInt(100_000));
        BigInteger r1 = BigInteger.valueOf(1 + rnd.nextInt(1_000_000_000)).multiply(BigInteger.valueOf(1_000_000));
        int fee = new int[] {0, 100, 500, 3000, 10000}[rnd.nextInt(5)];
        ConstantProductPool exact = Fixtures.pair(T0, usdc, r0, r1, fee, MathMode.EXACT);
        ConstantProductPool fast = Fixtures.pair(T0, usdc, r0, r1, fee, MathMode.FAST);
        for (int t = 0; t < 50; t++) {
            boolean zeroForOne = rnd.nextBoolean();
            AssetId in = zeroForOne ? T0.id() : usdc.id();
            AssetId out = zeroForOne ? usdc.id() : T0.id();
            double unitOut = zeroForOne ? 1e-6 : 1e-18;
            double unitIn = zeroForOne ? 1e-18 : 1e-6;
            double amount = exact.reserve(in) * Math.pow(10, -8 + 8 * rnd.nextDouble());
            Quote e = exact.quoteExactIn(in, out, amount);
            Quote f = fast.quoteExactIn(in, out, e.amountIn());
            assertThat(f.amountOut()).isCloseTo(e.amountOut(), within(1e-12 * e.amountOut() + unitOut));
            double want = exact.reserve(out) * Math.pow(10, -8 + 7.9 * rnd.nextDouble());
            Quote eo = exact.quoteExactOut(in, out, want);
            Quote fo = fast.quoteExactOut(in, out, eo.amountOut());
            assertThat(fo.amountIn()).isCloseTo(eo.amountIn(), within(1e-12 * eo.amountIn() + unitIn));
        }
    }

    @Test
    void depthMovesTheSpotPriceByTheFraction() {
        for (MathMode mode : MathMode.values()) {
            ConstantProductPool pool = Fixtures.pair(T0, T1, e18(1000), e18(2_000_000), V2_FEE, mode);
            double before = pool.spotPrice(T0.id(), T1.id());
            double depth = pool.depth(T0.id(), T1.id(), 0.02);
            pool.swapExactIn(T0.id(), T1.id(), depth);
            assertThat(pool.spotPrice(T0.id(), T1.id()) / before).isCloseTo(0.98, within(1e-9));
        }
    }

    @Test
    void depthWithoutFeeIsTheTextbookFormula() {
        ConstantProductPool pool = Fixtures.pair(T0, T1, e18(100), e18(100), 0, MathMode.FAST);
        // Price falls by f when R_in grows to R_in / sqrt(1 - f): 100 / sqrt(0.75) - 100.
        assertThat(pool.depth(T0.id(), T1.id(), 0.25)).isCloseTo(100 / Math.sqrt(0.75) - 100, within(1e-9));
    }

    @Test
    void liquidityProfileIsTheConstantProductCurve() {
        ConstantProductPool pool = Fixtures.pair(T0, T1, e18(100), e18(100), V2_FEE, MathMode.FAST);
        LiquidityProfile profile = pool.liquidityProfile(T0.id(), T1.id(), 2, 0.5);
        assertThat(profile.spot()).isEqualTo(1.0);
        assertThat(profile.bands()).hasSize(4);
        // Base held at price p is sqrt(k / p) = 100 / sqrt(p).
        assertThat(profile.bands().get(0).priceLower()).isEqualTo(0.5);
        assertThat(profile.bands().get(0).baseAmount()).isCloseTo(100 / Math.sqrt(0.5) - 100 / Math.sqrt(0.75),
                within(1e-9));
        assertThat(profile.bands().get(1).baseAmount()).isCloseTo(100 / Math.sqrt(0.75) - 100, within(1e-9));
        assertThat(profile.bands().get(2).baseAmount()).isCloseTo(100 - 100 / Math.sqrt(1.25), within(1e-9));
        assertThat(profile.bands().get(3).priceUpper()).isEqualTo(1.5);
    }

    @Test
    void copyIsIndependent() {
        ConstantProductPool pool = Fixtures.pair(T0, T1, e18(5), e18(10), V2_FEE, MathMode.EXACT);
        ConstantProductPool copy = pool.copy();
        copy.swapExactIn(T0.id(), T1.id(), 1);
        assertThat(pool.reserveUnits(T0.id())).isEqualTo(e18(5));
        assertThat(copy.reserveUnits(T0.id())).isEqualTo(e18(6));
    }

    @Test
    void tinyInputThatPaysNothingIsNotFilled() {
        ConstantProductPool pool = Fixtures.pair(T0, T1, e18(10), BigInteger.valueOf(10), V2_FEE, MathMode.EXACT);
        Quote q = pool.swapExactIn(T0.id(), T1.id(), 1e-12);
        assertThat(q.complete()).isFalse();
        assertThat(q.amountOut()).isZero();
        assertThat(pool.reserveUnits(T0.id())).isEqualTo(e18(10));
    }
}
