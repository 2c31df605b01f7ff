package dev.fracture.market;

import dev.fracture.model.AssetId;
import dev.fracture.model.Bridge;
import dev.fracture.model.ChainId;

/**
 * One way to turn the sell asset into the buy asset: cross {@code inBridge} if the venue is on another chain,
 * swap on the venue, cross {@code outBridge} back to the buy asset's chain. Evaluation never changes the venue.
 */
final class RouteLeg {
    final Venue venue;
    final AssetId tokenIn;
    final AssetId tokenOut;
    final Bridge inBridge;
    final Bridge outBridge;
    final ChainId sellChain;
    final ChainId venueChain;
    final double gasCost;
    final double latencySeconds;
    private final double inKeep;
    private final double outKeep;

    RouteLeg(Venue venue, AssetId tokenIn, AssetId tokenOut, Bridge inBridge, Bridge outBridge, ChainId sellChain,
             double gasCost) {
        this.venue = venue;
        this.tokenIn = tokenIn;
        this.tokenOut = tokenOut;
        this.inBridge = inBridge;
        this.outBridge = outBridge;
        this.sellChain = sellChain;
        this.venueChain = venue.chain();
        this.gasCost = gasCost;
        this.latencySeconds = (inBridge == null ? 0 : inBridge.latencySeconds())
                + (outBridge == null ? 0 : outBridge.latencySeconds());
        this.inKeep = inBridge == null ? 1 : 1 - inBridge.feeFraction();
        this.outKeep = outBridge == null ? 1 : 1 - outBridge.feeFraction();
    }

    /** Buy asset delivered for {@code amount} of sell asset, before gas; NaN-free, 0 for 0. */
    double delivered(double amount) {
        if (amount <= 0) {
            return 0;
        }
        Quote q = venue.quoteExactIn(tokenIn, tokenOut, amount * inKeep);
        return q.amountOut() * outKeep;
    }

    /** Whether the venue can take {@code amount} in full. */
    boolean fills(double amount) {
        return amount <= 0 || venue.quoteExactIn(tokenIn, tokenOut, amount * inKeep).complete();
    }

    LegFill fill(double amount) {
        double venueIn = amount * inKeep;
        Quote q = venue.quoteExactIn(tokenIn, tokenOut, venueIn);
        return new LegFill(venue.id(), venueChain, tokenIn, tokenOut, amount, venueIn, q.amountOut(),
                q.amountOut() * outKeep, gasCost, latencySeconds, inBridge == null ? null : inBridge.id(),
                outBridge == null ? null : outBridge.id());
    }

    /** The marginal rate of the whole leg at zero size, bridge fees included. */
    double marginalRate() {
        return venue.marginalRate(tokenIn, tokenOut) * inKeep * outKeep;
    }
}
