package dev.fracture.model;

import java.math.BigDecimal;
import java.math.BigInteger;
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

    /** The powers of ten a double holds exactly (10^22 is the last: 5^22 < 2^53). */
    private static final double[] EXACT_POWERS_OF_TEN = new double[23];

    static {
        double power = 1;
        for (int k = 0; k < EXACT_POWERS_OF_TEN.length; k++) {
            EXACT_POWERS_OF_TEN[k] = power;
            power *= 10;
        }
    }

    /**
     * Below 2^52 a double's spacing is at most 1/2, so its whole part and its fraction are both exact doubles
     * ({@link #decided} splits the scaled amount there).
     */
    private static final double WHOLE_LIMIT = 0x1p52;

    /** {@link #decided}'s answer when the double's own value cannot decide the integer. */
    static final long UNDECIDED = -1;

    /**
     * {@code of(x)} in units of {@code 10^-decimals}, rounded to an integer by {@code mode}: how a token amount held as
     * a double becomes the integer a contract stores ({@code of(x).movePointRight(decimals).setScale(0, mode)}).
     *
     * <p>Most amounts do not need the decimal: {@code of(x)} lies within half a unit in the last place of {@code x}
     * (it rounds to {@code x}), so when every number that close to {@code x}, scaled, rounds to the same integer, that
     * integer is the answer — found from the exact product of {@code x} and the power of ten ({@link Math#fma} gives
     * the product's rounding error exactly). Only an amount whose scaled value lies that close to a rounding boundary
     * (or is too large or too fine for the test) is written out as its decimal.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or infinite, or {@code decimals} is negative
     */
    public static BigInteger units(double x, int decimals, RoundingMode mode) {
        if (decimals < 0) {
            throw new IllegalArgumentException("shortest decimal: decimals must be >= 0, got " + decimals);
        }
        long fast = decided(x, decimals, mode);
        if (fast != UNDECIDED) {
            return BigInteger.valueOf(fast);
        }
        return of(x).movePointRight(decimals).setScale(0, mode).toBigIntegerExact();
    }

    /**
     * {@link #units}'s integer when {@code x}'s own value decides it (see there), else {@link #UNDECIDED}: for a
     * positive {@code x} whose scaled value is below 2^52, {@code decimals} at most 22, and the modes floor, ceiling
     * and half-even.
     */
    static long decided(double x, int decimals, RoundingMode mode) {
        if (!(x > 0) || decimals >= EXACT_POWERS_OF_TEN.length
                || !(mode == RoundingMode.FLOOR || mode == RoundingMode.CEILING || mode == RoundingMode.HALF_EVEN)) {
            return UNDECIDED;
        }
        double scale = EXACT_POWERS_OF_TEN[decimals];
        double product = x * scale;
        if (!(product < WHOLE_LIMIT)) {
            return UNDECIDED;
        }
        // x * scale exactly is product + error; below 2^52 the whole part and the fraction are exact doubles.
        double error = Math.fma(x, scale, -product);
        double whole = Math.floor(product);
        double fraction = (product - whole) + error;
        // Where of(x) * scale may lie, relative to whole: within half of x's larger spacing, scaled, of the exact
        // product; widened by a few units of the fraction's own rounding (it is at most about 1).
        double reach = Math.ulp(x) * 0.5 * scale + 0x1p-50;
        double low = fraction - reach;
        double high = fraction + reach;
        double step;
        if (mode == RoundingMode.FLOOR) {
            step = Math.floor(low);
            if (Math.floor(high) != step) {
                return UNDECIDED;
            }
        } else if (mode == RoundingMode.CEILING) {
            step = Math.ceil(low);
            if (Math.ceil(high) != step) {
                return UNDECIDED;
            }
        } else {
            // Half-even: the interval must not reach a half, where the decimal's last digit would decide.
            step = Math.floor(low + 0.5);
            if (!(low > step - 0.5 && high < step + 0.5)) {
                return UNDECIDED;
            }
        }
        return (long) whole + (long) step;
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
