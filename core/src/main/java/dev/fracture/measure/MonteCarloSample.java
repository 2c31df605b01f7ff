package dev.fracture.measure;

import java.util.Arrays;

/**
 * Per-path outcomes of a Monte Carlo run over a horizon, as plain arrays so any runner can feed them: the USD value
 * liquidated and the USD bad debt left on each path.
 *
 * @param seed the run's root seed, so the figures can be reproduced
 */
public record MonteCarloSample(long horizonSeconds, long seed, double[] liquidationsUsd, double[] badDebtUsd) {
    public MonteCarloSample {
        if (horizonSeconds <= 0) {
            throw new IllegalArgumentException("Monte Carlo sample: horizonSeconds must be > 0, was " + horizonSeconds);
        }
        if (liquidationsUsd == null || badDebtUsd == null || liquidationsUsd.length == 0) {
            throw new IllegalArgumentException("Monte Carlo sample: at least one path is required");
        }
        if (liquidationsUsd.length != badDebtUsd.length) {
            throw new IllegalArgumentException("Monte Carlo sample: liquidationsUsd has " + liquidationsUsd.length
                    + " paths, badDebtUsd " + badDebtUsd.length + "; they must match");
        }
        check(liquidationsUsd, "liquidationsUsd");
        check(badDebtUsd, "badDebtUsd");
        liquidationsUsd = liquidationsUsd.clone();
        badDebtUsd = badDebtUsd.clone();
    }

    public int paths() {
        return liquidationsUsd.length;
    }

    @Override
    public double[] liquidationsUsd() {
        return liquidationsUsd.clone();
    }

    @Override
    public double[] badDebtUsd() {
        return badDebtUsd.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonteCarloSample s && s.horizonSeconds == horizonSeconds && s.seed == seed
                && Arrays.equals(s.liquidationsUsd, liquidationsUsd) && Arrays.equals(s.badDebtUsd, badDebtUsd);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(horizonSeconds) * 31 + Arrays.hashCode(liquidationsUsd) * 17 + Arrays.hashCode(badDebtUsd);
    }

    private static void check(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("Monte Carlo sample: " + name + "[" + i
                        + "] must be a finite amount >= 0, was " + values[i]);
            }
        }
    }
}
