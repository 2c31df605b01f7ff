package dev.fracture.model;

/**
 * An asset on one chain. The same economic asset on two chains is two assets (ETH on Ethereum, WETH bridged to
 * Arbitrum), linked by an {@link AssetKind.Bridged} kind.
 *
 * @param decimals       the token's ERC-20 decimals, 0 to 36
 * @param referencePriceUsd the global reference price at snapshot time (centralized exchanges), in USD
 */
public record Asset(AssetId id, ChainId chain, String symbol, int decimals, AssetKind kind, double referencePriceUsd) {
}
