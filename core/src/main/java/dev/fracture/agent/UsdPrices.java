package dev.fracture.agent;

import dev.fracture.model.AssetId;

/** Reference USD prices as an agent sees them in the current block. */
@FunctionalInterface
public interface UsdPrices {
    double usd(AssetId asset);
}
