package dev.fracture.model;

/**
 * A chain: its block time, the asset gas is paid in, and its gas-price model.
 *
 * @param nativeAsset the asset gas is paid in; must be an asset on this chain
 */
public record Chain(ChainId id, String name, double blockTimeSeconds, AssetId nativeAsset, GasPriceModel gas) {
}
