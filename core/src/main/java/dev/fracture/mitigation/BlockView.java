package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;

/**
 * One block of one chain as a mitigation sees it, given by the engine: the time, the reference prices, the chain's
 * venues (to quote or to sell through), and the run's event log.
 */
public interface BlockView {

    /** Seconds since the start of the run. */
    long now();

    ChainId chain();

    /** The block's number on its chain. */
    long number();

    /** The asset's reference price in this block, USD. */
    double referenceUsd(AssetId asset);

    /**
     * What the asset trades at on this chain's venues now, USD: the mean over the chain's two-asset venues trading it
     * of its spot price there times the other asset's reference price; the reference price when none trades it.
     */
    double marketUsd(AssetId asset);

    /** What selling {@code amount} of {@code in} for {@code out} on this chain's venues would give now (no trade). */
    double quoteSell(AssetId in, AssetId out, double amount);

    /**
     * How much of {@code asset}, USD at its reference price, selling it for {@code other} on {@code venue} takes to
     * move the venue's price by {@code band} (0.02 = 2%) now; 0 when the venue is not on this chain.
     */
    double depthUsd(dev.fracture.model.VenueId venue, AssetId asset, AssetId other, double band);

    /**
     * Sells {@code amount} of {@code in} for {@code out} through the router on this chain's venues, counts it as
     * forced selling of {@code in} (the impact law lowers later reference prices), and returns what it received.
     */
    double sell(AssetId in, AssetId out, double amount);

    /** Adds an entry to the run's event log (see the engine's {@code RunEvent}). */
    void log(String kind, String subject, String detail, double usd);
}
