package dev.fracture.measure;

import dev.fracture.model.AssetId;
import java.util.List;

/**
 * What the fragmentation of an asset's markets costs sellers: orders of several sizes routed by the
 * {@code dev.fracture.market.Router} across every venue and chain, against one hypothetical pool holding all of
 * their liquidity ({@code UnifiedPool}) and against the best single venue.
 *
 * @param buy the asset received, the counter-asset of the asset's deepest venue
 */
public record Fragmentation(AssetId asset, AssetId buy, List<Order> orders) {
    public Fragmentation {
        orders = List.copyOf(orders);
    }

    /**
     * One order: its size in USD at reference, the amounts delivered (in {@code buy} units) by the router, the best
     * single venue and the unified pool, and the cost of fragmentation — unified minus routed — in USD and in basis
     * points of the unified output.
     */
    public record Order(double sizeUsd, double amountIn, double routedOut, double bestSingleOut, double unifiedOut,
                        double fragmentationCostUsd, double fragmentationCostBps, boolean complete) {
    }
}
