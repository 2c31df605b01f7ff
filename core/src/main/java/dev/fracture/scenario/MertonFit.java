package dev.fracture.scenario;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Merton's jump diffusion by maximum likelihood (Press, 1967; Ball and Torous, 1985, "On jumps in common stock
 * prices and their impact on call option pricing", Journal of Finance 40): a return over Δ is a Poisson(λΔ) mixture
 * of normals, the k-jump component having mean (μ − σ²/2 − λκ)Δ + k·m and variance σ²Δ + k·s², κ = e^{m + s²/2} − 1.
 * The mixture is cut after {@link #MAX_JUMPS} jumps per step (the neglected probability is below 10⁻¹⁰ for λΔ
 * under 0.01, hourly steps with up to 87 jumps a year). Optimised over (μ, ln σ, ln λ, m, ln s) with Hipparchus'
 * Nelder–Mead simplex from a start that reads the jumps off the tails: returns beyond 4 robust standard deviations
 * (median absolute deviation × 1.4826).
 */
public record MertonFit(MertonJumpDiffusion model, double logLikelihood) {
    static final int MAX_JUMPS = 4;
    private static final int MAX_EVALUATIONS = 20_000;

    public static MertonFit of(double[] returns, double stepYears) {
        int n = returns.length;
        if (n < 10) {
            throw new IllegalArgumentException("Merton fit needs at least ten returns (has " + n + ")");
        }
        double[] sorted = returns.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[n / 2];
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(returns[i] - median);
        }
        java.util.Arrays.sort(dev);
        double robustSd = Math.max(1.4826 * dev[n / 2], 1e-12);
        int tails = 0;
        double tailSum = 0;
        double tailSq = 0;
        for (double r : returns) {
            if (Math.abs(r - median) > 4 * robustSd) {
                tails++;
                tailSum += r - median;
                tailSq += (r - median) * (r - median);
            }
        }
        double lambda0 = Math.max(tails, 1) / (n * stepYears);
        double m0 = tails > 0 ? tailSum / tails : 0;
        double s0 = tails > 1 ? Math.sqrt(Math.max(tailSq / tails - m0 * m0, robustSd * robustSd)) : 4 * robustSd;
        double sigma0 = robustSd / Math.sqrt(stepYears);
        double mu0 = median / stepYears + 0.5 * sigma0 * sigma0;
        double[] start = {mu0 * Math.sqrt(stepYears) / robustSd, Math.log(sigma0), Math.log(lambda0), m0 / robustSd,
            Math.log(s0 / robustSd)};
        ObjectiveFunction nll = new ObjectiveFunction(x -> -logLikelihood(returns, stepYears, x, robustSd));
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-10, 1e-12);
        PointValuePair best = null;
        double[] point = start;
        for (int round = 0; round < 6; round++) {
            PointValuePair p = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), nll, GoalType.MINIMIZE,
                    new InitialGuess(point), new NelderMeadSimplex(new double[] {0.5, 0.3, 0.5, 0.5, 0.3}));
            boolean improved = best == null || p.getValue() < best.getValue() - 1e-9 * Math.abs(best.getValue());
            if (best == null || p.getValue() < best.getValue()) {
                best = p;
            }
            if (!improved) {
                break;
            }
            point = p.getPoint();
        }
        double[] x = best.getPoint();
        return new MertonFit(model(x, stepYears, robustSd), -best.getValue());
    }

    private static MertonJumpDiffusion model(double[] x, double dt, double unit) {
        return new MertonJumpDiffusion(x[0] * unit / Math.sqrt(dt), Math.exp(x[1]), Math.exp(x[2]), x[3] * unit,
                Math.exp(x[4]) * unit);
    }

    static double logLikelihood(double[] r, double dt, double[] x, double unit) {
        double sigma = Math.exp(x[1]);
        double lambda = Math.exp(x[2]);
        double m = x[3] * unit;
        double s = Math.exp(x[4]) * unit;
        double mu = x[0] * unit / Math.sqrt(dt);
        if (!(lambda * dt < 1) || !Double.isFinite(sigma) || !Double.isFinite(s)) {
            return -Double.MAX_VALUE;
        }
        double kappa = Math.exp(m + 0.5 * s * s) - 1;
        double drift = (mu - 0.5 * sigma * sigma - lambda * kappa) * dt;
        double[] weight = new double[MAX_JUMPS + 1];
        double[] mean = new double[MAX_JUMPS + 1];
        double[] var = new double[MAX_JUMPS + 1];
        double p = Math.exp(-lambda * dt);
        for (int k = 0; k <= MAX_JUMPS; k++) {
            if (k > 0) {
                p *= lambda * dt / k;
            }
            mean[k] = drift + k * m;
            var[k] = sigma * sigma * dt + k * s * s;
            weight[k] = p / Math.sqrt(2 * Math.PI * var[k]);
        }
        double ll = 0;
        for (double v : r) {
            double density = 0;
            for (int k = 0; k <= MAX_JUMPS; k++) {
                double d = v - mean[k];
                density += weight[k] * Math.exp(-0.5 * d * d / var[k]);
            }
            ll += Math.log(density);
        }
        return Double.isFinite(ll) ? ll : -Double.MAX_VALUE;
    }
}
