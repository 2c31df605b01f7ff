package dev.fracture.scenario;

/**
 * GARCH(1,1) volatility clustering (Bollerslev, 1986): per step, r_t = μ + ε_t with ε_t = σ_t·Z_t and
 * σ²_t = ω + α·ε²_{t−1} + β·σ²_{t−1}. Parameters are per step of the data it was fitted on (an hour for hourly
 * candles), so {@code dtYears} must equal {@code stepYears}; the path starts at the unconditional variance
 * ω / (1 − α − β), which requires α + β < 1.
 */
public record Garch11(double mean, double omega, double alpha, double beta, double stepYears) implements ReturnGenerator {
    public Garch11 {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("GARCH mean must be finite (was " + mean + ")");
        }
        if (!(omega > 0) || Double.isInfinite(omega)) {
            throw new IllegalArgumentException("GARCH omega must be a positive finite number (was " + omega + ")");
        }
        if (!(alpha >= 0) || !(beta >= 0)) {
            throw new IllegalArgumentException("GARCH alpha and beta must be >= 0 (were " + alpha + ", " + beta + ")");
        }
        if (!(alpha + beta < 1)) {
            throw new IllegalArgumentException("GARCH alpha + beta must be < 1 for a stationary variance (was "
                    + (alpha + beta) + ")");
        }
        if (!(stepYears > 0) || Double.isInfinite(stepYears)) {
            throw new IllegalArgumentException("GARCH stepYears must be a positive finite number (was " + stepYears + ")");
        }
    }

    /** ω / (1 − α − β), the long-run variance per step. */
    public double unconditionalVariance() {
        return omega / (1 - alpha - beta);
    }

    @Override
    public double[] logReturns(int steps, double dtYears, double[] shocks, Normals draws) {
        ReturnGenerator.requireSteps(steps, dtYears, shocks);
        if (Math.abs(dtYears - stepYears) > 1e-9 * stepYears) {
            throw new IllegalArgumentException("GARCH was fitted on steps of " + stepYears + " years; cannot step "
                    + dtYears);
        }
        double variance = unconditionalVariance();
        double[] r = new double[steps];
        for (int i = 0; i < steps; i++) {
            double eps = StrictMath.sqrt(variance) * shocks[i];
            r[i] = mean + eps;
            variance = omega + alpha * eps * eps + beta * variance;
        }
        return r;
    }
}
