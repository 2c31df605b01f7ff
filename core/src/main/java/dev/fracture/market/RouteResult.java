package dev.fracture.market;

import dev.fracture.model.AssetId;
import dev.fracture.model.VenueId;
import java.util.List;

/**
 * A routed order and what fragmentation cost it.
 *
 * @param fills            per-venue fills, largest first
 * @param amountFilled     sell asset actually routed (less than requested when every usable venue ran dry)
 * @param routedOut        buy asset delivered through the router, net of bridge fees and gas
 * @param bestSingleVenue  the venue that alone gives the most for the whole order (null if none can fill any)
 * @param bestSingleOut    its net output
 * @param unifiedOut       output of one hypothetical pool holding all the venues' liquidity, one fee, no bridges,
 *                         one swap's gas (see {@link UnifiedPool})
 * @param referenceOut     the order valued at reference prices: amountIn × sell price / buy price
 */
public record RouteResult(AssetId sell, AssetId buy, double amountRequested, double amountFilled, List<LegFill> fills,
                          double routedOut, VenueId bestSingleVenue, double bestSingleOut, double unifiedOut,
                          double referenceOut) {
    public RouteResult {
        fills = List.copyOf(fills);
    }

    /** What fragmentation costs this order: unified-pool output minus routed output, in buy units. */
    public double fragmentationCost() {
        return unifiedOut - routedOut;
    }

    /** Fragmentation cost in basis points of the unified-pool output. */
    public double fragmentationCostBps() {
        return unifiedOut > 0 ? 10_000 * fragmentationCost() / unifiedOut : 0;
    }

    /** What routing gains over the best single venue, in buy units. */
    public double routingGain() {
        return routedOut - bestSingleOut;
    }

    /** Total shortfall against reference prices (slippage, fees, bridges, gas), in basis points. */
    public double costVsReferenceBps() {
        return referenceOut > 0 ? 10_000 * (1 - routedOut / referenceOut) : 0;
    }

    public boolean complete() {
        return amountFilled >= amountRequested * (1 - 1e-12);
    }
}
