package dev.fracture.protocol.lending;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * A token amount in its smallest units read as a number of tokens: {@code units / 10^decimals} as the nearest
 * {@code double} ({@link #nearest}), or first rounded to 16 significant digits, half to even
 * ({@link MathContext#DECIMAL64}), the way a liquidation opportunity reports it ({@link #decimal64}). Both give the
 * bits of the {@code BigDecimal} conversion they stand for, reckoned in 64-bit words for amounts below 2^127.
 */
public final class TokenAmounts {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final int DIGITS = 16;
    private static final double LOG10_2 = Math.log10(2);
    /** 10^0 … 10^18 as doubles: each exact (every power of ten up to 10^22 is). */
    private static final double[] EXACT_POWERS = new double[19];

    /** 2^-68 … 2^64, the scales of {@link #nearest}'s quotient (index: the exponent + 68); each exact. */
    private static final int POWER_OFFSET = 68;
    private static final double[] POWERS_OF_TWO = new double[POWER_OFFSET + 64 + 1];

    static {
        for (int k = 0; k < EXACT_POWERS.length; k++) {
            EXACT_POWERS[k] = UnsignedWide.pow10(k);
        }
        for (int e = -POWER_OFFSET; e <= 64; e++) {
            POWERS_OF_TWO[e + POWER_OFFSET] = Math.scalb(1.0, e);
        }
    }

    private TokenAmounts() {
    }

    /**
     * The {@code double} nearest to {@code units / 10^decimals}, ties to even: {@code new BigDecimal(units,
     * decimals).doubleValue()}, the same bits, without the decimal text that conversion writes and parses for amounts
     * of 2^52 units or more (every 18-decimal balance above 0.0045 tokens). An amount below 2^53 is exact as a double
     * and divided once by an exact power of ten. A larger one is divided in words to a quotient of 61 to 63 bits
     * scaled by a power of two, the rest of the division kept as a sticky last bit, so that the one rounding to a
     * double — of the quotient, then scaled exactly — is the rounding of the true value (the usual guard-and-sticky
     * argument: the bits below a double's 53 decide the rounding, and a non-zero rest only breaks what would otherwise
     * be a tie). Negative amounts, amounts of 2^127 units or more and more than 18 decimals go through {@code
     * BigDecimal}. A cascade converts balances at every liquidation and for every account's screen.
     */
    public static double nearest(BigInteger units, int decimals) {
        int bits = units.bitLength();
        if (units.signum() < 0 || bits > 127 || decimals < 0 || decimals > 18) {
            return new BigDecimal(units, decimals).doubleValue();
        }
        return nearest(UnsignedWide.high(units), units.longValue(), bits, decimals);
    }

    /**
     * {@link #nearest(BigInteger, int)} of the amount {@code hi·2^64 + lo} (unsigned words), below 2^127: the same
     * bits, for a holder of amounts in words ({@link AaveAccountTable}).
     */
    static double nearest(long hi, long lo, int decimals) {
        if (decimals < 0 || decimals > 18) {
            return new BigDecimal(UnsignedWide.toBigInteger(hi, lo), decimals).doubleValue();
        }
        int bits = hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
        return nearest(hi, lo, bits, decimals);
    }

    /**
     * {@link #nearest(BigInteger, int)} of the amount {@code hi·2^64 + lo} (unsigned words) of {@code bits} bits,
     * below 2^127, with 0 to 18 decimals.
     */
    private static double nearest(long hi, long lo, int bits, int decimals) {
        if (bits <= 53) {
            return lo / EXACT_POWERS[decimals];
        }
        long unit = UnsignedWide.pow10(decimals);
        int unitBits = 64 - Long.numberOfLeadingZeros(unit);
        // units / unit lies in [2^(bits-1-unitBits), 2^(bits-unitBits+1)): scaled by 2^shift into [2^61, 2^63).
        int shift = 62 - (bits - unitBits);
        long quotient;
        boolean rest;
        if (shift >= 0) {
            // units · 2^shift stays below 2^(62 + unitBits) <= 2^122: two words, quotient below 2^63.
            long shiftedHi = shift == 0 ? hi : shift >= 64 ? lo << (shift - 64) : (hi << shift) | (lo >>> (64 - shift));
            long shiftedLo = shift >= 64 ? 0 : lo << shift;
            quotient = UnsignedWide.divide(shiftedHi, shiftedLo, UnsignedWide.pow10Divisor(decimals));
            rest = shiftedLo - quotient * unit != 0;
        } else {
            // units / unit first (two words, its rest kept), then the quotient shifted right by -shift.
            // The high word's division only where there is one (the processor's division, the slowest step here).
            long quotientHi = hi == 0 ? 0 : hi / unit;
            long quotientLo = UnsignedWide.divide(hi - quotientHi * unit, lo, UnsignedWide.pow10Divisor(decimals));
            rest = lo - quotientLo * unit != 0;
            int right = -shift;
            long dropped = right >= 64 ? quotientLo | (right > 64 ? quotientHi << (128 - right) : 0)
                    : quotientLo << (64 - right);
            rest |= dropped != 0;
            quotient = right >= 64 ? quotientHi >>> (right - 64) : (quotientLo >>> right) | (quotientHi << (64 - right));
        }
        // Math.scalb's value: with 54-127 bits and a unit of 1-60 bits the exponent -shift lies in [-68, 64] and the
        // quotient in [2^61, 2^63), so the product is a normal double and multiplying by the power of two is exact.
        return (double) (rest ? quotient | 1 : quotient) * POWERS_OF_TWO[POWER_OFFSET - shift];
    }

    /**
     * {@code new BigDecimal(units, decimals).round(DECIMAL64).doubleValue()}, the same double. For amounts below 2^127
     * the 16 digits are cut in 64-bit words (the rounded number is the same, and a {@code double} of a given number
     * is the same however the number is written: both conversions round correctly), and the digits kept are read as
     * a double by {@link #nearest} in words too — {@code BigDecimal.doubleValue} writes and parses a decimal text for
     * any of 2^52 or more, which most 16-digit numbers are; beyond, through {@code BigDecimal}. A cascade converts two
     * amounts for every opportunity it finds, millions in a large run.
     */
    public static double decimal64(BigInteger units, int decimals) {
        int bits = units.bitLength();
        if (units.signum() >= 0 && bits <= 127 && decimals >= 0) {
            return decimal64(UnsignedWide.high(units), units.longValue(), bits, decimals);
        }
        return new BigDecimal(units, decimals).round(MC).doubleValue();
    }

    /**
     * {@link #decimal64(BigInteger, int)} of the amount {@code hi·2^64 + lo} (unsigned words), below 2^127, with
     * {@code decimals} not negative: the same bits, for amounts reckoned in words ({@link FixedWidthLiquidation}).
     */
    static double decimal64(long hi, long lo, int decimals) {
        int bits = hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
        if (bits > 127 || decimals < 0) {
            return new BigDecimal(UnsignedWide.toBigInteger(hi, lo), decimals).round(MC).doubleValue();
        }
        return decimal64(hi, lo, bits, decimals);
    }

    /** The words' form of {@link #decimal64(BigInteger, int)} for an amount of {@code bits} bits, at most 127. */
    private static double decimal64(long hi, long lo, int bits, int decimals) {
        if (bits <= 53) {
            // Below 2^53 < 10^16: at most 16 digits, nothing to round.
            return decimals <= 18 ? nearest(0, lo, bits, decimals)
                    : BigDecimal.valueOf(lo, decimals).doubleValue();
        }
        // The digits to drop so that 16 stay: first from the bit length (2^(bits-1) has this many digits), then
        // corrected by the quotient itself.
        int drop = Math.max(0, (int) ((bits - 1) * LOG10_2) + 1 - DIGITS);
        while (drop <= 18) {
            long unit = UnsignedWide.pow10(drop);
            // The high word's division only where there is one (the processor's division, the slowest step here).
            long quotientHigh = hi == 0 ? 0 : hi / unit;
            long quotient = UnsignedWide.divide(hi - quotientHigh * unit, lo, UnsignedWide.pow10Divisor(drop));
            long rest = lo - quotient * unit;
            if (quotientHigh != 0 || Long.compareUnsigned(quotient, UnsignedWide.pow10(DIGITS)) >= 0) {
                drop++;
            } else if (drop > 0 && quotient < UnsignedWide.pow10(DIGITS - 1)) {
                drop--;
            } else {
                long twice = rest << 1;
                if (twice > unit || (twice == unit && (quotient & 1) == 1)) {
                    quotient++;
                }
                int scale = decimals - drop;
                return scale >= 0 && scale <= 18
                        ? nearest(0, quotient, 64 - Long.numberOfLeadingZeros(quotient), scale)
                        : BigDecimal.valueOf(quotient, scale).doubleValue();
            }
        }
        return new BigDecimal(UnsignedWide.toBigInteger(hi, lo), decimals).round(MC).doubleValue();
    }
}
