package dev.fracture.scenario;

/**
 * Maximum-likelihood GBM from log returns of step Δ (years): the returns are normal with mean (μ − σ²/2)Δ and
 * variance σ²Δ, so σ̂² = s²/Δ (s² the maximum-likelihood variance, divisor n) and μ̂ = r̄/Δ + σ̂²/2 (Campbell, Lo and
 * MacKinlay, The Econometrics of Financial Markets, 1997, §9.3.2). Standard errors: σ̂/√(2n) for the volatility and
 * σ̂/√(nΔ) for the drift — the drift is known only as well as the history is long.
 */
public record GbmFit(GeometricBrownianMotion model, double driftStdError, double volatilityStdError,
                     double logLikelihood) {

    public static GbmFit of(double[] returns, double stepYears) {
        int n = returns.length;
        if (n < 2) {
            throw new IllegalArgumentException("GBM fit needs at least two returns (has " + n + ")");
        }
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= n;
        double ss = 0;
        for (double r : returns) {
            ss += (r - mean) * (r - mean);
        }
        double variance = ss / n;
        double sigma = Math.sqrt(variance / stepYears);
        double mu = mean / stepYears + 0.5 * sigma * sigma;
        double ll = -0.5 * n * (Math.log(2 * Math.PI * variance) + 1);
        return new GbmFit(new GeometricBrownianMotion(mu, sigma), sigma / Math.sqrt(n * stepYears),
                sigma / Math.sqrt(2.0 * n), ll);
    }
}
