package dev.fracture.scenario;

import dev.fracture.model.AssetId;
import java.util.Arrays;
import java.util.List;

/**
 * Correlation of the normal shocks driving several {@link PriceDriver.Stochastic} assets; row and column i belong
 * to {@code assets.get(i)}. The matrix must be a valid correlation matrix (symmetric, unit diagonal, positive
 * definite), which {@link CorrelatedShocks} checks by factoring it.
 */
public record Correlation(List<AssetId> assets, double[][] matrix) {
    public Correlation {
        assets = Checks.nonEmpty("assets", assets);
        Checks.distinct("assets", assets);
        Checks.required("matrix", matrix);
        if (matrix.length != assets.size()) {
            throw new ScenarioFieldException("matrix", "must have one row per asset: " + assets.size()
                    + " assets but " + matrix.length + " rows");
        }
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i] == null ? null : matrix[i].clone();
        }
        try {
            new CorrelatedShocks(copy);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFieldException("matrix", e.getMessage());
        }
        matrix = copy;
    }

    @Override
    public double[][] matrix() {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    public CorrelatedShocks shocks() {
        return new CorrelatedShocks(matrix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Correlation c && assets.equals(c.assets) && Arrays.deepEquals(matrix, c.matrix);
    }

    @Override
    public int hashCode() {
        return 31 * assets.hashCode() + Arrays.deepHashCode(matrix);
    }

    @Override
    public String toString() {
        return "Correlation[" + assets + ", " + Arrays.deepToString(matrix) + "]";
    }
}
