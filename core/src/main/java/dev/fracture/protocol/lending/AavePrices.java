package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Asset prices in the pool's base currency as {@code AaveOracle.getAssetPrice} returns them: integers with 8 decimals
 * for USD-based markets (1 USD = 100000000).
 */
public record AavePrices(Map<AssetId, Long> prices) {
    /** Decimals of the base currency of USD markets (BASE_CURRENCY_UNIT = 1e8). */
    public static final int BASE_CURRENCY_DECIMALS = 8;

    public AavePrices {
        prices = Map.copyOf(Objects.requireNonNull(prices, "prices"));
        prices.forEach((asset, price) -> {
            if (price <= 0) {
                throw new IllegalArgumentException("prices[" + asset + "] must be > 0, was " + price);
            }
        });
    }

    public long price(AssetId asset) {
        Long p = prices.get(asset);
        if (p == null) {
            throw new IllegalArgumentException("prices: no price for asset " + asset);
        }
        return p;
    }

    public BigInteger bigPrice(AssetId asset) {
        return BigInteger.valueOf(price(asset));
    }

    /** A copy with one price replaced. */
    public AavePrices with(AssetId asset, long price) {
        HashMap<AssetId, Long> copy = new HashMap<>(prices);
        copy.put(asset, price);
        return new AavePrices(copy);
    }
}
