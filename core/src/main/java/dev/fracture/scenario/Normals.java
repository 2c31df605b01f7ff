package dev.fracture.scenario;

import java.util.SplittableRandom;

/**
 * Standard normal draws by the Box–Muller transform (Box and Muller, 1958) on a {@link SplittableRandom}, computed
 * with {@link StrictMath} so that the same seed gives the same bits on every JVM and platform — the determinism the
 * runners promise across threads and Spark executors. {@code RandomGenerator.nextGaussian} is not used because its
 * algorithm is the JDK's to change.
 */
public final class Normals {
    private final SplittableRandom rng;
    private double spare;
    private boolean hasSpare;

    public Normals(SplittableRandom rng) {
        this.rng = rng;
    }

    public static Normals seeded(long seed) {
        return new Normals(new SplittableRandom(seed));
    }

    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double theta = 2.0 * StrictMath.PI * u2;
        spare = r * StrictMath.sin(theta);
        hasSpare = true;
        return r * StrictMath.cos(theta);
    }

    /** A uniform draw in [0, 1), from the same stream. */
    public double uniform() {
        return rng.nextDouble();
    }

    /** A Poisson count with mean {@code mean} (Knuth's multiplication method; means here are small per step). */
    public int poisson(double mean) {
        if (mean < 0 || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("poisson mean must be a finite number >= 0 (was " + mean + ")");
        }
        double limit = StrictMath.exp(-mean);
        int k = 0;
        double p = rng.nextDouble();
        while (p > limit) {
            k++;
            p *= rng.nextDouble();
        }
        return k;
    }

    /** A uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return rng.nextInt(bound);
    }
}
