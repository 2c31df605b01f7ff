package dev.fracture.market;

import dev.fracture.model.AssetId;
import dev.fracture.model.Bridge;
import dev.fracture.model.BridgeId;
import dev.fracture.model.ChainId;
import java.util.List;

/**
 * One way to turn the sell asset into the buy asset: cross the bridges of {@code inPath} to the venue's chain,
 * swap on the venue, cross the bridges of {@code outPath} to the buy asset's chain. Evaluation never changes the
 * venue.
 */
final class RouteLeg {
    final Venue venue;
    final AssetId tokenIn;
    final AssetId tokenOut;
    final List<Bridge> inPath;
    final List<Bridge> outPath;
    /** The chain each hop leaves, hop by hop: inPath first, then outPath. */
    final List<ChainId> hopSources;
    final ChainId venueChain;
    final double gasCost;
    final double latencySeconds;
    private final double inKeep;
    private final double outKeep;
    /** The venue when it is a FAST constant-product pool, quoted without quote objects (else null). */
    private final ConstantProductPool plainPool;
    /** The plain pool's direction for this leg. */
    private final boolean zeroForOne;
    /** The bridges' ids of each path, for the leg's fills. */
    private final List<BridgeId> inIds;
    private final List<BridgeId> outIds;

    RouteLeg(Venue venue, AssetId tokenIn, AssetId tokenOut, List<Bridge> inPath, List<Bridge> outPath,
             List<ChainId> hopSources, double gasCost) {
        this.venue = venue;
        this.tokenIn = tokenIn;
        this.tokenOut = tokenOut;
        this.inPath = List.copyOf(inPath);
        this.outPath = List.copyOf(outPath);
        this.hopSources = List.copyOf(hopSources);
        this.venueChain = venue.chain();
        this.gasCost = gasCost;
        double latency = 0;
        double in = 1;
        double out = 1;
        for (Bridge b : inPath) {
            latency += b.latencySeconds();
            in *= 1 - b.feeFraction();
        }
        for (Bridge b : outPath) {
            latency += b.latencySeconds();
            out *= 1 - b.feeFraction();
        }
        this.latencySeconds = latency;
        this.inKeep = in;
        this.outKeep = out;
        this.plainPool = venue instanceof ConstantProductPool p && p.mode() == MathMode.FAST ? p : null;
        this.zeroForOne = plainPool != null && plainPool.direction(tokenIn, tokenOut);
        this.inIds = ids(this.inPath);
        this.outIds = ids(this.outPath);
    }

    /**
     * Whether {@link #plainDelivered} answers for this leg: its venue is a FAST constant-product pool, whose exact-input
     * quotes are always complete.
     */
    boolean plain() {
        return plainPool != null;
    }

    /**
     * {@code delivered(venueQuote(amount))} of a {@link #plain} leg, the same bits without the quote; an amount the
     * pool refuses fails as its quote fails. The router reads legs through {@link LegQuotes}, which asks this of a
     * plain leg and the venue's quote of any other.
     */
    double plainDelivered(double amount) {
        return plainPool.fastOutExactIn(zeroForOne, amount * inKeep) * outKeep;
    }

    /** The venue's quote for {@code amount} of the sell asset given to this leg (a positive amount). */
    Quote venueQuote(double amount) {
        return venue.quoteExactIn(tokenIn, tokenOut, amount * inKeep);
    }

    /** What reaches the buyer of the venue's quote {@code q}: its output less the outbound bridges' fees. */
    double delivered(Quote q) {
        return q.amountOut() * outKeep;
    }

    LegFill fill(double amount) {
        double venueIn = amount * inKeep;
        Quote q = venue.quoteExactIn(tokenIn, tokenOut, venueIn);
        return new LegFill(venue.id(), venueChain, tokenIn, tokenOut, amount, venueIn, q.amountOut(),
                q.amountOut() * outKeep, gasCost, latencySeconds, inIds, outIds);
    }

    /**
     * The sell amount this leg takes before its marginal rate, bridge fees included, falls to {@code rate}
     * ({@link Venue#inputAtMarginalRate} through the bridges' keep factors).
     */
    double inputAtMarginalRate(double rate) {
        return venue.inputAtMarginalRate(tokenIn, tokenOut, rate / (inKeep * outKeep)) / inKeep;
    }

    /** {@link Venue#rateSellingNothing} of the whole leg, bridge fees included (as {@link #inputAtMarginalRate}). */
    double rateSellingNothing() {
        return venue.rateSellingNothing(tokenIn, tokenOut) * inKeep * outKeep;
    }

    /** The marginal rate of the whole leg at zero size, bridge fees included. */
    double marginalRate() {
        return venue.marginalRate(tokenIn, tokenOut) * inKeep * outKeep;
    }

    /** The ids as an immutable list that refuses nulls, which {@link LegFill} keeps without copying. */
    private static List<BridgeId> ids(List<Bridge> path) {
        return List.copyOf(path.stream().map(Bridge::id).toList());
    }
}
