package dev.fracture.bench;

/** Setup checks: a benchmark that measures a wrong answer measures nothing. */
final class Checks {
    private Checks() {
    }

    static void near(String what, double actual, double expected, double relativeTolerance) {
        if (!(Math.abs(actual - expected) <= relativeTolerance * Math.abs(expected))) {
            throw new IllegalStateException(what + ": expected " + expected + " within " + relativeTolerance
                    + " relative, got " + actual);
        }
    }

    static void isTrue(String what, boolean condition) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }
}
