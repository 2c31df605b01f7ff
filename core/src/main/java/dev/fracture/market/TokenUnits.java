package dev.fracture.market;

import dev.fracture.model.ShortestDecimal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Conversions between token units (what the {@link Venue} interface speaks, 1.5 = 1.5 ETH) and the integer
 * units a contract stores (1.5 ETH = 1500000000000000000 wei for 18 decimals).
 *
 * <p>A double goes through its shortest decimal representation ({@link ShortestDecimal}, the same on every JDK), so
 * 0.1 ETH becomes exactly 10^17 wei rather than the binary expansion of 0.1.
 */
final class TokenUnits {
    private TokenUnits() {
    }

    static BigInteger floor(double tokens, int decimals) {
        return ShortestDecimal.units(tokens, decimals, RoundingMode.FLOOR);
    }

    static BigInteger ceil(double tokens, int decimals) {
        return ShortestDecimal.units(tokens, decimals, RoundingMode.CEILING);
    }

    static double toTokens(BigInteger units, int decimals) {
        return new BigDecimal(units, decimals).doubleValue();
    }

    /**
     * A stored amount in token units, converted exactly; a spec amount finer than the token's decimals is an
     * error, because the chain could never hold it.
     */
    static BigInteger exact(BigDecimal tokens, int decimals) {
        try {
            return tokens.movePointRight(decimals).setScale(0, RoundingMode.UNNECESSARY).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(tokens.toPlainString() + " has more than " + decimals + " decimals", e);
        }
    }
}
