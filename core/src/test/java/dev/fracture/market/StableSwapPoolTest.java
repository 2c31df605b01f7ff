package dev.fracture.market;

import static dev.fracture.market.Fixtures.WAD;
import static dev.fracture.market.Fixtures.coin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Values worked by hand from the invariant A·n^n·Σx + D = A·D·n^n + D^(n+1)/(n^n·Πx), with contract A·n = A·n^n. */
class StableSwapPoolTest {
    private static final long FEE = 4_000_000;

    private static BigInteger tokens(long t, int decimals) {
        return BigInteger.valueOf(t).multiply(BigInteger.TEN.pow(decimals));
    }

    private static StableSwapPool balanced(int n, long tokensEach, long amp, long fee, MathMode mode) {
        int[] decimals = new int[n];
        BigInteger[] units = new BigInteger[n];
        for (int k = 0; k < n; k++) {
            decimals[k] = 18;
            units[k] = tokens(tokensEach, 18);
        }
        return Fixtures.stable(decimals, units, amp, fee, mode);
    }

    /** (Ann·S + D − Ann·D)·n^n·Πx − D^(n+1), relative to D^(n+1): zero where D solves the invariant. */
    static double invariantResidual(BigInteger[] xp, BigInteger d, long amp) {
        int n = xp.length;
        BigInteger ann = BigInteger.valueOf(amp * n);
        BigInteger s = BigInteger.ZERO;
        BigInteger prod = BigInteger.ONE;
        for (BigInteger x : xp) {
            s = s.add(x);
            prod = prod.multiply(x);
        }
        BigInteger nn = BigInteger.valueOf(n).pow(n);
        BigInteger lhs = ann.multiply(s).add(d).subtract(ann.multiply(d)).multiply(nn).multiply(prod);
        BigInteger rhs = d.pow(n + 1);
        return new BigDecimal(lhs.subtract(rhs)).divide(new BigDecimal(rhs),
                MathContext.DECIMAL64).doubleValue();
    }

    @Test
    void balancedPoolHasDEqualToTheSumOfBalances() {
        for (int n = 2; n <= 8; n++) {
            StableSwapPool pool = balanced(n, 1_000_000, 100, FEE, MathMode.EXACT);
            assertThat(StableSwapMath.getD(pool.xp(), 100)).isEqualTo(tokens(1_000_000L * n, 18));
            assertThat(pool.spotPrice(coin(0), coin(1))).isCloseTo(1.0, within(1e-15));
        }
    }

    @Test
    void twoCoinTradeWorkedByHand() {
        // A = 1, n = 2: Ann = 2; balances 100, 100 give D = 200. Putting x0 = 150 leaves y with
        // 2(150 + y) + 200 = 400 + 200^3 / (4 * 150 * y), i.e. 2y^2 + 100y - 40000/3 = 0.
        double y = (-100 + Math.sqrt(100 * 100 + 8 * 40000.0 / 3)) / 4;
        StableSwapPool fast = balanced(2, 100, 1, 0, MathMode.FAST);
        assertThat(fast.quoteExactIn(coin(0), coin(1), 50).amountOut()).isCloseTo(100 - y, within(1e-12));
        // The integer mode floors and keeps one unit back, so it pays at most two 1e-18 units less.
        StableSwapPool exact = balanced(2, 100, 1, 0, MathMode.EXACT);
        BigInteger out = exact.getDy(coin(0), coin(1), tokens(50, 18));
        assertThat(out.doubleValue() / 1e18).isCloseTo(100 - y, within(1e-12));
    }

