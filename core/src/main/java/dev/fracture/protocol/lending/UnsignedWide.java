package dev.fracture.protocol.lending;

import java.math.BigInteger;

/**
 * Unsigned integer steps on 64-bit words, for the lending arithmetic reckoned in words instead of {@link BigInteger}
 * where the numbers fit ({@link FixedWidthHealth}, {@link WadRayMath}'s percentages, {@link AaveLiquidation}'s
 * seizure, {@link TokenAmounts}): the high word of a product, the quotient of a two-word number
 * ({@code hi·2^64 + lo}) by a word, a product of words over a product of words, and the conversions to and from
 * {@code BigInteger}.
 *
 * <p>The division is Knuth's algorithm D specialised to a two-word dividend and a one-word divisor, in 32-bit digits
 * (D. E. Knuth, <i>The Art of Computer Programming</i>, vol. 2, 4.3.1; H. S. Warren, <i>Hacker's Delight</i>, 2nd ed.,
 * 9-4, {@code divlu}): the divisor is shifted until its top bit is set, so each estimated quotient digit is at most
 * two too large and is corrected against the divisor's second digit.
 */
final class UnsignedWide {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final long DIGIT = 1L << 32;
    private static final long DIGIT_MASK = DIGIT - 1;
    /** 10^0 … 10^18: every power of ten a signed word holds (a token's unit of up to 18 decimals). */
    private static final long[] POWERS_OF_TEN = new long[19];

