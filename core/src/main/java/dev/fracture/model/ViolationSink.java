package dev.fracture.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the violations of one validation pass, with the numeric checks that several rules share, so every
 * rule words its message the same way.
 */
final class ViolationSink {
    private final List<Violation> violations = new ArrayList<>();

    void add(String path, String rule) {
        violations.add(new Violation(path, rule));
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Reports a missing value; returns whether the value is present, so callers can skip checks on it. */
    boolean required(String path, Object value) {
        if (value == null) {
            add(path, "is required");
            return false;
        }
        return true;
    }

    void notBlank(String path, String value) {
        if (value == null) {
            add(path, "is required");
        } else if (value.isBlank()) {
            add(path, "must not be blank");
        }
    }

    void positive(String path, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            add(path, "must be a finite number greater than 0 (was " + show(value) + ")");
        }
    }

    void nonNegative(String path, double value) {
        if (!Double.isFinite(value) || value < 0) {
            add(path, "must be a finite number at least 0 (was " + show(value) + ")");
        }
    }

    void between(String path, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            add(path, "must be between " + show(min) + " and " + show(max) + " (was " + show(value) + ")");
        }
    }

    void between(String path, long value, long min, long max) {
        if (value < min || value > max) {
            add(path, "must be between " + min + " and " + max + " (was " + value + ")");
        }
    }

    void positive(String path, BigDecimal value) {
        if (required(path, value) && value.signum() <= 0) {
            add(path, "must be greater than 0 (was " + value.toPlainString() + ")");
        }
    }

    void nonNegative(String path, BigDecimal value) {
        if (required(path, value) && value.signum() < 0) {
            add(path, "must not be negative (was " + value.toPlainString() + ")");
        }
    }

    void between(String path, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (required(path, value) && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            add(path, "must be between " + min.toPlainString() + " and " + max.toPlainString()
                    + " (was " + value.toPlainString() + ")");
        }
    }

    void positive(String path, BigInteger value) {
        if (required(path, value) && value.signum() <= 0) {
            add(path, "must be greater than 0 (was " + value + ")");
        }
    }

    /**
     * An amount finer than the token's smallest unit cannot exist on chain; converting it to integer units would
     * silently round, so it is an error instead.
     */
    void fitsDecimals(String path, BigDecimal amount, Asset token) {
        if (amount == null || token == null || token.decimals() < 0) {
            return;
        }
        int digits = Math.max(0, amount.stripTrailingZeros().scale());
        if (digits > token.decimals()) {
            add(path, "has " + digits + " fractional digits but asset '" + token.id() + "' has "
                    + token.decimals() + " decimals");
        }
    }

    static String show(double value) {
        return Double.isFinite(value) ? ShortestDecimal.of(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}
