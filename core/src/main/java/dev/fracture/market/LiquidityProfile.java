package dev.fracture.market;

import dev.fracture.model.AssetId;
import java.util.List;

/**
 * How much of {@code base} a venue absorbs or supplies as its price moves through successive bands, for charts
 * and depth measures. Bands below the spot price hold the base the venue buys as its price falls through the
 * band; bands above hold the base it sells as its price rises through it.
 */
public record LiquidityProfile(AssetId base, AssetId quote, double spot, List<Band> bands) {
    public LiquidityProfile {
        bands = List.copyOf(bands);
    }

    /** One price band [priceLower, priceUpper] of quote per base and the base amount traded across it. */
    public record Band(double priceLower, double priceUpper, double baseAmount) {
    }
}
