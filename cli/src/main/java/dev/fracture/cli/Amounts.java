package dev.fracture.cli;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Parsing of amounts given on the command line. */
final class Amounts {
    private Amounts() {
    }

    /** A positive decimal amount in token units, exactly as written. */
    static BigDecimal positive(String option, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a decimal number (was '" + text + "')", e);
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(option + " must be positive (was " + text + ")");
        }
        return value;
    }

    /** The amount in a token's integer units; an amount finer than the token's decimals cannot exist on chain. */
    static BigInteger units(String option, BigDecimal tokens, int decimals, Object token) {
        BigDecimal scaled = tokens.movePointRight(decimals);
        if (scaled.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(option + " " + tokens.toPlainString() + " has more decimal places than "
                    + token + "'s " + decimals + " decimals");
        }
        return scaled.toBigIntegerExact();
    }
}
