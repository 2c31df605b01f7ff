package dev.fracture.io;

import dev.fracture.model.AssetId;
import java.util.List;

/**
 * One {@code populations} element of a protocol as the file wrote it: a seeded generator of {@code count} positions
 * whose sizes sum to {@code targetUsd} of debt (or collateral), whose health follows {@code health}, spread over the
 * {@code mix} entries by weight. {@link PopulationExpander} turns it into ordinary positions; nothing past the reader
 * sees a population. {@code path} is where it was written ({@code protocols[2].populations[0]}), so that a rule the
 * expansion finds broken can name the line.
 *
 * @param health null when no mix entry borrows (suppliers only)
 * @param mix    empty for a protocol with a single kind of position (a Liquity trove)
 */
record PopulationSpec(String path, String id, long seed, int count, Target target, double targetUsd,
                      SizeDistribution size, HealthDistribution health, List<Mix> mix) {

    /** The most positions one population may generate: enough for any live deployment, small enough to load. */
    static final int MAX_COUNT = 2_000_000;

    PopulationSpec {
        mix = List.copyOf(mix);
    }

    /** What {@code targetUsd} sums: the positions' debt or their collateral, at the snapshot's reference prices. */
    enum Target {
        DEBT,
        COLLATERAL
    }

    /**
     * The shape of position sizes. Draws are relative: the expander scales them so that they sum to the target,
     * so only the shape (how heavy the tail is) is a parameter.
     */
    sealed interface SizeDistribution {
        /** One relative size from two independent uniforms in [0, 1). */
        double draw(double u1, double u2);
    }

    /** Sizes ∝ exp(σ·Z), Z standard normal: mean / median = exp(σ²/2). */
    record LogNormalSize(double sigma) implements SizeDistribution {
        @Override
        public double draw(double u1, double u2) {
            return StrictMath.exp(sigma * PopulationDraws.normal(u1, u2));
        }
    }

    /**
     * Sizes from a Pareto law of index {@code alpha} on [1, maxRatio] (maxRatio infinite: not truncated), by inverting
     * its distribution function: x = (1 − u·(1 − maxRatio^−α))^(−1/α).
     */
    record ParetoSize(double alpha, double maxRatio) implements SizeDistribution {
        @Override
        public double draw(double u1, double u2) {
            double tail = Double.isInfinite(maxRatio) ? 0 : StrictMath.pow(maxRatio, -alpha);
            return StrictMath.pow(1 - u1 * (1 - tail), -1 / alpha);
        }
    }

    /**
     * Health factor H = 1 + (median − 1)·exp(σ·Z): H − 1 is log-normal, so every position starts healthy (H &gt; 1) and
     * the median health is {@code median}.
     */
    record HealthDistribution(double median, double sigma) {
        double draw(double u1, double u2) {
            return 1 + (median - 1) * StrictMath.exp(sigma * PopulationDraws.normal(u1, u2));
        }
    }

    /** One kind of position in the population, drawn with probability weight / (sum of weights). */
    sealed interface Mix {
        String path();

        double weight();
    }

    /** An asset and its relative share of a position's collateral or debt value. */
    record Share(String path, AssetId asset, double weight) {
    }

    /** Aave v3: collateral and debt split by value; no debt makes a supplier. */
    record PooledMix(String path, double weight, int eModeCategory, List<Share> collateral, List<Share> debt)
            implements Mix {
        PooledMix {
            collateral = List.copyOf(collateral);
            debt = List.copyOf(debt);
        }
    }

    /** Morpho Blue: the market (by its id in the protocol) a position is opened in. */
    record MarketMix(String path, double weight, String market) implements Mix {
    }

    /** Compound v3: collateral split by value; the debt is always the base asset. */
    record CometMix(String path, double weight, List<Share> collateral) implements Mix {
        CometMix {
            collateral = List.copyOf(collateral);
        }
    }

    /** Maker: the ilk a vault is opened in. */
    record IlkMix(String path, double weight, String ilk) implements Mix {
    }
}
