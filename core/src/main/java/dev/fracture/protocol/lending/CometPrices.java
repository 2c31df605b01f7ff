package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.Map;

/** Comet price-feed answers: USD with 8 decimals ({@code CometCore.PRICE_SCALE} = 1e8), base asset included. */
public record CometPrices(Map<AssetId, Long> prices) {
    public CometPrices {
        prices = Map.copyOf(prices);
        prices.forEach((asset, price) -> {
            if (price <= 0) {
                throw new IllegalArgumentException("prices[" + asset + "] must be > 0, was " + price);
            }
        });
    }

    public BigInteger price(AssetId asset) {
        Long p = prices.get(asset);
        if (p == null) {
            throw new IllegalArgumentException("prices: no price for asset " + asset);
        }
        return BigInteger.valueOf(p);
    }
}
