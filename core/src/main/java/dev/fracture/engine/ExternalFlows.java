package dev.fracture.engine;

import dev.fracture.model.AssetId;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tokens that enter or leave the on-chain market of a run from outside it: bought or sold by arbitrageurs on the
 * global market, bridge fees, seized collateral sold into venues and proceeds taken out. With them the run's token
 * accounting closes: what venues, bridges in flight, liquidity providers and arbitrage inventories hold changes only
 * by these flows (the conservation invariant the engine tests check every block).
 */
final class ExternalFlows {
    private final Map<AssetId, Double> net = new TreeMap<>();

    /** {@code amount} of {@code asset} came in from outside (negative: went out). */
    void in(AssetId asset, double amount) {
        net.merge(asset, amount, Double::sum);
    }

    void out(AssetId asset, double amount) {
        in(asset, -amount);
    }

    /** Net tokens in from outside so far, by asset. */
    Map<AssetId, Double> net() {
        return net;
    }
}
