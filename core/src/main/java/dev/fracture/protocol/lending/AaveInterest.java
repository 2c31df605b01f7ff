package dev.fracture.protocol.lending;

import java.math.BigInteger;

/**
 * Aave v3 interest accrual, exact: {@code MathUtils.calculateCompoundedInterest} (borrow index: the binomial
 * expansion of {@code (1 + rate/SECONDS_PER_YEAR)^seconds} cut after the third term, each term truncated as the
 * contract does) and {@code MathUtils.calculateLinearInterest} (supply index), aave/aave-v3-core
 * {@code contracts/protocol/libraries/math/MathUtils.sol}. Rates are annual, in RAY. The doubles are the same
 * formulas without the truncations.
 */
public final class AaveInterest {
    /** {@code MathUtils.SECONDS_PER_YEAR} = 365 days. */
    public static final long SECONDS_PER_YEAR = 365L * 24 * 3600;
    private static final BigInteger YEAR = BigInteger.valueOf(SECONDS_PER_YEAR);

    private AaveInterest() {
    }

    /** The compounded interest factor in RAY over {@code seconds} at an annual {@code rateRay}. */
    public static BigInteger compoundedInterest(BigInteger rateRay, long seconds) {
        Require.nonNegative(rateRay, "rateRay");
        Require.nonNegative(seconds, "seconds");
        if (seconds == 0) {
            return WadRayMath.RAY;
        }
        BigInteger exp = BigInteger.valueOf(seconds);
        BigInteger expMinusOne = BigInteger.valueOf(seconds - 1);
        BigInteger expMinusTwo = BigInteger.valueOf(seconds > 2 ? seconds - 2 : 0);
        BigInteger basePowerTwo = WadRayMath.rayMul(rateRay, rateRay).divide(YEAR.multiply(YEAR));
        BigInteger basePowerThree = WadRayMath.rayMul(basePowerTwo, rateRay).divide(YEAR);
        BigInteger secondTerm = exp.multiply(expMinusOne).multiply(basePowerTwo).divide(BigInteger.TWO);
        BigInteger thirdTerm = exp.multiply(expMinusOne).multiply(expMinusTwo).multiply(basePowerThree)
                .divide(BigInteger.valueOf(6));
        return WadRayMath.RAY.add(rateRay.multiply(exp).divide(YEAR)).add(secondTerm).add(thirdTerm);
    }

    /** The linear interest factor in RAY over {@code seconds} at an annual {@code rateRay}. */
    public static BigInteger linearInterest(BigInteger rateRay, long seconds) {
        Require.nonNegative(rateRay, "rateRay");
        Require.nonNegative(seconds, "seconds");
        return WadRayMath.RAY.add(rateRay.multiply(BigInteger.valueOf(seconds)).divide(YEAR));
    }

    /** The same three-term expansion in doubles; {@code rate} is a plain annual fraction (0.05 = 5%). */
    public static double compoundedInterestFast(double rate, long seconds) {
        double x = rate / SECONDS_PER_YEAR;
        double n = seconds;
        return 1 + n * x + n * (n - 1) / 2 * x * x + n * (n - 1) * Math.max(n - 2, 0) / 6 * x * x * x;
    }

    /** Linear interest in doubles; {@code rate} is a plain annual fraction. */
    public static double linearInterestFast(double rate, long seconds) {
        return 1 + rate * seconds / SECONDS_PER_YEAR;
    }

    /** A balance grown by an index factor: {@code balance.rayMul(factor)} on the RAY-scaled balance, as the tokens do. */
    public static BigInteger accrue(BigInteger balance, BigInteger factorRay) {
        return WadRayMath.rayMul(balance, factorRay);
    }
}
