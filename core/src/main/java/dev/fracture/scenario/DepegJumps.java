package dev.fracture.scenario;

/**
 * Stablecoin depegs as jumps: each step a depeg starts with probability {@code perYear × dt}; its depth is drawn
 * uniformly in [minDepth, maxDepth] (0.1 = the price falls 10% below peg) and it decays back toward the peg with
 * half-life {@code recoveryHalfLifeYears}. Shaped on observed depegs (USDC in March 2023 fell about 12% and
 * recovered within days; UST in May 2022 never did — a half-life of infinity). Prices are pegPrice × (1 − gap).
 */
public record DepegJumps(double perYear, double minDepth, double maxDepth, double recoveryHalfLifeYears) {
    public DepegJumps {
        if (!(perYear >= 0) || Double.isInfinite(perYear)) {
            throw new IllegalArgumentException("depeg perYear must be a finite number >= 0 (was " + perYear + ")");
        }
        if (!(minDepth >= 0 && maxDepth >= minDepth && maxDepth <= 1)) {
            throw new IllegalArgumentException("depeg depths must satisfy 0 <= minDepth <= maxDepth <= 1 (were "
                    + minDepth + ", " + maxDepth + ")");
        }
        if (!(recoveryHalfLifeYears > 0)) {
            throw new IllegalArgumentException("depeg recoveryHalfLifeYears must be > 0 (was " + recoveryHalfLifeYears
                    + ")");
        }
    }

    /** Prices of {@code steps + 1} points starting at the peg. */
    public double[] prices(double pegPrice, int steps, double dtYears, Normals draws) {
        ReturnGenerator.requireSteps(steps, dtYears, new double[steps]);
        double decay = Double.isInfinite(recoveryHalfLifeYears) ? 1
                : StrictMath.pow(0.5, dtYears / recoveryHalfLifeYears);
        double p = Math.min(1, perYear * dtYears);
        double gap = 0;
        double[] out = new double[steps + 1];
        out[0] = pegPrice;
        for (int i = 1; i <= steps; i++) {
            gap *= decay;
            if (draws.uniform() < p) {
                double depth = minDepth + (maxDepth - minDepth) * draws.uniform();
                gap = Math.max(gap, depth);
            }
            out[i] = pegPrice * (1 - gap);
        }
        return out;
    }
}
