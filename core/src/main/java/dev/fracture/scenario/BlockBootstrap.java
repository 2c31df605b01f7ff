package dev.fracture.scenario;

/**
 * The moving-block bootstrap (Künsch, 1989): a path is built from blocks of {@code blockLength} consecutive
 * historical returns, each block starting at a uniformly drawn position, so that volatility clusters and
 * autocorrelation within a block are kept. Returns are resampled as they were measured: the step is the data's.
 */
public record BlockBootstrap(double[] history, int blockLength, double stepYears) implements ReturnGenerator {
    public BlockBootstrap {
        if (history == null || history.length == 0) {
            throw new IllegalArgumentException("bootstrap history must hold at least one return");
        }
        history = history.clone();
        for (int i = 0; i < history.length; i++) {
            if (!Double.isFinite(history[i])) {
                throw new IllegalArgumentException("bootstrap history return " + i + " must be finite (was "
                        + history[i] + ")");
            }
        }
        if (blockLength < 1 || blockLength > history.length) {
            throw new IllegalArgumentException("bootstrap blockLength must be between 1 and the history's "
                    + history.length + " returns (was " + blockLength + ")");
        }
        if (!(stepYears > 0) || Double.isInfinite(stepYears)) {
            throw new IllegalArgumentException("bootstrap stepYears must be a positive finite number (was "
                    + stepYears + ")");
        }
    }

    @Override
    public double[] history() {
        return history.clone();
    }

    @Override
    public double[] logReturns(int steps, double dtYears, double[] shocks, Normals draws) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0 (was " + steps + ")");
        }
        if (Math.abs(dtYears - stepYears) > 1e-9 * stepYears) {
            throw new IllegalArgumentException("bootstrap history has steps of " + stepYears + " years; cannot step "
                    + dtYears);
        }
        double[] r = new double[steps];
        int i = 0;
        int starts = history.length - blockLength + 1;
        while (i < steps) {
            int from = draws.nextInt(starts);
            for (int k = 0; k < blockLength && i < steps; k++) {
                r[i++] = history[from + k];
            }
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockBootstrap b && blockLength == b.blockLength && stepYears == b.stepYears
                && java.util.Arrays.equals(history, b.history);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(history) + blockLength;
    }

    @Override
    public String toString() {
        return "BlockBootstrap[" + history.length + " returns, blocks of " + blockLength + "]";
    }
}
