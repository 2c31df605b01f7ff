package dev.fracture.market.clmm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** The helpers of v3-core {@code test/shared/utilities.ts}, so its published expectations can be reused verbatim. */
final class V3TestValues {
    private V3TestValues() {
    }

    /**
     * encodePriceSqrt(reserve1, reserve0): sqrt(reserve1/reserve0)·2^96 floored, computed as the tests compute it with
     * bignumber.js defaults (division and sqrt rounded half-up to 20 decimal places).
     */
    static BigInteger encodePriceSqrt(long reserve1, long reserve0) {
        BigDecimal ratio = BigDecimal.valueOf(reserve1).divide(BigDecimal.valueOf(reserve0), 20, RoundingMode.HALF_UP);
        BigDecimal sqrt = ratio.sqrt(new MathContext(60)).setScale(20, RoundingMode.HALF_UP);
        return sqrt.multiply(new BigDecimal(FullMath.Q96)).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }

    /** expandTo18Decimals(n). */
    static BigInteger e18(long n) {
        return BigInteger.valueOf(n).multiply(BigInteger.TEN.pow(18));
    }

    static BigInteger big(String decimal) {
        return new BigInteger(decimal);
    }
}
