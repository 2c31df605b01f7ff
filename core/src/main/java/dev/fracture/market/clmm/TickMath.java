package dev.fracture.market.clmm;

import java.math.BigInteger;

/**
 * Ticks and Q64.96 sqrt prices, as v3-core {@code contracts/libraries/TickMath.sol}: the price at tick i is 1.0001^i
 * (token1 per token0 in integer units), and the sqrt price is sqrt(1.0001^i)·2^96 computed with the contract's
 * table of Q128.128 factors and its final round-up, so every value matches the contract bit for bit.
 */
public final class TickMath {
    public static final int MIN_TICK = -887272;
    public static final int MAX_TICK = 887272;
    /** getSqrtRatioAtTick(MIN_TICK). */
    public static final BigInteger MIN_SQRT_RATIO = BigInteger.valueOf(4295128739L);
    /** getSqrtRatioAtTick(MAX_TICK), as TickMath.sol declares it. */
    public static final BigInteger MAX_SQRT_RATIO = new BigInteger("1461446703485210103287273052203988822378723970342");

    private static final BigInteger ODD_TICK_FACTOR = hex("fffcb933bd6fad37aa2d162d1a594001");
    /** The contract's factors for bits 0x2 .. 0x80000 of |tick|: 2^128 / sqrt(1.0001)^(2^k), rounded as it rounds. */
    private static final BigInteger[] FACTORS = {
        hex("fff97272373d413259a46990580e213a"), hex("fff2e50f5f656932ef12357cf3c7fdcc"),
        hex("ffe5caca7e10e4e61c3624eaa0941cd0"), hex("ffcb9843d60f6159c9db58835c926644"),
        hex("ff973b41fa98c081472e6896dfb254c0"), hex("ff2ea16466c96a3843ec78b326b52861"),
        hex("fe5dee046a99a2a811c461f1969c3053"), hex("fcbe86c7900a88aedcffc83b479aa3a4"),
        hex("f987a7253ac413176f2b074cf7815e54"), hex("f3392b0822b70005940c7a398e4b70f3"),
        hex("e7159475a2c29b7443b29c7fa6e889d9"), hex("d097f3bdfd2022b8845ad8f792aa5825"),
        hex("a9f746462d870fdf8a65dc1f90e061e5"), hex("70d869a156d2a1b890bb3df62baf32f7"),
        hex("31be135f97d08fd981231505542fcfa6"), hex("9aa508b5b7a84e1c677de54f3e99bc9"),
        hex("5d6af8dedb81196699c329225ee604"), hex("2216e584f5fa1ea926041bedfe98"),
        hex("48a170391f7dc42444e8fa2"),
    };
    private static final BigInteger LOW_32_BITS = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    private static final double LN_SQRT_10001 = Math.log(1.0001) / 2;
    private static final double TWO_96 = 0x1p96;
    /**
     * How far, in ticks, the double logarithm must be from an integer for its floor to be the contract's tick. The
     * double path errs by under 1e-9 ticks (relative error ~1e-16 on a log of at most 44, over ln(1.0001)/2 ~ 5e-5);
     * the contract's tick prices differ from exact powers of 1.0001 by their rounding to an integer Q64.96, at most
     * 1/MIN_SQRT_RATIO ~ 2.3e-10 relative, i.e. under 5e-6 ticks. 1e-4 covers both with room.
     */
    private static final double SURE_MARGIN = 1e-4;

    private TickMath() {
    }

    /** sqrt(1.0001^tick)·2^96 as the contract computes it; |tick| above MAX_TICK reverts ('T'). */
    public static BigInteger getSqrtRatioAtTick(int tick) {
        int absTick = Math.abs(tick);
        if (absTick > MAX_TICK) {
            throw new IllegalArgumentException("TickMath: tick " + tick + " is outside [MIN_TICK, MAX_TICK] (T)");
        }
        BigInteger ratio = (absTick & 1) != 0 ? ODD_TICK_FACTOR : FullMath.Q128;
        for (int bit = 1; bit < 20; bit++) {
            if ((absTick & (1 << bit)) != 0) {
                ratio = ratio.multiply(FACTORS[bit - 1]).shiftRight(128);
            }
        }
        if (tick > 0) {
            ratio = FullMath.MAX_UINT256.divide(ratio);
        }
        // Q128.128 to Q64.96, rounding up so that getTickAtSqrtRatio of the result gives the tick back.
        BigInteger sqrt = ratio.shiftRight(32);
        return ratio.and(LOW_32_BITS).signum() == 0 ? sqrt : sqrt.add(BigInteger.ONE);
    }

    /**
     * The greatest tick whose sqrt ratio is at most {@code sqrtPriceX96}, which is the contract's documented result;
     * the price must lie in [MIN_SQRT_RATIO, MAX_SQRT_RATIO) ('R'). The contract brackets the answer with a fixed-point
     * log2 and settles the bracket with getSqrtRatioAtTick. Here a double logarithm gives the answer directly when it
     * is not within SURE_MARGIN of a tick boundary, and otherwise the contract's exact comparison settles it.
     */
    public static int getTickAtSqrtRatio(BigInteger sqrtPriceX96) {
        if (sqrtPriceX96.compareTo(MIN_SQRT_RATIO) < 0 || sqrtPriceX96.compareTo(MAX_SQRT_RATIO) >= 0) {
            throw new IllegalArgumentException(
                    "TickMath: sqrt price " + sqrtPriceX96 + " is outside [MIN_SQRT_RATIO, MAX_SQRT_RATIO) (R)");
        }
        double exact = Math.log(sqrtPriceX96.doubleValue() / TWO_96) / LN_SQRT_10001;
        double floor = Math.floor(exact);
        double fraction = exact - floor;
        if (fraction > SURE_MARGIN && fraction < 1 - SURE_MARGIN) {
            return (int) floor;
        }
        int tick = (int) Math.max(MIN_TICK, Math.min(MAX_TICK, floor));
        while (tick > MIN_TICK && getSqrtRatioAtTick(tick).compareTo(sqrtPriceX96) > 0) {
            tick--;
        }
        while (tick < MAX_TICK && getSqrtRatioAtTick(tick + 1).compareTo(sqrtPriceX96) <= 0) {
            tick++;
        }
        return tick;
    }

    /** floor(log_sqrt(1.0001)(sqrtPrice)) in doubles, clamped to the tick range; exact up to a tick either way. */
    public static int estimateTick(double sqrtPrice) {
        double t = Math.floor(Math.log(sqrtPrice) / LN_SQRT_10001);
        return (int) Math.max(MIN_TICK, Math.min(MAX_TICK, t));
    }

    /** getSqrtRatioAtTick as a double of sqrt(token1/token0) in integer units. */
    public static double sqrtPriceAtTick(int tick) {
        return getSqrtRatioAtTick(tick).doubleValue() / TWO_96;
    }

    private static BigInteger hex(String digits) {
        return new BigInteger(digits, 16);
    }
}
