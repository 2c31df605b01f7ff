package dev.fracture.market;

import dev.fracture.model.AssetId;
import dev.fracture.model.BridgeId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import java.util.List;

/**
 * What a route sends through one venue.
 *
 * @param amountIn        sell asset taken from the seller for this leg (before any bridge fee)
 * @param venueAmountIn   what reached the venue after the inbound bridge fee
 * @param venueAmountOut  what the venue paid out
 * @param delivered       buy asset delivered after the outbound bridge fee
 * @param gasCost         gas for the swap and bridge transfers, in buy-asset units at reference prices
 * @param latencySeconds  bridge time on the way in and out
 * @param inBridges       the bridges crossed to reach the venue, in order (empty on the seller's chain)
 * @param outBridges      the bridges crossed to deliver the output, in order (empty on the buyer's chain)
 */
public record LegFill(VenueId venue, ChainId chain, AssetId venueTokenIn, AssetId venueTokenOut, double amountIn,
                      double venueAmountIn, double venueAmountOut, double delivered, double gasCost,
                      double latencySeconds, List<BridgeId> inBridges, List<BridgeId> outBridges) {
    public LegFill {
        inBridges = List.copyOf(inBridges);
        outBridges = List.copyOf(outBridges);
    }

    /** Delivered output net of gas. */
    public double net() {
        return delivered - gasCost;
    }
}