    /** The divisions by 10^0 … 10^18 with their reciprocals, made once. */
    private static final Divisor[] POWERS_OF_TEN_DIVISORS = new Divisor[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int k = 1; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = POWERS_OF_TEN[k - 1] * 10;
        }
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN_DIVISORS[k] = new Divisor(POWERS_OF_TEN[k]);
        }
    }

    /**
     * A divisor used again and again (a token's unit, the basis-point scale), kept with its reciprocal so that a
     * division by it takes two multiplications instead of the processor's divisions: N. Möller and T. Granlund,
     * "Improved division by invariant integers", IEEE Transactions on Computers 60(2), 2011, algorithm 4 (the
     * two-word by one-word step) with the reciprocal of its equation (1), {@code floor((2^128 - 1) / d) - 2^64} for
     * the divisor {@code d} shifted until its top bit is set.
     */
    static final class Divisor {
        private final long value;
        private final int shift;
        private final long normalized;
        private final long reciprocal;

        Divisor(long value) {
            if (value == 0) {
                throw new ArithmeticException("division by zero");
            }
            this.value = value;
            this.shift = Long.numberOfLeadingZeros(value);
            this.normalized = value << shift;
            // (2^128 - 1 - d·2^64) / d: the high word ~d is below d, whose top bit is set.
            this.reciprocal = divide(~normalized, -1L, normalized);
        }

        long value() {
            return value;
        }
    }

    /** The division by 10^{@code exponent}, for an exponent of 0 to 18. */
    static Divisor pow10Divisor(int exponent) {
        return POWERS_OF_TEN_DIVISORS[exponent];
    }

    /** The division by {@code value} when it is a power of ten a word holds, else null. */
    static Divisor pow10DivisorOf(long value) {
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            if (POWERS_OF_TEN[k] == value) {
                return POWERS_OF_TEN_DIVISORS[k];
            }
        }
        return null;
    }

    private UnsignedWide() {
    }

    /** 10^{@code exponent} for an exponent of 0 to 18. */
    static long pow10(int exponent) {
        return POWERS_OF_TEN[exponent];
    }

    /** The high word of the unsigned 128-bit product {@code a · b}; the low word is {@code a * b}. */
    static long multiplyHigh(long a, long b) {
        // Math.multiplyHigh reads both words as signed; a word with its top bit set stands for itself + 2^64.
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /**
     * {@code floor((hi·2^64 + lo) / divisor)}, all unsigned, for {@code hi < divisor} (so the quotient fits one word;
     * {@code divisor} not zero).
     */
    static long divide(long hi, long lo, long divisor) {
        if (Long.compareUnsigned(hi, divisor) >= 0) {
            throw new ArithmeticException("quotient does not fit 64 bits: high word " + Long.toUnsignedString(hi)
                    + " is not below the divisor " + Long.toUnsignedString(divisor));
        }
        if (hi == 0) {
            // One word: the processor's one division.
            return Long.divideUnsigned(lo, divisor);
        }
        int shift = Long.numberOfLeadingZeros(divisor);
        long v = divisor << shift;
        long v1 = v >>> 32;
        long v0 = v & DIGIT_MASK;
        // The dividend shifted as the divisor: its top word (below v) and the two digits of the low word.
        long top = shift == 0 ? hi : (hi << shift) | (lo >>> (64 - shift));
        long low = lo << shift;
        long u1 = low >>> 32;
        long u0 = low & DIGIT_MASK;

        long q1 = Long.divideUnsigned(top, v1);
        long rest = top - q1 * v1;
        while (Long.compareUnsigned(q1, DIGIT) >= 0 || Long.compareUnsigned(q1 * v0, (rest << 32) | u1) > 0) {
            q1--;
            rest += v1;
            if (Long.compareUnsigned(rest, DIGIT) >= 0) {
                break;
            }
        }
        long middle = (top << 32) + u1 - q1 * v;
        long q0 = Long.divideUnsigned(middle, v1);
        rest = middle - q0 * v1;
        while (Long.compareUnsigned(q0, DIGIT) >= 0 || Long.compareUnsigned(q0 * v0, (rest << 32) | u0) > 0) {
            q0--;
            rest += v1;
            if (Long.compareUnsigned(rest, DIGIT) >= 0) {
                break;
            }
        }
        return (q1 << 32) | q0;
    }

    /**
     * {@link #divide(long, long, long)} by a kept divisor: {@code floor((hi·2^64 + lo) / d)}, all unsigned, for
     * {@code hi < d}. Möller and Granlund's two-word step ({@link Divisor}): the quotient estimated from the
     * reciprocal's product with the high word, corrected at most twice.
     */
    static long divide(long hi, long lo, Divisor divisor) {
        if (Long.compareUnsigned(hi, divisor.value) >= 0) {
            throw new ArithmeticException("quotient does not fit 64 bits: high word " + Long.toUnsignedString(hi)
                    + " is not below the divisor " + Long.toUnsignedString(divisor.value));
        }
        int s = divisor.shift;
        long d = divisor.normalized;
        // The dividend shifted as the divisor; its high word stays below d.
        long u1 = s == 0 ? hi : (hi << s) | (lo >>> (64 - s));
        long u0 = lo << s;
        long productLow = divisor.reciprocal * u1;
        long q0 = productLow + u0;
        long q1 = multiplyHigh(divisor.reciprocal, u1) + u1 + (Long.compareUnsigned(q0, productLow) < 0 ? 1 : 0) + 1;
        long r = u0 - q1 * d;
        if (Long.compareUnsigned(r, q0) > 0) {
            q1--;
            r += d;
        }
        if (Long.compareUnsigned(r, d) >= 0) {
            q1++;
        }
        return q1;
    }

    /**
     * {@code floor((value · factor + addend) / divisor)} for a {@code value} not negative and not negative words
     * {@code factor} and {@code addend} whose sum stays below 2^127, and a positive {@code divisor}: the rounding
     * divisions of {@link WadRayMath} ({@code addend} is half the divisor's unit) in two words.
     */
    static BigInteger mulAddDivide(BigInteger value, long factor, long addend, long divisor) {
        return mulAddDivide(value, factor, addend, divisor, null);
    }

    /** {@link #mulAddDivide(BigInteger, long, long, long)} by a kept divisor. */
    static BigInteger mulAddDivide(BigInteger value, long factor, long addend, Divisor divisor) {
        return mulAddDivide(value, factor, addend, divisor.value(), divisor);
    }

    /** The rounding division by {@code divisor}, through its reciprocal when {@code kept} (its division) is given. */
    private static BigInteger mulAddDivide(BigInteger value, long factor, long addend, long divisor, Divisor kept) {
        long lo = value.longValue();
        long low = lo * factor;
        long high = multiplyHigh(lo, factor) + high(value) * factor;
        long sum = low + addend;
        if (Long.compareUnsigned(sum, low) < 0) {
            high++;
        }
        if (kept == null) {
            return quotient(high, sum, divisor);
        }
        return high == 0 ? toBigInteger(0, divide(0, sum, kept))
                : toBigInteger(high / divisor, divide(high % divisor, sum, kept));
    }

    /**
     * {@code floor((hi·2^64 + lo) / divisor)} as a number, for {@code hi} not negative and {@code divisor} positive:
     * the quotient may take both words.
     */
    static BigInteger quotient(long hi, long lo, long divisor) {
        long high = hi / divisor;
        long low = divide(hi % divisor, lo, divisor);
        return toBigInteger(high, low);
    }

    /** The number {@code hi·2^64 + lo}, both words unsigned. */
    static BigInteger toBigInteger(long hi, long lo) {
        if (hi == 0 && lo >= 0) {
            return BigInteger.valueOf(lo);
        }
        BigInteger low = BigInteger.valueOf(lo);
        if (lo < 0) {
            low = low.add(TWO_64);
        }
        if (hi == 0) {
            return low;
        }
        BigInteger high = BigInteger.valueOf(hi);
        if (hi < 0) {
            high = high.add(TWO_64);
        }
        return high.shiftLeft(64).add(low);
    }

    /** The high word of a number below 2^128 that is not negative (0 when it fits one word). */
    static long high(BigInteger value) {
        return value.bitLength() > 64 ? value.shiftRight(64).longValue() : 0;
    }

    /**
     * {@code floor(a · b · c / (d · e))} for positive words {@code a, c, d, e} below 2^63 and {@code b} not negative
     * below 2^127, or null when the quotient reaches 2^127. Reckoned as {@code floor(floor(a·b·c / d) / e)} — the
     * same number for positive integers — in four words: the product is below 2^253. The seizure's {@code e} is a
     * token's unit, {@code 10^decimals}: recognised among the kept powers of ten (at most 19 comparisons, against the
     * four words' eight divisions it spares) and divided by its reciprocal; {@code d}, a price, by the processor.
     */
    static BigInteger productQuotient(long a, BigInteger b, long c, long d, long e) {
        long[] y = productQuotient(a, high(b), b.longValue(), c, d, e);
        return y == null ? null : toBigInteger(y[1], y[0]);
    }

    /**
     * {@link #productQuotient(long, BigInteger, long, long, long)} of {@code b = b1·2^64 + b0} (below 2^127), in
     * words: an array whose first two words are the quotient's low and high words, or null when it reaches 2^127.
     */
    static long[] productQuotient(long a, long b1, long b0, long c, long d, long e) {
        // a · b in three words.
        long x0 = a * b0;
        long carry = multiplyHigh(a, b0);
        long x1 = carry + a * b1;
        long x2 = Math.multiplyHigh(a, b1) + (Long.compareUnsigned(x1, carry) < 0 ? 1 : 0);
        // … · c in four.
        long[] y = new long[4];
        y[0] = x0 * c;
        long up = multiplyHigh(x0, c);
        long w = x1 * c;
        y[1] = w + up;
        up = multiplyHigh(x1, c) + (Long.compareUnsigned(y[1], w) < 0 ? 1 : 0);
        w = x2 * c;
        y[2] = w + up;
        y[3] = multiplyHigh(x2, c) + (Long.compareUnsigned(y[2], w) < 0 ? 1 : 0);
        divideInPlace(y, d, null);
        divideInPlace(y, e, pow10DivisorOf(e));
        if (y[3] != 0 || y[2] != 0 || y[1] < 0) {
            return null;
        }
        return y;
    }

    /**
     * Replaces the four-word number {@code y} (most significant last) by its quotient by the positive word {@code d},
     * through its reciprocal when {@code kept} (its division) is given.
     */
    private static void divideInPlace(long[] y, long d, Divisor kept) {
        long rest = 0;
        for (int k = y.length - 1; k >= 0; k--) {
            long q = kept != null ? divide(rest, y[k], kept) : divide(rest, y[k], d);
            rest = y[k] - q * d;
            y[k] = q;
        }
    }
}
