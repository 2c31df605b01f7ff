package dev.fracture.market;

import dev.fracture.model.AssetId;
import dev.fracture.model.Bridge;
import dev.fracture.model.BridgeId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import java.util.Collection;
import java.util.List;

/**
 * One way to turn the sell asset into the buy asset: cross the bridges of {@code inPath} to the venue's chain,
 * swap on the venue, cross the bridges of {@code outPath} to the buy asset's chain; or, for a leg with a
 * {@link #path}, sell through an intermediate asset over two hops of venues on the seller's chain (its
 * {@code venue} is null and it crosses no bridge). Evaluation never changes a venue.
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
    /** The two-hop path this leg sells through, or null for a leg on one venue. */
    final TwoHopPath path;

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
        this.path = null;
    }

    /** A leg selling through {@code path}: no venue of its own, no bridge, gas counted inside the path. */
    RouteLeg(TwoHopPath path) {
        this.venue = null;
        this.tokenIn = path.sell.id();
        this.tokenOut = path.buy.id();
        this.inPath = List.of();
        this.outPath = List.of();
        this.hopSources = List.of();
        this.venueChain = path.sell.chain();
        this.gasCost = 0;
        this.latencySeconds = 0;
        this.inKeep = 1;
        this.outKeep = 1;
        this.plainPool = null;
        this.zeroForOne = false;
        this.inIds = List.of();
        this.outIds = List.of();
        this.path = path;
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

    /** Whether this leg is one fixed-rate venue (a wrapper, {@link Venue#fixedRate}). */
    boolean fixedRate() {
        return venue != null && venue.fixedRate();
    }

    /**
     * The venue's {@link Venue#version() version}, or its path's sum of its venues' ({@link TwoHopPath#stateVersion});
     * -1 when a venue does not count its changes.
     */
    long stateVersion() {
        return path != null ? path.stateVersion() : venue.version();
    }

    /** Adds the id of every venue this leg trades on: its own, or both hops' of its path. */
    void addVenueIds(Collection<VenueId> into) {
        if (path != null) {
            path.addVenueIds(into);
        } else {
            into.add(venue.id());
        }
    }

    /**
     * What this leg delivers for {@code amount} (a positive amount), before its own gas: a venue's quote less the
     * outbound bridges' fees, or what a path delivers ({@link TwoHopPath#delivered}, net of its hops' gas).
     */
    double output(double amount) {
        if (plain()) {
            return plainDelivered(amount);
        }
        return path != null ? path.delivered(amount) : delivered(venueQuote(amount));
    }

    /** The venue's quote for {@code amount} of the sell asset given to this leg (a positive amount). */
    Quote venueQuote(double amount) {
        return venue.quoteExactIn(tokenIn, tokenOut, amount * inKeep);
    }

    /** What reaches the buyer of the venue's quote {@code q}: its output less the outbound bridges' fees. */
    double delivered(Quote q) {
        return q.amountOut() * outKeep;
    }

    /** This leg's fills for {@code amount}: one for a venue, both hops' for a path. */
    void addFills(double amount, List<LegFill> into) {
        if (path != null) {
            into.addAll(path.fills(amount));
        } else {
            into.add(fill(amount));
        }
    }

    LegFill fill(double amount) {
        double venueIn = amount * inKeep;
        Quote q = venue.quoteExactIn(tokenIn, tokenOut, venueIn);
        return new LegFill(venue.id(), venueChain, tokenIn, tokenOut, amount, venueIn, q.amountOut(),
                q.amountOut() * outKeep, gasCost, latencySeconds, inIds, outIds);
    }

    /**
     * The sell amount this leg takes before its marginal rate, bridge fees included, falls to {@code rate}
     * ({@link Venue#inputAtMarginalRate} through the bridges' keep factors; a path's by
     * {@link TwoHopPath#inputAtMarginalRate}).
     */
    double inputAtMarginalRate(double rate) {
        if (path != null) {
            return path.inputAtMarginalRate(rate);
        }
        return venue.inputAtMarginalRate(tokenIn, tokenOut, rate / (inKeep * outKeep)) / inKeep;
    }

    /** {@link Venue#rateSellingNothing} of the whole leg, bridge fees included (as {@link #inputAtMarginalRate}). */
    double rateSellingNothing() {
        if (path != null) {
            return path.rateSellingNothing();
        }
        return venue.rateSellingNothing(tokenIn, tokenOut) * inKeep * outKeep;
    }

    /** The marginal rate of the whole leg at zero size, bridge fees included. */
    double marginalRate() {
        if (path != null) {
            return path.marginalRate();
        }
        return venue.marginalRate(tokenIn, tokenOut) * inKeep * outKeep;
    }

    /** The ids as an immutable list that refuses nulls, which {@link LegFill} keeps without copying. */
    private static List<BridgeId> ids(List<Bridge> path) {
        return List.copyOf(path.stream().map(Bridge::id).toList());
    }
}