    @Test
    void smallTradeInBalancedHighAPoolIsNearlyOneToOne() {
        StableSwapPool pool = balanced(3, 10_000_000, 2000, 0, MathMode.EXACT);
        Quote q = pool.quoteExactIn(coin(0), coin(2), 1000);
        // Slippage of 1000 against 10M per coin at A = 2000 is of order 1e-7 (a constant-product pool: 1e-4).
        assertThat(q.amountOut()).isCloseTo(1000, within(1e-4)).isLessThan(1000);
        assertThat(pool.marginalRate(coin(0), coin(2))).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void feeIsChargedOnTheOutputAndStaysInThePool() {
        StableSwapPool free = balanced(2, 1_000_000, 200, 0, MathMode.EXACT);
        StableSwapPool charged = balanced(2, 1_000_000, 200, FEE, MathMode.EXACT);
        BigInteger dx = tokens(5000, 18);
        BigInteger gross = free.getDy(coin(0), coin(1), dx);
        BigInteger fee = gross.multiply(BigInteger.valueOf(FEE)).divide(BigInteger.valueOf(10_000_000_000L));
        assertThat(charged.getDy(coin(0), coin(1), dx)).isEqualTo(gross.subtract(fee));
        Quote q = charged.swapExactIn(coin(0), coin(1), 5000);
        assertThat(q.feePaid()).isCloseTo(fee.doubleValue() / 1e18, within(1e-15));
        assertThat(q.amountOut() / (q.amountOut() + q.feePaid())).isCloseTo(1 - 0.0004, within(1e-12));
        assertThat(charged.balanceUnits(coin(1))).isEqualTo(tokens(1_000_000, 18).subtract(gross).add(fee));
        assertThat(charged.marginalRate(coin(0), coin(1)))
                .isCloseTo(charged.spotPrice(coin(0), coin(1)) * 0.9996, within(1e-15));
    }

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    /** A seeded random pool and its coins' decimals. */
    record RandomPool(StableSwapPool pool, int[] decimals) {
        /** One integer unit of coin k, in token units. */
        double unit(int k) {
            return Math.pow(10, -decimals[k]);
        }
    }

    static RandomPool randomPool(SplittableRandom rnd, MathMode mode, long fee, boolean only18) {
        int n = 2 + rnd.nextInt(4);
        int[] decimals = new int[n];
        BigInteger[] units = new BigInteger[n];
        double scale = Math.pow(10, 3 + rnd.nextInt(6));
        for (int k = 0; k < n; k++) {
            decimals[k] = only18 ? 18 : new int[] {6, 8, 18}[rnd.nextInt(3)];
            long whole = (long) (scale * (1 + rnd.nextDouble() * (rnd.nextBoolean() ? 0.2 : 4)));
            units[k] = tokens(whole, decimals[k]);
        }
        long amp = new long[] {1, 10, 100, 500, 2000, 10000}[rnd.nextInt(6)];
        return new RandomPool(Fixtures.stable(decimals, units, amp, fee, mode), decimals);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void invariantHoldsAfterTradesToWithinIntegerRounding(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StableSwapPool pool = randomPool(rnd, MathMode.EXACT, 0, true).pool();
        for (int t = 0; t < 20; t++) {
            int i = rnd.nextInt(pool.assets().size());
            int j = (i + 1 + rnd.nextInt(pool.assets().size() - 1)) % pool.assets().size();
            BigInteger[] xpBefore = pool.xp();
            BigInteger before = StableSwapMath.getD(xpBefore, pool.amplification());
            pool.swapExactIn(coin(i), coin(j), pool.balance(coin(i)) * Math.pow(10, -4 * rnd.nextDouble()));
            BigInteger[] xp = pool.xp();
            BigInteger after = StableSwapMath.getD(xp, pool.amplification());
            assertThat(invariantResidual(xp, after, pool.amplification())).isCloseTo(0, within(1e-15));
            // Without a fee only rounding moves D (get_D itself is exact to one unit), and every rounding step
            // of the exchange favours the pool: the unit held back
            // and the floor of y leave at most a few units of y in the pool, worth dD/dy each.
            assertThat(after).isGreaterThanOrEqualTo(before.subtract(BigInteger.ONE));
            BigInteger[] bumped = xp.clone();
            bumped[j] = bumped[j].add(BigInteger.valueOf(1_000_000));
            double dDdy = StableSwapMath.getD(bumped, pool.amplification()).subtract(after).doubleValue() / 1e6;
            assertThat(after.subtract(before).doubleValue()).isLessThanOrEqualTo(3 * dDdy + 3);
        }
    }

    /**
     * Fast against exact: outputs agree to 1e-9 relative plus 1e-12 of D plus the exact mode's rounding to integer
     * units (the documented tolerance), inputs of exact-out likewise.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void fastModeAgreesWithExactMode(int seed) {
        RandomPool random = randomPool(new SplittableRandom(seed), MathMode.EXACT, FEE, false);
        StableSwapPool exact = random.pool();
        SplittableRandom rnd = new SplittableRandom(seed + 1000L);
        int n = exact.assets().size();
        for (int t = 0; t < 25; t++) {
            // The exact pool keeps its rounding, so the fast pool restarts from its balances at every step.
            BigInteger[] units = new BigInteger[n];
            for (int k = 0; k < n; k++) {
                units[k] = exact.balanceUnits(coin(k));
            }
            StableSwapPool fast = Fixtures.stable(random.decimals(), units, exact.amplification(), FEE, MathMode.FAST);
            double d = fast.invariantTokens();
            int i = rnd.nextInt(n);
            int j = (i + 1 + rnd.nextInt(n - 1)) % n;
            double amount = exact.balance(coin(i)) * Math.pow(10, -6 * rnd.nextDouble());
            Quote qe = exact.quoteExactIn(coin(i), coin(j), amount);
            Quote qf = fast.quoteExactIn(coin(i), coin(j), qe.amountIn());
            assertThat(qf.amountOut()).isCloseTo(qe.amountOut(),
                    within(1e-9 * qe.amountOut() + 1e-12 * d + random.unit(j)));
            double want = exact.balance(coin(j)) * Math.pow(10, -6 * rnd.nextDouble());
            Quote oe = exact.quoteExactOut(coin(i), coin(j), want);
            Quote of = fast.quoteExactOut(coin(i), coin(j), oe.amountOut());
            // The exact input is rounded up to a unit of coin i and must cover a unit of coin j lost to the floor.
            double rounding = 2 * (random.unit(i) + random.unit(j) * exact.spotPrice(coin(j), coin(i)));
            assertThat(of.amountIn()).isCloseTo(oe.amountIn(), within(1e-9 * oe.amountIn() + 1e-12 * d + rounding));
            exact.swapExactIn(coin(i), coin(j), amount);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void exactOutFindsTheSmallestInput(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StableSwapPool pool = randomPool(rnd, MathMode.EXACT, FEE, false).pool();
        int j = pool.assets().size() - 1;
        BigInteger want = pool.balanceUnits(coin(j)).divide(BigInteger.valueOf(2 + rnd.nextInt(1000)));
        BigInteger dx = pool.getDx(coin(0), coin(j), want);
        assertThat(pool.getDy(coin(0), coin(j), dx)).isGreaterThanOrEqualTo(want);
        assertThat(pool.getDy(coin(0), coin(j), dx.subtract(BigInteger.ONE))).isLessThan(want);
    }

    @Test
    void exactOutOfTheWholeBalanceIsNotFilled() {
        StableSwapPool pool = balanced(2, 1000, 100, FEE, MathMode.EXACT);
        Quote q = pool.quoteExactOut(coin(0), coin(1), 1000);
        assertThat(q.complete()).isFalse();
        assertThat(q.amountIn()).isZero();
        assertThat(pool.getDx(coin(0), coin(1), tokens(1000, 18))).isNull();
        assertThat(balanced(2, 1000, 100, FEE, MathMode.FAST).quoteExactOut(coin(0), coin(1), 999.9).complete())
                .isFalse();
    }

    @Test
    void spotPriceIsTheSlopeOfTheCurve() {
        StableSwapPool pool = Fixtures.stable(new int[] {18, 6}, new BigInteger[] {tokens(3_000_000, 18),
                tokens(1_000_000, 6)}, 50, 0, MathMode.FAST);
        // Richardson extrapolation of the average price of two small trades removes the curvature term.
        double h = 1;
        double slope = 2 * pool.quoteExactIn(coin(0), coin(1), h).amountOut() / h
                - pool.quoteExactIn(coin(0), coin(1), 2 * h).amountOut() / (2 * h);
        assertThat(pool.spotPrice(coin(0), coin(1))).isCloseTo(slope, within(1e-9)).isLessThan(1);
        assertThat(pool.spotPrice(coin(1), coin(0)) * pool.spotPrice(coin(0), coin(1))).isCloseTo(1, within(1e-14));
    }

    @Test
    void depthMovesTheSpotPriceByTheFraction() {
        for (MathMode mode : MathMode.values()) {
            StableSwapPool pool = balanced(3, 1_000_000, 200, FEE, mode);
            double depth = pool.depth(coin(0), coin(1), 0.01);
            pool.swapExactIn(coin(0), coin(1), depth);
            assertThat(pool.spotPrice(coin(0), coin(1))).isCloseTo(0.99, within(1e-6));
        }
    }

    @Test
    void liquidityProfileConcentratesNearThePeg() {
        StableSwapPool pool = balanced(2, 1_000_000, 200, FEE, MathMode.FAST);
        LiquidityProfile p = pool.liquidityProfile(coin(0), coin(1), 5, 0.1);
        assertThat(p.bands()).hasSize(10);
        assertThat(p.spot()).isCloseTo(1, within(1e-15));
        // The band just below the peg holds far more than the band furthest below it.
        assertThat(p.bands().get(4).baseAmount()).isGreaterThan(10 * p.bands().get(0).baseAmount());
        double below = p.bands().subList(0, 5).stream().mapToDouble(LiquidityProfile.Band::baseAmount).sum();
        assertThat(below).isCloseTo(pool.depth(coin(0), coin(1), 0.1), within(0.01 * below));
    }

    @Test
    void copyIsIndependent() {
        StableSwapPool pool = balanced(2, 1000, 100, FEE, MathMode.EXACT);
        StableSwapPool copy = pool.copy();
        copy.swapExactIn(coin(0), coin(1), 10);
        assertThat(pool.balanceUnits(coin(0))).isEqualTo(tokens(1000, 18));
        assertThat(copy.balanceUnits(coin(0))).isEqualTo(tokens(1010, 18));
        assertThat(WAD).isEqualTo(tokens(1, 18));
    }
}
