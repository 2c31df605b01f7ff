package dev.fracture.scenario;

import dev.fracture.model.ShortestDecimal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/** The value rules scenario records share, so that every record words a broken rule the same way. */
final class Checks {
    private Checks() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new ScenarioFieldException(field, "is required");
        }
        return value;
    }

    static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ScenarioFieldException(field, "must not be blank");
        }
        return value;
    }

    static <T> List<T> list(String field, List<T> value) {
        if (value == null) {
            return List.of();
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                throw new ScenarioFieldException(field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(value);
    }

    static <T> List<T> nonEmpty(String field, List<T> value) {
        List<T> copy = list(field, value);
        if (copy.isEmpty()) {
            throw new ScenarioFieldException(field, "must hold at least one element");
        }
        return copy;
    }

    static void positive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new ScenarioFieldException(field, "must be a finite number greater than 0 (was " + show(value) + ")");
        }
    }

    static void nonNegative(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new ScenarioFieldException(field, "must be a finite number at least 0 (was " + show(value) + ")");
        }
    }

    /** A share of something that must not be empty: (0, 1]. */
    static void fraction(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new ScenarioFieldException(field, "must be in (0, 1] (was " + show(value) + ")");
        }
    }

    /** A share that must leave something of what it takes from: (0, 1). */
    static void openFraction(String field, double value) {
        if (!(value > 0 && value < 1)) {
            throw new ScenarioFieldException(field, "must be in (0, 1) (was " + show(value) + ")");
        }
    }

    static void between(String field, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new ScenarioFieldException(field, "must be between " + show(min) + " and " + show(max) + " (was "
                    + show(value) + ")");
        }
    }

    static void between(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ScenarioFieldException(field, "must be between " + min + " and " + max + " (was " + value + ")");
        }
    }

    static void positive(String field, long value) {
        if (value <= 0) {
            throw new ScenarioFieldException(field, "must be greater than 0 (was " + value + ")");
        }
    }

    static void nonNegative(String field, long value) {
        if (value < 0) {
            throw new ScenarioFieldException(field, "must be at least 0 (was " + value + ")");
        }
    }

    /** An interval of simulated time, [from, to). */
    static void interval(long from, long to) {
        nonNegative("fromSeconds", from);
        if (to <= from) {
            throw new ScenarioFieldException("toSeconds", "must be after fromSeconds (" + from + "), was " + to);
        }
    }

    static <T> void distinct(String field, List<T> values) {
        for (int i = 0; i < values.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (Objects.equals(values.get(i), values.get(j))) {
                    throw new ScenarioFieldException(field + "[" + i + "]", "repeats " + values.get(i)
                            + " (already at index " + j + ")");
                }
            }
        }
    }

    /** Plain digits, but a power of ten for magnitudes whose digits would fill the message (1E+308, 1E-300). */
    static String show(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal exact = ShortestDecimal.of(value).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude != 0 && (magnitude < 1e-9 || magnitude >= 1e15) ? exact.toString() : exact.toPlainString();
    }

    /** A value the rules computed (a product of the user's numbers), to six significant digits. */
    static String approx(double value) {
        return Double.isFinite(value) ? show(new BigDecimal(value).round(new MathContext(6)).doubleValue())
                : show(value);
    }
}
