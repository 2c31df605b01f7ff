package dev.fracture.protocol.options;

import java.util.Objects;

/** Input checks shared by the options records and calculators: each failure names the field and the rule broken. */
final class Checks {
    private Checks() {
    }

    static double positive(double value, String field) {
        finite(value, field);
        if (!(value > 0)) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value);
        }
        return value;
    }

    static double nonNegative(double value, String field) {
        finite(value, field);
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
        return value;
    }

    static double finite(double value, String field) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
        return value;
    }

    /** Time to expiry in years; an option at or past expiry has no Black–Scholes price to speak of. */
    static double unexpired(double years, String field) {
        finite(years, field);
        if (!(years > 0)) {
            throw new IllegalArgumentException(field + " must be > 0 years (the option has expired), was " + years);
        }
        return years;
    }

    static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, field + " is required");
    }
}
