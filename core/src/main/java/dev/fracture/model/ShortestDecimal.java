package dev.fracture.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The decimal a double stands for, the same on every JDK: the shortest decimal that rounds to it, and of those the
 * closest to it (an even last digit between two equally close), which is the number {@link Double#toString(double)}
 * writes since Java 19 (its specification was tightened then, JDK-4511638: "Let R be the set of all decimals that
 * round to x according to the usual round to nearest rounding policy of IEEE 754; let m be the minimal length over
 * all decimals in R; when m ≥ 2, let T be the set of all decimals in R with length m; otherwise, let T be the set of
 * all decimals in R with length 1 or 2; d is the decimal in T closest to x, or if there are two, the one whose least
 * significant digit is even").
 *
 * <p>Why: amounts typed as doubles are turned into token units through their decimal, so that 0.1 ETH is exactly
 * 10^17 wei ({@code BigDecimal.valueOf(double)} did this through {@code Double.toString}). Java 17's
 * {@code Double.toString} sometimes writes a longer decimal than the shortest — 6.6020195735793048E16 where Java 19+
 * writes 6.602019573579305E16 — so the same run gave other token amounts, another trace and another state hash on
 * Java 17 than on Java 19 and later. Deciding the decimal here makes the engine's bits the same on every JDK.
 *
 * <p>How, without a port of a shortest-digits algorithm: a decimal of at most 15 significant digits that rounds to a
 * normal double is the only one of that length or less that does (decimals of 15 digits are more than one double's
 * spacing apart, since 10^15 &lt; 2^53), so when Java's own {@code Double.toString} (which always writes a decimal
 * that rounds back to its double) writes at most 15 digits, it is the answer on every JDK. Otherwise the shortest
 * decimal has 15, 16 or 17 digits, and at each length only the two decimals of that length on either side of the
 * double's exact value can round to it; they are tried in turn, their rounding to double being correctly rounded
 * ({@link BigDecimal#doubleValue()}). On Java 19 and later {@code Double.toString} is the answer as specified, and is
 * used as it stands. Subnormal doubles (below {@link Double#MIN_NORMAL}) are searched from one digit up.
 */
public final class ShortestDecimal {
    /** Whether this JDK's {@code Double.toString} is specified to write the shortest, closest decimal (Java 19+). */
    private static final boolean SPECIFIED = Runtime.version().feature() >= 19;
    /** The most digits that can name a normal double alone; see the class comment. */
    private static final int UNIQUE_DIGITS = 15;
    /** Enough digits for any double. */
    private static final int MOST_DIGITS = 17;

    private ShortestDecimal() {
    }

    /**
     * The shortest, closest decimal of {@code x} (see the class comment); zero for either zero.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or infinite, which no decimal names
     */
    public static BigDecimal of(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("shortest decimal: " + x + " is not a finite number");
        }
        if (x == 0) {
            return BigDecimal.ZERO;
        }
        String text = Double.toString(x);
        if (SPECIFIED || (Math.abs(x) >= Double.MIN_NORMAL && significantDigits(text) <= UNIQUE_DIGITS)) {
            return new BigDecimal(text);
        }
        BigDecimal magnitude = searched(Math.abs(x));
        return x < 0 ? magnitude.negate() : magnitude;
    }

    /** {@link #of} without the JDK's text: the search every JDK gives the same answer by (for tests). */
    static BigDecimal searched(double positive) {
        BigDecimal exact = new BigDecimal(positive);
        int from = positive >= Double.MIN_NORMAL ? UNIQUE_DIGITS : 1;
        for (int digits = from; digits <= MOST_DIGITS; digits++) {
            BigDecimal best = closestRoundingBack(exact, positive, digits, null);
            if (best != null && digits == 1) {
                // The specification's length-one rule: the closest of the decimals of one or two digits.
                best = closestRoundingBack(exact, positive, 2, best);
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        throw new IllegalStateException("shortest decimal: no decimal of at most 17 digits rounds to " + positive);
    }

    /**
     * Of {@code known} (null: none) and the decimals of {@code digits} significant digits on either side of
     * {@code exact} that round to {@code x}, the closest to {@code exact} (the even last digit on a tie); null if none.
     */
    private static BigDecimal closestRoundingBack(BigDecimal exact, double x, int digits, BigDecimal known) {
        BigDecimal best = known;
        for (RoundingMode side : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP}) {
            BigDecimal candidate = exact.round(new MathContext(digits, side));
            if (candidate.doubleValue() == x) {
                best = best == null ? candidate : closer(exact, best, candidate);
            }
        }
        return best;
    }

    private static BigDecimal closer(BigDecimal exact, BigDecimal a, BigDecimal b) {
        int c = exact.subtract(a).abs().compareTo(exact.subtract(b).abs());
        if (c != 0) {
            return c < 0 ? a : b;
        }
        if (a.compareTo(b) == 0) {
            return a;
        }
        return a.unscaledValue().testBit(0) ? b : a;
    }

    /** The significant digits of a {@code Double.toString} text (sign, point, exponent and leading zeros left out). */
    static int significantDigits(String text) {
        int end = text.indexOf('E');
        if (end < 0) {
            end = text.length();
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < end; i++) {
            char ch = text.charAt(i);
            if (ch >= '1' && ch <= '9') {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return 1;
        }
        int count = 0;
        for (int i = first; i <= last; i++) {
            count += Character.isDigit(text.charAt(i)) ? 1 : 0;
        }
        return count;
    }
}
