package dev.fracture.run;

import java.util.SplittableRandom;

/**
 * The seed of each path of a run, derived from the root seed by splitting: path i's seed is the first draw of the
 * i-th generator split off a {@link SplittableRandom} seeded with the root (Steele, Lea and Flood, 2014, "Fast
 * splittable pseudorandom number generators"), so no two paths share a stream and path i's seed does not depend on
 * how many paths the run has. Every grid cell runs path i with the same seed (common random numbers: the cells
 * differ by their parameters, not by their luck — Glasserman, Monte Carlo Methods in Financial Engineering, §4.2).
 */
public final class PathSeeds {
    private PathSeeds() {
    }

    public static long[] of(long rootSeed, int paths) {
        if (paths < 0) {
            throw new IllegalArgumentException("paths must be >= 0 (was " + paths + ")");
        }
        SplittableRandom root = new SplittableRandom(rootSeed);
        long[] seeds = new long[paths];
        for (int i = 0; i < paths; i++) {
            seeds[i] = root.split().nextLong();
        }
        return seeds;
    }
}
