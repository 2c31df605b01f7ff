package dev.fracture.oracle;

/** Argument checks shared by the feeds; every failure names the feed, the field and the rule. */
final class OracleChecks {
    private OracleChecks() {
    }

    static IllegalArgumentException fail(String feed, String rule) {
        return new IllegalArgumentException(feed + ": " + rule);
    }

    static void positive(String feed, String field, long value) {
        if (value <= 0) {
            throw fail(feed, field + " must be > 0, got " + value);
        }
    }

    static void nonNegative(String feed, String field, long value) {
        if (value < 0) {
            throw fail(feed, field + " must be >= 0, got " + value);
        }
    }

    static void nonNegative(String feed, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw fail(feed, field + " must be finite and >= 0, got " + value);
        }
    }

    static void price(String feed, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw fail(feed, field + " must be a finite price > 0, got " + value);
        }
    }

    static void fraction(String feed, String field, double value) {
        if (!(value > 0 && value < 1)) {
            throw fail(feed, field + " must be in (0, 1), got " + value);
        }
    }

    static void notBefore(String feed, long now, long last) {
        if (now < last) {
            throw fail(feed, "time must not go backwards: now " + now + " is before " + last);
        }
    }
}
