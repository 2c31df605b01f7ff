package dev.fracture.run;

import java.util.Arrays;

/**
 * The distribution of one measure over a cell's paths: mean, median, VaR95, VaR99, expected shortfall at 95% and
 * 99%, minimum and maximum, each estimate with its 95% interval ({@link Estimators} states the methods).
 */
public record MetricStats(Estimate mean, Estimate median, Estimate var95, Estimate var99, Estimate es95,
                          Estimate es99, double min, double max) {

    /** The statistics of {@code values}; the bootstrap of the shortfall intervals is seeded with {@code seed}. */
    public static MetricStats of(double[] values, long seed) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new MetricStats(Estimators.mean(values), Estimators.valueAtRisk(sorted, 0.5),
                Estimators.valueAtRisk(sorted, 0.95), Estimators.valueAtRisk(sorted, 0.99),
                Estimators.expectedShortfall(sorted, 0.95, seed), Estimators.expectedShortfall(sorted, 0.99, seed + 1),
                sorted[0], sorted[sorted.length - 1]);
    }

    /** VaR at 0.95 or 0.99. */
    public Estimate valueAtRisk(double level) {
        if (level == 0.95) {
            return var95;
        }
        if (level == 0.99) {
            return var99;
        }
        throw new IllegalArgumentException("VaR is reported at 0.95 and 0.99 (was " + level + ")");
    }
}
