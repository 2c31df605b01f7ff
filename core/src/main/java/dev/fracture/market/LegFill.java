package dev.fracture.market;

import dev.fracture.model.AssetId;
import dev.fracture.model.BridgeId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import java.util.List;

/**
 * What a route sends through one venue. A route through an intermediate asset ({@link TwoHopPath}) has fills of two
 * hops: those selling the sell asset for the intermediate ({@link Hop#TO_INTERMEDIATE}: their {@code delivered} is
 * intermediate handed to the next hop, not to the buyer) and those selling the intermediate for the buy asset
 * ({@link Hop#FROM_INTERMEDIATE}: their {@code amountIn} is intermediate, not taken from the seller). A hop that
 * converts through a wrapper adds a middle hop ({@link Hop#BETWEEN_INTERMEDIATES}: one intermediate in, another out).
 * Amounts are always in the units of what the venue takes and pays; {@link #fromSeller} and {@link #toBuyer} say which
 * fills count toward the order's input and output, and {@link #stage} in which order a route's fills execute.
 *
 * @param amountIn        what the leg takes (before any bridge fee): sell asset, or intermediate on a second hop
 * @param venueAmountIn   what reached the venue after the inbound bridge fee
 * @param venueAmountOut  what the venue paid out
 * @param delivered       what the leg delivers after the outbound bridge fee: buy asset, or intermediate on a
 *                        first hop
 * @param gasCost         gas for the swap and bridge transfers, in units of what the leg delivers at reference prices
 * @param latencySeconds  bridge time on the way in and out
 * @param inBridges       the bridges crossed to reach the venue, in order (empty on the seller's chain)
 * @param outBridges      the bridges crossed to deliver the output, in order (empty on the buyer's chain)
 * @param hop             which part of the route the fill is
 */
public record LegFill(VenueId venue, ChainId chain, AssetId venueTokenIn, AssetId venueTokenOut, double amountIn,
                      double venueAmountIn, double venueAmountOut, double delivered, double gasCost,
                      double latencySeconds, List<BridgeId> inBridges, List<BridgeId> outBridges, Hop hop) {
    /** Which part of a route a fill is. */
    public enum Hop {
        /** A venue trading the pair itself: takes from the seller, delivers to the buyer. */
        DIRECT,
        /** The first hop of a path: takes the sell asset from the seller, delivers the intermediate. */
        TO_INTERMEDIATE,
        /**
         * A middle hop, inside a path whose hop converts through a wrapper (wstETH unwrapped to stETH, sold for WETH,
         * then WETH sold for USDC): takes one intermediate and delivers another.
         */
        BETWEEN_INTERMEDIATES,
        /** The last hop of a path: takes the intermediate, delivers the buy asset to the buyer. */
        FROM_INTERMEDIATE
    }

    public LegFill {
        inBridges = List.copyOf(inBridges);
        outBridges = List.copyOf(outBridges);
        if (hop == null) {
            throw new IllegalArgumentException("leg fill: a hop is required");
        }
    }

    /** A direct fill: the venue trades the pair itself. */
    public LegFill(VenueId venue, ChainId chain, AssetId venueTokenIn, AssetId venueTokenOut, double amountIn,
                   double venueAmountIn, double venueAmountOut, double delivered, double gasCost,
                   double latencySeconds, List<BridgeId> inBridges, List<BridgeId> outBridges) {
        this(venue, chain, venueTokenIn, venueTokenOut, amountIn, venueAmountIn, venueAmountOut, delivered, gasCost,
                latencySeconds, inBridges, outBridges, Hop.DIRECT);
    }

    /** The same fill as part {@code of} a route. */
    LegFill asHop(Hop of) {
        return new LegFill(venue, chain, venueTokenIn, venueTokenOut, amountIn, venueAmountIn, venueAmountOut,
                delivered, gasCost, latencySeconds, inBridges, outBridges, of);
    }

    /** Whether this fill's {@code amountIn} is sell asset taken from the seller. */
    public boolean fromSeller() {
        return hop == Hop.DIRECT || hop == Hop.TO_INTERMEDIATE;
    }

    /** Whether this fill's {@code delivered} is buy asset reaching the buyer. */
    public boolean toBuyer() {
        return hop == Hop.DIRECT || hop == Hop.FROM_INTERMEDIATE;
    }

    /**
     * When the fill executes within its route: 0 for fills taking from the seller, 1 for middle hops, 2 for last hops
     * (each stage sells what the one before delivered).
     */
    public int stage() {
        return switch (hop) {
            case DIRECT, TO_INTERMEDIATE -> 0;
            case BETWEEN_INTERMEDIATES -> 1;
            case FROM_INTERMEDIATE -> 2;
        };
    }

    /** Delivered output net of gas. */
    public double net() {
        return delivered - gasCost;
    }
}
