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
        return value.multiply(percentage).add(HALF_PERCENTAGE).divide(PERCENTAGE_FACTOR);
    }

    public static BigInteger percentMul(BigInteger value, long percentageBps) {
        return percentMul(value, BigInteger.valueOf(percentageBps));
    }

    public static BigInteger percentDiv(BigInteger value, BigInteger percentage) {
        return value.multiply(PERCENTAGE_FACTOR).add(percentage.shiftRight(1)).divide(percentage);
    }

    public static BigInteger percentDiv(BigInteger value, long percentageBps) {
        return percentDiv(value, BigInteger.valueOf(percentageBps));
    }
}
