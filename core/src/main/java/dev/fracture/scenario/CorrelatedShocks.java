package dev.fracture.scenario;

/**
 * Correlated standard normal shocks for several assets: z = L·e with L the Cholesky factor of the correlation
 * matrix (C = L·Lᵀ) and e independent standard normals (Glasserman, Monte Carlo Methods in Financial Engineering,
 * §2.3.3). The matrix must be symmetric with a unit diagonal and positive definite.
 */
public final class CorrelatedShocks {
    private final double[][] cholesky;

    public CorrelatedShocks(double[][] correlation) {
        this.cholesky = factor(correlation);
    }

    public int assets() {
        return cholesky.length;
    }

    /** Shocks for {@code steps} steps: {@code [asset][step]}. */
    public double[][] draw(int steps, Normals normals) {
        int n = cholesky.length;
        double[][] out = new double[n][steps];
        double[] e = new double[n];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < n; k++) {
                e[k] = normals.next();
            }
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int k = 0; k <= i; k++) {
                    z += cholesky[i][k] * e[k];
                }
                out[i][t] = z;
            }
        }
        return out;
    }

    private static double[][] factor(double[][] c) {
        if (c == null || c.length == 0) {
            throw new IllegalArgumentException("correlation matrix must not be empty");
        }
        int n = c.length;
        for (int i = 0; i < n; i++) {
            if (c[i] == null || c[i].length != n) {
                throw new IllegalArgumentException("correlation matrix must be square: row " + i + " has "
                        + (c[i] == null ? 0 : c[i].length) + " entries, expected " + n);
            }
            if (Math.abs(c[i][i] - 1) > 1e-12) {
                throw new IllegalArgumentException("correlation[" + i + "][" + i + "] must be 1 (was " + c[i][i] + ")");
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(c[i][j]) || c[i][j] < -1 || c[i][j] > 1) {
                    throw new IllegalArgumentException("correlation[" + i + "][" + j + "] must be in [-1, 1] (was "
                            + c[i][j] + ")");
                }
                if (Math.abs(c[i][j] - c[j][i]) > 1e-12) {
                    throw new IllegalArgumentException("correlation matrix must be symmetric: [" + i + "][" + j + "] = "
                            + c[i][j] + " but [" + j + "][" + i + "] = " + c[j][i]);
                }
            }
        }
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = c[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 1e-12)) {
                        throw new IllegalArgumentException("correlation matrix must be positive definite (pivot " + i
                                + " is " + s + ")");
                    }
                    l[i][i] = StrictMath.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }
}
