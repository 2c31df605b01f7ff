package dev.fracture.market.clmm;

import java.math.BigInteger;

/**
 * 512-bit-safe multiply-then-divide on unsigned 256-bit values, as in v3-core {@code contracts/libraries/FullMath.sol}
 * and {@code UnsafeMath.sol}. {@link BigInteger} never overflows, so the only contract behaviour to reproduce is the
 * revert when a result does not fit 256 bits; that surfaces as an {@link ArithmeticException}, which inside a swap
 * means a bug (the swap step never asks for such a result).
 */
public final class FullMath {
    /** 2^96, the Q64.96 scale of sqrt prices. */
    public static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);
    /** 2^128, the Q128.128 scale of fee growth. */
    public static final BigInteger Q128 = BigInteger.ONE.shiftLeft(128);
    /** 2^256: uint256 arithmetic wraps modulo this where the contract is unchecked. */
    public static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
    public static final BigInteger MAX_UINT256 = TWO_256.subtract(BigInteger.ONE);
    public static final BigInteger MAX_UINT160 = BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE);
    public static final BigInteger MAX_UINT128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    public static final BigInteger MAX_INT256 = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);

    private FullMath() {
    }

    /** floor(a·b/denominator); reverts (throws) if denominator is 0 or the result overflows uint256. */
    public static BigInteger mulDiv(BigInteger a, BigInteger b, BigInteger denominator) {
        requirePositive(denominator);
        BigInteger result = divideAndRemainder(a.multiply(b), denominator)[0];
        return requireUint256(result);
    }

    /** ceil(a·b/denominator), with the contract's extra check that rounding up does not overflow. */
    public static BigInteger mulDivRoundingUp(BigInteger a, BigInteger b, BigInteger denominator) {
        requirePositive(denominator);
        BigInteger[] qr = divideAndRemainder(a.multiply(b), denominator);
        BigInteger result = requireUint256(qr[0]);
        if (qr[1].signum() > 0) {
            if (result.compareTo(MAX_UINT256) >= 0) {
                throw new ArithmeticException("FullMath.mulDivRoundingUp: result overflows uint256");
            }
            result = result.add(BigInteger.ONE);
        }
        return result;
    }

    /** UnsafeMath.divRoundingUp: ceil(x/y) for y &gt; 0. */
    public static BigInteger divRoundingUp(BigInteger x, BigInteger y) {
        BigInteger[] qr = divideAndRemainder(x, y);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    /**
     * {q, r} with n = q·d + r and 0 ≤ r &lt; d, for n ≥ 0 and d &gt; 0. Swap amounts make most quotients fit a long
     * while the divisors span several words; there a double estimate of q, corrected once by a second estimate on
     * the remainder and finally by unit steps until 0 ≤ r &lt; d holds, is exact and cheaper than long division.
     * Everything else goes to {@link BigInteger#divideAndRemainder}.
     */
    public static BigInteger[] divideAndRemainder(BigInteger n, BigInteger d) {
        int quotientBits = n.bitLength() - d.bitLength();
        if (d.bitLength() <= 63 || quotientBits > 60) {
            return n.divideAndRemainder(d);
        }
        double divisor = d.doubleValue();
        long q = (long) (n.doubleValue() / divisor);
        BigInteger r = n.subtract(d.multiply(BigInteger.valueOf(q)));
        long delta = (long) Math.floor(r.doubleValue() / divisor);
        if (delta != 0) {
            q += delta;
            r = r.subtract(d.multiply(BigInteger.valueOf(delta)));
        }
        while (r.signum() < 0) {
            q--;
            r = r.add(d);
        }
        while (r.compareTo(d) >= 0) {
            q++;
            r = r.subtract(d);
        }
        return new BigInteger[] {BigInteger.valueOf(q), r};
    }

    private static void requirePositive(BigInteger denominator) {
        if (denominator.signum() <= 0) {
            throw new ArithmeticException("FullMath: denominator must be > 0");
        }
    }

    private static BigInteger requireUint256(BigInteger result) {
        if (result.bitLength() > 256) {
            throw new ArithmeticException("FullMath: result overflows uint256");
        }
        return result;
    }
}
