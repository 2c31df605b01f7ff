package dev.fracture.protocol.cdp;

import dev.fracture.model.ShortestDecimal;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Maker's fixed-point units and the integer operations its contracts use, reproduced to the last unit: {@code wmul},
 * {@code rmul} and {@code rdiv} floor as in makerdao/dss {@code src/clip.sol} and {@code src/jug.sol}; {@code rpow} is
 * the square-and-multiply of {@code src/jug.sol} / {@code src/abaci.sol}, which rounds every product half up.
 * {@link BigInteger} never wraps, so the only contract behaviour kept from overflow is the revert when a value leaves
 * uint256, surfacing as an {@link ArithmeticException} (a bug inside the engine, never a market condition).
 */
public final class DssMath {
    /** 10^18: token amounts, normalized debt, chop and chip. */
    public static final BigInteger WAD = BigInteger.TEN.pow(18);
    /** 10^27: prices (spot, top), rates, mat, buf, cusp, cut. */
    public static final BigInteger RAY = BigInteger.TEN.pow(27);
    /** 10^45: DAI balances and debt (tab, dust, line, hole, tip); the product of a WAD and a RAY. */
    public static final BigInteger RAD = BigInteger.TEN.pow(45);
    private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private DssMath() {
    }

    /** floor(x·y / WAD). */
    public static BigInteger wmul(BigInteger x, BigInteger y) {
        return uint(x.multiply(y)).divide(WAD);
    }

    /** floor(x·y / RAY). */
    public static BigInteger rmul(BigInteger x, BigInteger y) {
        return uint(x.multiply(y)).divide(RAY);
    }

    /** floor(x·RAY / y); y must be positive (the contract reverts on division by zero). */
    public static BigInteger rdiv(BigInteger x, BigInteger y) {
        if (y.signum() <= 0) {
            throw new ArithmeticException("rdiv: division by zero");
        }
        return uint(x.multiply(RAY)).divide(y);
    }

    /**
     * x^n in base b with every intermediate product rounded half up, exactly as the assembly {@code rpow} of
     * {@code jug.sol} and {@code abaci.sol}: 0^0 = b, 0^n = 0.
     */
    public static BigInteger rpow(BigInteger x, long n, BigInteger b) {
        if (n < 0) {
            throw new IllegalArgumentException("rpow: exponent must be non-negative, got " + n);
        }
        if (x.signum() == 0) {
            return n == 0 ? b : BigInteger.ZERO;
        }
        BigInteger half = b.shiftRight(1);
        BigInteger z = (n & 1) == 0 ? b : x;
        for (n >>= 1; n != 0; n >>= 1) {
            x = uint(uint(x.multiply(x)).add(half)).divide(b);
            if ((n & 1) != 0) {
                z = uint(uint(z.multiply(x)).add(half)).divide(b);
            }
        }
        return z;
    }

    /** A WAD/RAY/RAD integer as a double in natural units (scale is the unit, e.g. {@link #RAY}). */
    public static double toDouble(BigInteger value, BigInteger scale) {
        // The units are powers of ten: the quotient is the value with its decimal point moved, the same number, so the
        // same correctly rounded double — without a division.
        int digits = scale == RAY ? 27 : scale == WAD ? 18 : scale == RAD ? 45 : -1;
        if (digits >= 0) {
            return new BigDecimal(value, digits).doubleValue();
        }
        return new BigDecimal(value).divide(new BigDecimal(scale)).doubleValue();
    }

    /** A natural-unit double as the nearest-below integer in the given unit, through its shortest decimal form. */
    public static BigInteger fromDouble(double value, BigInteger scale) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("value must be finite and non-negative, got " + value);
        }
        return ShortestDecimal.of(value).multiply(new BigDecimal(scale)).toBigInteger();
    }

    /** Parses a decimal string (e.g. "1.05") into the given unit, exactly; more digits than the unit holds are refused. */
    public static BigInteger parse(String decimal, BigInteger scale) {
        BigDecimal scaled = new BigDecimal(decimal).multiply(new BigDecimal(scale));
        return scaled.toBigIntegerExact();
    }

    static BigInteger min(BigInteger a, BigInteger b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static BigInteger uint(BigInteger v) {
        if (v.signum() < 0 || v.compareTo(MAX_UINT256) > 0) {
            throw new ArithmeticException("value leaves uint256: " + v);
        }
        return v;
    }
}
