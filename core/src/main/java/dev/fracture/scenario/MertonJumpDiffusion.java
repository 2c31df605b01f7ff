package dev.fracture.scenario;

/**
 * Merton's jump diffusion (Merton, 1976, "Option pricing when underlying stock returns are discontinuous"): GBM
 * plus jumps arriving as a Poisson process of intensity λ per year, each multiplying the price by e^J with J normal
 * (mean m, deviation s). The drift is compensated by λk, k = e^{m + s²/2} − 1, so that μ stays the expected
 * return: log return per step = (μ − σ²/2 − λk)·dt + σ√dt·Z + Σ J over the N ~ Poisson(λ·dt) jumps.
 */
public record MertonJumpDiffusion(double drift, double volatility, double jumpsPerYear, double jumpMean,
                                  double jumpStdDev) implements ReturnGenerator {
    public MertonJumpDiffusion {
        if (!Double.isFinite(drift)) {
            throw new IllegalArgumentException("Merton drift must be finite (was " + drift + ")");
        }
        if (!(volatility >= 0) || Double.isInfinite(volatility)) {
            throw new IllegalArgumentException("Merton volatility must be a finite number >= 0 (was " + volatility + ")");
        }
        if (!(jumpsPerYear >= 0) || Double.isInfinite(jumpsPerYear)) {
            throw new IllegalArgumentException("Merton jumpsPerYear must be a finite number >= 0 (was "
                    + jumpsPerYear + ")");
        }
        if (!Double.isFinite(jumpMean)) {
            throw new IllegalArgumentException("Merton jumpMean must be finite (was " + jumpMean + ")");
        }
        if (!(jumpStdDev >= 0) || Double.isInfinite(jumpStdDev)) {
            throw new IllegalArgumentException("Merton jumpStdDev must be a finite number >= 0 (was " + jumpStdDev + ")");
        }
    }

    /** k = E[e^J] − 1, the expected relative jump. */
    public double expectedJump() {
        return StrictMath.exp(jumpMean + 0.5 * jumpStdDev * jumpStdDev) - 1;
    }

    @Override
    public double[] logReturns(int steps, double dtYears, double[] shocks, Normals draws) {
        ReturnGenerator.requireSteps(steps, dtYears, shocks);
        double mean = (drift - 0.5 * volatility * volatility - jumpsPerYear * expectedJump()) * dtYears;
        double sd = volatility * StrictMath.sqrt(dtYears);
        double[] r = new double[steps];
        for (int i = 0; i < steps; i++) {
            double x = mean + sd * shocks[i];
            int jumps = draws.poisson(jumpsPerYear * dtYears);
            for (int j = 0; j < jumps; j++) {
                x += jumpMean + jumpStdDev * draws.next();
            }
            r[i] = x;
        }
        return r;
    }
}
