package dev.fracture.scenario;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * GARCH(1,1) by Gaussian maximum likelihood (Bollerslev, 1986, §4): with ε<sub>t</sub> = r<sub>t</sub> − μ and
 * σ²<sub>t</sub> = ω + α ε²<sub>t−1</sub> + β σ²<sub>t−1</sub>, started at the sample variance, maximise
 * −½ Σ (ln 2π + ln σ²<sub>t</sub> + ε²<sub>t</sub>/σ²<sub>t</sub>). The constraints ω &gt; 0, α, β ≥ 0, α + β &lt; 1
 * are kept by optimising over ln ω and two logistic shares (persistence p = α + β, and α's part of it), with
 * Hipparchus' Nelder–Mead simplex, restarted from its own answer until the likelihood stops improving.
 */
public record Garch11Fit(Garch11 model, double logLikelihood) {
    private static final int MAX_EVALUATIONS = 20_000;

    public static Garch11Fit of(double[] returns, double stepYears) {
        int n = returns.length;
        if (n < 10) {
            throw new IllegalArgumentException("GARCH fit needs at least ten returns (has " + n + ")");
        }
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= n;
        double var = 0;
        for (double r : returns) {
            var += (r - mean) * (r - mean);
        }
        var /= n;
        if (!(var > 0)) {
            throw new IllegalArgumentException("GARCH fit needs returns that vary (all equal " + mean + ")");
        }
        double sampleVariance = var;
        double scale = Math.sqrt(var);
        // Start where hourly crypto fits usually land: persistence 0.95, a tenth of it from the last shock.
        double[] start = {mean / scale, Math.log(var * 0.05), logit(0.95), logit(0.1)};
        ObjectiveFunction nll = new ObjectiveFunction(x -> -logLikelihood(returns, sampleVariance, x, scale));
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-10, 1e-12);
        PointValuePair best = null;
        double[] point = start;
        for (int round = 0; round < 6; round++) {
            PointValuePair p = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), nll, GoalType.MINIMIZE,
                    new InitialGuess(point), new NelderMeadSimplex(new double[] {0.05, 0.5, 0.5, 0.5}));
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
        return new Garch11Fit(model(x, scale, stepYears), -best.getValue());
    }

    private static Garch11 model(double[] x, double scale, double stepYears) {
        double persistence = logistic(x[2]);
        double share = logistic(x[3]);
        return new Garch11(x[0] * scale, Math.exp(x[1]), persistence * share, persistence * (1 - share), stepYears);
    }

    static double logLikelihood(double[] r, double startVariance, double[] x, double scale) {
        double mu = x[0] * scale;
        double omega = Math.exp(x[1]);
        double persistence = logistic(x[2]);
        double alpha = persistence * logistic(x[3]);
        double beta = persistence - alpha;
        double variance = startVariance;
        double sum = 0;
        double prev = 0;
        for (int t = 0; t < r.length; t++) {
            if (t > 0) {
                variance = omega + alpha * prev * prev + beta * variance;
            }
            double eps = r[t] - mu;
            sum += Math.log(variance) + eps * eps / variance;
            prev = eps;
        }
        double ll = -0.5 * (r.length * Math.log(2 * Math.PI) + sum);
        return Double.isFinite(ll) ? ll : -Double.MAX_VALUE;
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
