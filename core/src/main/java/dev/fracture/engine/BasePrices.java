package dev.fracture.engine;

import dev.fracture.model.AssetId;

/**
 * The scenario's reference price of each asset over time, before the cascade's own impact: a step shock, a
 * replayed path or a generated one. Must be deterministic in its arguments.
 */
@FunctionalInterface
public interface BasePrices {

    /** USD price of {@code asset} at {@code t} seconds into the run. */
    double usd(AssetId asset, long t);
}
