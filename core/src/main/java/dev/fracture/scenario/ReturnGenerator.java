package dev.fracture.scenario;

/**
 * A seeded model of one asset's log returns, step by step. Implementations are immutable and stateless between
 * paths: each {@link #logReturns} call starts a fresh path from the draws it is given.
 */
public interface ReturnGenerator {

    /**
     * Log returns of {@code steps} steps of {@code dtYears} each. {@code shocks} supplies the standard normal
     * driving each step (correlated across assets by {@link CorrelatedShocks} when there are several); extra
     * randomness (jumps, bootstrap blocks) is drawn from {@code draws}.
     */
    double[] logReturns(int steps, double dtYears, double[] shocks, Normals draws);

    /** A price path from {@code start}, one point per step, the first point being {@code start} itself. */
    default double[] prices(double start, int steps, double dtYears, double[] shocks, Normals draws) {
        if (!(start > 0) || Double.isInfinite(start)) {
            throw new IllegalArgumentException("start price must be a positive finite number (was " + start + ")");
        }
        double[] r = logReturns(steps, dtYears, shocks, draws);
        double[] p = new double[steps + 1];
        p[0] = start;
        double log = StrictMath.log(start);
        for (int i = 0; i < steps; i++) {
            log += r[i];
            p[i + 1] = StrictMath.exp(log);
        }
        return p;
    }

    static void requireSteps(int steps, double dtYears, double[] shocks) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0 (was " + steps + ")");
        }
        if (!(dtYears > 0) || Double.isInfinite(dtYears)) {
            throw new IllegalArgumentException("dtYears must be a positive finite number (was " + dtYears + ")");
        }
        if (shocks == null || shocks.length < steps) {
            throw new IllegalArgumentException("need " + steps + " shocks, got " + (shocks == null ? 0 : shocks.length));
        }
    }
}
