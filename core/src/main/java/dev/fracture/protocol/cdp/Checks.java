package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/** Argument rules shared by the records of this package; every message names the field and the rule. */
final class Checks {
    private Checks() {
    }

    static BigInteger nonNegative(BigInteger v, String field) {
        if (v == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (v.signum() < 0) {
            throw new IllegalArgumentException(field + " must be non-negative, got " + v);
        }
        return v;
    }

    static BigInteger positive(BigInteger v, String field) {
        nonNegative(v, field);
        if (v.signum() == 0) {
            throw new IllegalArgumentException(field + " must be positive, got 0");
        }
        return v;
    }

    static BigInteger atLeast(BigInteger v, BigInteger min, String field, String unit) {
        nonNegative(v, field);
        if (v.compareTo(min) < 0) {
            throw new IllegalArgumentException(field + " must be at least 1 " + unit + " (" + min + "), got " + v);
        }
        return v;
    }

    static long nonNegative(long v, String field) {
        if (v < 0) {
            throw new IllegalArgumentException(field + " must be non-negative, got " + v);
        }
        return v;
    }

    static long positive(long v, String field) {
        if (v <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + v);
        }
        return v;
    }

    static double nonNegative(double v, String field) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(field + " must be finite and non-negative, got " + v);
        }
        return v;
    }

    static <T> T notNull(T v, String field) {
        if (v == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return v;
    }
}
