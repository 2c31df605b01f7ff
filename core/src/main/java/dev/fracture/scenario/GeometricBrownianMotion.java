package dev.fracture.scenario;

/**
 * Geometric Brownian motion, dS = μS dt + σS dW (Black and Scholes, 1973; Hull, ch. 15): log returns are normal
 * with mean (μ − σ²/2)·dt and variance σ²·dt.
 *
 * @param drift      μ per year
 * @param volatility σ per √year
 */
public record GeometricBrownianMotion(double drift, double volatility) implements ReturnGenerator {
    public GeometricBrownianMotion {
        if (!Double.isFinite(drift)) {
            throw new IllegalArgumentException("GBM drift must be finite (was " + drift + ")");
        }
        if (!(volatility >= 0) || Double.isInfinite(volatility)) {
            throw new IllegalArgumentException("GBM volatility must be a finite number >= 0 (was " + volatility + ")");
        }
    }

    @Override
    public double[] logReturns(int steps, double dtYears, double[] shocks, Normals draws) {
        ReturnGenerator.requireSteps(steps, dtYears, shocks);
        double mean = (drift - 0.5 * volatility * volatility) * dtYears;
        double sd = volatility * StrictMath.sqrt(dtYears);
        double[] r = new double[steps];
        for (int i = 0; i < steps; i++) {
            r[i] = mean + sd * shocks[i];
        }
        return r;
    }
}
