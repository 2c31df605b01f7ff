package dev.fracture.measure;

import java.util.Arrays;

/**
 * Percentiles of a Monte Carlo sample. The q-th percentile is the empirical quantile that inverts the sample's
 * distribution function, {@code x(⌈q·n⌉)} of the sorted sample (Hyndman and Fan 1996, definition 1): the smallest
 * outcome that at least a fraction q of the paths do not exceed — no interpolation, so the figure is an outcome some
 * path produced.
 */
public final class TailRiskCalculator {
    public static final TailRiskCalculator DEFAULT = new TailRiskCalculator();

    private TailRiskCalculator() {
    }

    public TailRisk tailRisk(MonteCarloSample sample) {
        double[] liq = sample.liquidationsUsd();
        double[] bad = sample.badDebtUsd();
        Arrays.sort(liq);
        Arrays.sort(bad);
        return new TailRisk(sample.horizonSeconds(), sample.paths(), sample.seed(), quantile(liq, 0.95),
                quantile(bad, 0.95), quantile(bad, 0.99), mean(liq), mean(bad));
    }

    /** The q-quantile of an ascending sample, {@code x(⌈q·n⌉)}. */
    static double quantile(double[] sorted, double q) {
        // 0.95 · 100 is 95.00000000000001 in binary floating point: the tolerance keeps the rank at 95.
        int rank = (int) Math.ceil(q * sorted.length - 1e-9);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
