package dev.fracture.market;

import dev.fracture.model.AssetId;
import dev.fracture.model.BridgeId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;

/**
 * What a route sends through one venue.
 *
 * @param amountIn        sell asset taken from the seller for this leg (before any bridge fee)
 * @param venueAmountIn   what reached the venue after the inbound bridge fee
 * @param venueAmountOut  what the venue paid out
 * @param delivered       buy asset delivered after the outbound bridge fee
 * @param gasCost         gas for the swap and bridge transfers, in buy-asset units at reference prices
 * @param latencySeconds  bridge time on the way in and out
 * @param inBridge        the bridge crossed to reach the venue, or null
 * @param outBridge       the bridge crossed to deliver the output, or null
 */
public record LegFill(VenueId venue, ChainId chain, AssetId venueTokenIn, AssetId venueTokenOut, double amountIn,
                      double venueAmountIn, double venueAmountOut, double delivered, double gasCost,
                      double latencySeconds, BridgeId inBridge, BridgeId outBridge) {

    /** Delivered output net of gas. */
    public double net() {
        return delivered - gasCost;
    }
}
