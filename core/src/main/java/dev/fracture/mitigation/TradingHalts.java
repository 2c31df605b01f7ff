package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;

/** Whether the venues of a chain trading an asset are halted at a time (by any trading breaker of the run). */
@FunctionalInterface
interface TradingHalts {
    boolean halted(AssetId asset, ChainId chain, long now);
}
