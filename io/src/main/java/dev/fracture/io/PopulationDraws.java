package dev.fracture.io;

import java.util.SplittableRandom;

/**
 * The random numbers of one population: five uniforms per position, always drawn, from a {@link SplittableRandom}
 * seeded with the population's seed. Drawing the same number whatever the mix entry or distribution keeps position
 * k's draws independent of the others' choices, and {@link StrictMath} keeps every transform bit-identical on any
 * JVM, so the same file always expands to the same positions.
 */
final class PopulationDraws {
    private final SplittableRandom random;

    PopulationDraws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Uniforms in [0, 1) for one position: mix choice, two for the size, two for the health. */
    double[] next() {
        return new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
                random.nextDouble()};
    }

    /**
     * A standard normal deviate from two uniforms by the Box–Muller transform (Box and Muller, 1958, "A Note on the
     * Generation of Random Normal Deviates"). {@code 1 − u1} lies in (0, 1], so the logarithm is finite.
     */
    static double normal(double u1, double u2) {
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }
}
