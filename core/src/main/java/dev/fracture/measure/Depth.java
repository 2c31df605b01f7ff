package dev.fracture.measure;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import java.util.List;

/**
 * How much of an asset (and what moves with it) the on-chain venues absorb within 2%, 5% and 10% of price, per chain
 * and in all, and how fast arbitrage can refill a chain (liquidity velocity). Volumes are tokens valued at the
 * snapshot's reference price, USD.
 *
 * @param venues the explain form: every venue counted, with the side sold and its depth
 */
public record Depth(AssetId asset, List<Band> bands, List<ChainDepth> chains, List<VenueDepth> venues,
                    double velocityUsdPerHour, double hoursToRefill2Percent) {
    /** The price moves the standard report states depth at. */
    public static final double[] MOVES = {0.02, 0.05, 0.10};

    public Depth {
        bands = List.copyOf(bands);
        chains = List.copyOf(chains);
        venues = List.copyOf(venues);
    }

    /** Aggregated volume absorbed within {@code move}. */
    public record Band(double move, double absorbedUsd) {
    }

    /**
     * One chain: its volume within each of {@link #MOVES}, and its liquidity velocity — the value per hour that
     * arbitrage can carry into the chain through open bridges delivering within the hour.
     */
    public record ChainDepth(ChainId chain, List<Band> bands, double velocityUsdPerHour) {
        public ChainDepth {
            bands = List.copyOf(bands);
        }
    }

    /** One venue: the asset it takes, the asset it pays, and its depth within each of {@link #MOVES}. */
    public record VenueDepth(VenueId venue, ChainId chain, AssetId sold, AssetId received, List<Band> bands) {
        public VenueDepth {
            bands = List.copyOf(bands);
        }
    }
}
