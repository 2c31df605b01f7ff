package dev.fracture.protocol.lending;

import java.math.BigInteger;

/**
 * Unsigned integer steps on 64-bit words, for the lending arithmetic reckoned in words instead of {@link BigInteger}
 * where the numbers fit ({@link FixedWidthHealth}, {@link WadRayMath}'s percentages, {@link AaveLiquidation}'s
 * seizure, {@link TokenAmounts}): the high word of a product, the quotient of a two-word number
 * ({@code hi·2^64 + lo}) by a word, a product of words over a product of words, Morpho Blue's
 * {@code mulDivDown}/{@code mulDivUp} of two-word operands ({@link #mulDiv}), and the conversions to and from
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
        // The first correction is taken about half the time, so it is made without a branch the processor would
        // mispredict: all ones when r > q0 (unsigned), else zero. The second is rare.
        long overshot = (r + Long.MIN_VALUE > q0 + Long.MIN_VALUE) ? -1L : 0L;
        q1 += overshot;
        r += d & overshot;
        if (r + Long.MIN_VALUE >= d + Long.MIN_VALUE) {
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
     * token's unit, {@code 10^decimals}: recognised among the kept powers of ten (at most 19 comparisons); {@code d},
     * a price, is kept with its reciprocal for this call (its one division spares the four words' others).
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
        Divisor unit = pow10DivisorOf(e);
        return productQuotient(a, b1, b0, c, new Divisor(d), unit != null ? unit : new Divisor(e));
    }

    /**
     * {@link #productQuotient(long, long, long, long, long, long)} by divisors kept with their reciprocals: a block's
     * oracle price ({@code AaveAccountTable.Valuation} keeps one per reserve) and a token's unit
     * ({@link #pow10Divisor}), so that none of the four words' divisions is the processor's.
     */
    static long[] productQuotient(long a, long b1, long b0, long c, Divisor d, Divisor e) {
        long[] y = new long[4];
        return productQuotient(a, b1, b0, c, d, e, y) ? y : null;
    }

    /**
     * {@link #productQuotient(long, long, long, long, Divisor, Divisor)} into {@code y} (four words, overwritten):
     * true with the quotient's low and high words in its first two, false when the quotient reaches 2^127 (then
     * {@code y} holds nothing of use). For a caller that reckons several quotients in one scratch array.
     */
    static boolean productQuotient(long a, long b1, long b0, long c, Divisor d, Divisor e, long[] y) {
        // a · b in three words.
        long x0 = a * b0;
        long carry = multiplyHigh(a, b0);
        long x1 = carry + a * b1;
        long x2 = Math.multiplyHigh(a, b1) + (Long.compareUnsigned(x1, carry) < 0 ? 1 : 0);
        // … · c in four.
        y[0] = x0 * c;
        long up = multiplyHigh(x0, c);
        long w = x1 * c;
        y[1] = w + up;
        up = multiplyHigh(x1, c) + (Long.compareUnsigned(y[1], w) < 0 ? 1 : 0);
        w = x2 * c;
        y[2] = w + up;
        y[3] = multiplyHigh(x2, c) + (Long.compareUnsigned(y[2], w) < 0 ? 1 : 0);
        divideInPlace(y, d);
        divideInPlace(y, e);
        return y[3] == 0 && y[2] == 0 && y[1] >= 0;
    }

    /**
     * {@code floor((x·y + (up ? d - 1 : 0)) / d)} for {@code x}, {@code y} and {@code d} not negative and below 2^128
     * and {@code d} not zero — Morpho Blue's {@code MathLib.mulDivDown} and {@code mulDivUp} on uint128 operands, whose
     * products take up to four words — or null when an operand is outside that range or the quotient reaches 2^128
     * (the caller then reckons in {@code BigInteger}). The product and the rounding addend are summed in four words
     * (below 2^256: {@code (2^128 - 1)^2 + 2^128 - 2} is); a one-word divisor divides word by word, a two-word one by
     * Knuth's algorithm D in 64-bit digits ({@link #quotientDigit}).
     */
    static BigInteger mulDiv(BigInteger x, BigInteger y, BigInteger d, boolean up) {
        if (x.signum() < 0 || y.signum() < 0 || d.signum() <= 0 || x.bitLength() > 128 || y.bitLength() > 128
                || d.bitLength() > 128) {
            return null;
        }
        long x1 = high(x);
        long x0 = x.longValue();
        long y1 = high(y);
        long y0 = y.longValue();
        long d1 = high(d);
        long d0 = d.longValue();
        // x·y = x1·y1·2^128 + (x1·y0 + x0·y1)·2^64 + x0·y0, each partial product two words.
        long p0 = x0 * y0;
        long a = multiplyHigh(x0, y0);
        long b = x0 * y1;
        long c = x1 * y0;
        long p1 = a + b;
        long carry = Long.compareUnsigned(p1, b) < 0 ? 1 : 0;
        long t = p1 + c;
        carry += Long.compareUnsigned(t, c) < 0 ? 1 : 0;
        p1 = t;
        long bHigh = multiplyHigh(x0, y1);
        long cHigh = multiplyHigh(x1, y0);
        long e = x1 * y1;
        long p2 = bHigh + cHigh;
        long carry2 = Long.compareUnsigned(p2, cHigh) < 0 ? 1 : 0;
        t = p2 + e;
        carry2 += Long.compareUnsigned(t, e) < 0 ? 1 : 0;
        p2 = t + carry;
        carry2 += Long.compareUnsigned(p2, t) < 0 ? 1 : 0;
        long p3 = multiplyHigh(x1, y1) + carry2;
        if (up) {
            // + (d - 1), carried through the four words.
            long m0 = d0 - 1;
            long m1 = d1 - (d0 == 0 ? 1 : 0);
            t = p0 + m0;
            long k = Long.compareUnsigned(t, p0) < 0 ? 1 : 0;
            p0 = t;
            t = p1 + m1;
            long k2 = Long.compareUnsigned(t, p1) < 0 ? 1 : 0;
            p1 = t + k;
            k2 += Long.compareUnsigned(p1, t) < 0 ? 1 : 0;
            p2 += k2;
            if (Long.compareUnsigned(p2, k2) < 0) {
                p3++;
            }
        }
        if (d1 == 0) {
            // The quotient is below 2^128 exactly when (p3, p2) is below d0; then word by word, each remainder
            // below d0, so each step's quotient fits a word.
            if (p3 != 0 || Long.compareUnsigned(p2, d0) >= 0) {
                return null;
            }
            long q1 = divide(p2, p1, d0);
            long rest = p1 - q1 * d0;
            long q0 = divide(rest, p0, d0);
            return toBigInteger(q1, q0);
        }
        // Normalized: the divisor shifted until its top bit is set, the dividend as far (five words).
        int s = Long.numberOfLeadingZeros(d1);
        long v1 = s == 0 ? d1 : (d1 << s) | (d0 >>> (64 - s));
        long v0 = d0 << s;
        long u4 = s == 0 ? 0 : p3 >>> (64 - s);
        long u3 = s == 0 ? p3 : (p3 << s) | (p2 >>> (64 - s));
        long u2 = s == 0 ? p2 : (p2 << s) | (p1 >>> (64 - s));
        long u1 = s == 0 ? p1 : (p1 << s) | (p0 >>> (64 - s));
        long u0 = p0 << s;
        // The quotient's third digit is not zero (it reaches 2^128) unless (u4, u3, u2) is below (v1, v0).
        if (u4 != 0 || Long.compareUnsigned(u3, v1) > 0 || u3 == v1 && Long.compareUnsigned(u2, v0) >= 0) {
            return null;
        }
        long q1 = quotientDigit(u3, u2, u1, v1, v0);
        // The remainder of that step, below (v1, v0): the low two words of (u3, u2, u1) - q1·(v1, v0).
        long r1 = u2 - v1 * q1 - multiplyHigh(q1, v0);
        long low = q1 * v0;
        long r0 = u1 - low;
        if (Long.compareUnsigned(u1, low) < 0) {
            r1--;
        }
        long q0 = quotientDigit(r1, r0, u0, v1, v0);
        return toBigInteger(q1, q0);
    }

    /**
     * One digit of Knuth's algorithm D (4.3.1) in base 2^64 for a two-digit divisor {@code (v1, v0)} whose top bit is
     * set: {@code floor((n2, n1, n0) / (v1, v0))} for {@code (n2, n1)} below {@code (v1, v0)}, so the digit fits a
     * word. The estimate from the top digits is at most two too large; with a divisor of two digits the test against
     * {@code v0} (step D3) compares the whole remainder, so what it leaves is exact.
     */
    private static long quotientDigit(long n2, long n1, long n0, long v1, long v0) {
        long qhat;
        long rhat;
        boolean rhatOverflows;
        if (n2 == v1) {
            qhat = -1L;
            rhat = n1 + v1;
            rhatOverflows = Long.compareUnsigned(rhat, n1) < 0;
        } else {
            qhat = divide(n2, n1, v1);
            rhat = n1 - qhat * v1;
            rhatOverflows = false;
        }
        while (!rhatOverflows) {
            long productHigh = multiplyHigh(qhat, v0);
            long productLow = qhat * v0;
            if (Long.compareUnsigned(productHigh, rhat) < 0
                    || productHigh == rhat && Long.compareUnsigned(productLow, n0) <= 0) {
                break;
            }
            qhat--;
            long next = rhat + v1;
            rhatOverflows = Long.compareUnsigned(next, rhat) < 0;
            rhat = next;
        }
        return qhat;
    }

    /**
     * Replaces the four-word number {@code y} (most significant last) by its quotient by the kept divisor {@code d}:
     * word by word, each step's remainder the high word of the next. Leading zero words stay zero and are skipped (a
     * seizure's product mostly takes three words, and its quotient by a price two).
     */
    private static void divideInPlace(long[] y, Divisor d) {
        long rest = 0;
        int top = y.length - 1;
        while (top > 0 && y[top] == 0) {
            top--;
        }
        for (int k = top; k >= 0; k--) {
            long q = divide(rest, y[k], d);
            rest = y[k] - q * d.value;
            y[k] = q;
        }
    }
}
