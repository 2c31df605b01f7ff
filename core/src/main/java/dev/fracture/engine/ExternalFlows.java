package dev.fracture.engine;

import dev.fracture.model.AssetId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tokens that enter or leave the on-chain market of a run from outside it: bought or sold by arbitrageurs on the
 * global market, bridge fees, seized collateral sold into venues and proceeds taken out. With them the run's token
 * accounting closes: what venues, bridges in flight, liquidity providers and arbitrage inventories hold changes only
 * by these flows (the conservation invariant the engine tests check every block).
 */
final class ExternalFlows {
    /**
     * Each asset's running sum, added to in place: every landed bridge shipment and every arbitrage trade of a block
     * adds here, and only a test inspecting the run reads the sums.
     */
    private final Map<AssetId, double[]> net = new HashMap<>();

    /** {@code amount} of {@code asset} came in from outside (negative: went out). */
    void in(AssetId asset, double amount) {
        double[] sum = net.get(asset);
        if (sum == null) {
            net.put(asset, new double[] {amount});
        } else {
            sum[0] += amount;
        }
    }

    void out(AssetId asset, double amount) {
        in(asset, -amount);
    }

    /** Net tokens in from outside so far, by asset. */
    Map<AssetId, Double> net() {
        Map<AssetId, Double> out = new TreeMap<>();
        net.forEach((asset, sum) -> out.put(asset, sum[0]));
        return out;
    }
}
