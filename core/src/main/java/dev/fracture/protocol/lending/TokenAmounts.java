package dev.fracture.protocol.lending;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * A token amount in its smallest units read as a number of tokens, the way a liquidation opportunity reports it:
 * {@code units / 10^decimals} rounded to 16 significant digits, half to even ({@link MathContext#DECIMAL64}), then to
 * the nearest {@code double}.
 */
public final class TokenAmounts {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final int DIGITS = 16;
    private static final double LOG10_2 = Math.log10(2);

    private TokenAmounts() {
    }

    /**
     * {@code new BigDecimal(units, decimals).round(DECIMAL64).doubleValue()}, the same double. For amounts below 2^127
     * the 16 digits are cut in 64-bit words (the rounded number is the same, and a {@code double} of a given number
     * is the same however the number is written: both conversions round correctly); beyond, through
     * {@code BigDecimal}. A cascade converts two amounts for every opportunity it finds, millions in a large run.
     */
    public static double decimal64(BigInteger units, int decimals) {
        int bits = units.bitLength();
        if (units.signum() >= 0 && bits <= 127) {
            if (bits <= 53) {
                // Below 2^53 < 10^16: at most 16 digits, nothing to round.
                return BigDecimal.valueOf(units.longValue(), decimals).doubleValue();
            }
            long lo = units.longValue();
            long hi = UnsignedWide.high(units);
            // The digits to drop so that 16 stay: first from the bit length (2^(bits-1) has this many digits), then
            // corrected by the quotient itself.
            int drop = Math.max(0, (int) ((bits - 1) * LOG10_2) + 1 - DIGITS);
            while (drop <= 18) {
                long unit = UnsignedWide.pow10(drop);
                long quotientHigh = hi / unit;
                long quotient = UnsignedWide.divide(hi % unit, lo, unit);
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
                    return BigDecimal.valueOf(quotient, decimals - drop).doubleValue();
                }
            }
        }
        return new BigDecimal(units, decimals).round(MC).doubleValue();
    }
}
