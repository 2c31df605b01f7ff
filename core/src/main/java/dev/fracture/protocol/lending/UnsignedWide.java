package dev.fracture.protocol.lending;

/**
 * Unsigned 128-bit integer steps on pairs of {@code long} words ({@code hi·2^64 + lo}), for the fixed-width account
 * check ({@link FixedWidthHealth}): a product of two words and the quotient of a double word by one word.
 *
 * <p>The division is Knuth's algorithm D specialised to a two-word dividend and a one-word divisor, in 32-bit digits
 * (D. E. Knuth, <i>The Art of Computer Programming</i>, vol. 2, 4.3.1; H. S. Warren, <i>Hacker's Delight</i>, 2nd ed.,
 * 9-4, {@code divlu}): the divisor is shifted until its top bit is set, so each estimated quotient digit is at most
 * two too large and is corrected against the divisor's second digit.
 */
final class UnsignedWide {
    private static final long DIGIT = 1L << 32;
    private static final long DIGIT_MASK = DIGIT - 1;

    private UnsignedWide() {
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
}
