package dev.fracture.run;

/**
 * A statistic and its confidence interval at {@link Estimators#CONFIDENCE}. A bound the data cannot give (an
 * interval for a mean of one path, an upper bound on a quantile beyond the sample's reach) is NaN or infinite, as
 * {@link Estimators} documents per estimator.
 */
public record Estimate(double value, double lower, double upper) {
    public boolean bounded() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }
}
