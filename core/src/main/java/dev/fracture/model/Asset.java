package dev.fracture.model;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An asset on one chain. The same economic asset on two chains is two assets (ETH on Ethereum, WETH bridged to
 * Arbitrum), linked by an {@link AssetKind.Bridged} kind.
 *
 * @param decimals       the token's ERC-20 decimals, 0 to 36
 * @param referencePriceUsd the global reference price at snapshot time (centralized exchanges), in USD
 */
public record Asset(AssetId id, ChainId chain, String symbol, int decimals, AssetKind kind, double referencePriceUsd) {

    /**
     * An amount in token units (1.5 ETH) as the contract's integer (1500000000000000000 wei). Exact: an amount finer
     * than the token's smallest unit throws, as the snapshot validator already refuses it.
     */
    public BigInteger units(BigDecimal amount) {
        return amount.movePointRight(decimals).toBigIntegerExact();
    }
}
