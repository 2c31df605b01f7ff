package dev.fracture.protocol.lending;

import java.math.BigInteger;

/**
 * Aave v3 fixed-point arithmetic, exact to the last unit: WAD (1e18) and RAY (1e27) multiplication and division
 * rounding half up, as {@code contracts/protocol/libraries/math/WadRayMath.sol}, and basis-point percentages rounding
 * half up, as {@code contracts/protocol/libraries/math/PercentageMath.sol} (aave/aave-v3-core). The contracts revert
 * on uint256 overflow; amounts here are far below 2^256, so BigInteger without a bound is the same function.
 */
public final class WadRayMath {
    public static final BigInteger WAD = BigInteger.TEN.pow(18);
    public static final BigInteger HALF_WAD = WAD.shiftRight(1);
    public static final BigInteger RAY = BigInteger.TEN.pow(27);
    public static final BigInteger HALF_RAY = RAY.shiftRight(1);
    public static final BigInteger WAD_RAY_RATIO = BigInteger.TEN.pow(9);
    /** 100.00% in basis points, PercentageMath.PERCENTAGE_FACTOR. */
    public static final BigInteger PERCENTAGE_FACTOR = BigInteger.valueOf(10_000);
    private static final BigInteger HALF_PERCENTAGE = BigInteger.valueOf(5_000);
    private static final long PERCENTAGE_FACTOR_BPS = 10_000;
    /** The basis-point scale as a kept divisor ({@link UnsignedWide.Divisor}). */
    private static final UnsignedWide.Divisor PERCENTAGE_DIVISOR = UnsignedWide.pow10Divisor(4);
    private static final long HALF_PERCENTAGE_BPS = 5_000;
    /** Percentages of at most this many bits (every basis-point figure) take the two-word path. */
    private static final int PERCENT_BITS = 15;
    /** 10^0 … 10^77: every power of ten below 2^256 (a token's unit is 10^decimals). */
    private static final BigInteger[] POWERS_OF_TEN = new BigInteger[78];

    static {
        POWERS_OF_TEN[0] = BigInteger.ONE;
        for (int k = 1; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = POWERS_OF_TEN[k - 1].multiply(BigInteger.TEN);
        }
    }

    private WadRayMath() {
    }

    /**
     * 10^{@code exponent}, the unit of a token with that many decimals: kept once, not raised again in every
     * valuation of every account check.
     */
    public static BigInteger pow10(int exponent) {
        return exponent >= 0 && exponent < POWERS_OF_TEN.length ? POWERS_OF_TEN[exponent]
                : BigInteger.TEN.pow(exponent);
    }

    public static BigInteger wadMul(BigInteger a, BigInteger b) {
        return a.multiply(b).add(HALF_WAD).divide(WAD);
    }

    public static BigInteger wadDiv(BigInteger a, BigInteger b) {
        return a.multiply(WAD).add(b.shiftRight(1)).divide(b);
    }

    public static BigInteger rayMul(BigInteger a, BigInteger b) {
        return a.multiply(b).add(HALF_RAY).divide(RAY);
    }

    public static BigInteger rayDiv(BigInteger a, BigInteger b) {
        return a.multiply(RAY).add(b.shiftRight(1)).divide(b);
    }

    public static BigInteger percentMul(BigInteger value, BigInteger percentage) {
        if (percentage.signum() >= 0 && percentage.bitLength() <= PERCENT_BITS) {
            return percentMul(value, percentage.longValue());
        }
        return value.multiply(percentage).add(HALF_PERCENTAGE).divide(PERCENTAGE_FACTOR);
    }

    /**
     * {@code (value * percentageBps + 5000) / 10000}. A value below 2^112 and a percentage below 2^15 (every basis
     * point figure) are reckoned in two 64-bit words (the product stays below 2^127) — the same number, without the
     * allocations of {@code BigInteger} products and quotients; anything else in {@code BigInteger}.
     */
    public static BigInteger percentMul(BigInteger value, long percentageBps) {
        if (value.signum() >= 0 && value.bitLength() <= 112 && percentageBps >= 0
                && percentageBps < 1L << PERCENT_BITS) {
            return UnsignedWide.mulAddDivide(value, percentageBps, HALF_PERCENTAGE_BPS, PERCENTAGE_DIVISOR);
        }
        return value.multiply(BigInteger.valueOf(percentageBps)).add(HALF_PERCENTAGE).divide(PERCENTAGE_FACTOR);
    }

    public static BigInteger percentDiv(BigInteger value, BigInteger percentage) {
        if (percentage.signum() > 0 && percentage.bitLength() <= 63) {
            return percentDiv(value, percentage.longValue());
        }
        return value.multiply(PERCENTAGE_FACTOR).add(percentage.shiftRight(1)).divide(percentage);
    }

    /**
     * {@code (value * 10000 + percentageBps / 2) / percentageBps}: in two 64-bit words for a value below 2^113 and a
     * positive percentage (the product stays below 2^127), else in {@code BigInteger} (which also reports a zero
     * percentage as a division by zero).
     */
    public static BigInteger percentDiv(BigInteger value, long percentageBps) {
        if (value.signum() >= 0 && value.bitLength() <= 113 && percentageBps > 0) {
            return UnsignedWide.mulAddDivide(value, PERCENTAGE_FACTOR_BPS, percentageBps >> 1, percentageBps);
        }
        BigInteger percentage = BigInteger.valueOf(percentageBps);
        return value.multiply(PERCENTAGE_FACTOR).add(percentage.shiftRight(1)).divide(percentage);
    }
}
