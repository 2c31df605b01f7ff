package dev.fracture.protocol.lending;

import java.math.BigInteger;
import java.util.Objects;

/** Input checks shared by the lending records: each failure names the field and the rule it breaks. */
final class Require {
    private Require() {
    }

    static BigInteger nonNegative(BigInteger value, String field) {
        Objects.requireNonNull(value, field);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
        return value;
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
        return value;
    }

    static double finiteNonNegative(double value, String field) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
        return value;
    }

    static int range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }
}
