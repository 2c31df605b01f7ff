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

    /**
     * Whether the scenario drives this asset itself. An asset it does not drive that stands on another — bridged,
     * liquid-staking or receipt — follows that asset's reference price (impact included) at the ratio the snapshot
     * gives them, so a crash of ETH reaches WETH on every chain and the tokens built on it.
     */
    default boolean drives(AssetId asset) {
        return true;
    }

    /**
     * The asset whose shock the run is about — the shocked asset of the summary (its move, the cascade multiplier,
     * time to stabilize, the contagion table): a scenario's first price driver. Null leaves the choice to the
     * summary: the driven asset whose path falls most.
     */
    default AssetId primary() {
        return null;
    }
}
