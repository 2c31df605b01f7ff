package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Asset prices in the pool's base currency as {@code AaveOracle.getAssetPrice} returns them: integers with 8 decimals
 * for USD-based markets (1 USD = 100000000).
 *
 * <p>A market has a handful of reserves, and an account's health reads a price per balance, for every account checked
 * in a block: the prices are also kept as two short arrays, and an asset is looked up by reference first (a book's
 * balances and its oracles name an asset with the same id object), then by value, instead of through a hash table's
 * probe and a boxed number.
 */
public final class AavePrices {
    /** Decimals of the base currency of USD markets (BASE_CURRENCY_UNIT = 1e8). */
    public static final int BASE_CURRENCY_DECIMALS = 8;

    private final Map<AssetId, Long> prices;
    private final AssetId[] ids;
    private final long[] values;

    public AavePrices(Map<AssetId, Long> prices) {
        this.prices = Map.copyOf(Objects.requireNonNull(prices, "prices"));
        this.ids = new AssetId[this.prices.size()];
        this.values = new long[this.prices.size()];
        int k = 0;
        for (Map.Entry<AssetId, Long> e : this.prices.entrySet()) {
            if (e.getValue() <= 0) {
                throw new IllegalArgumentException("prices[" + e.getKey() + "] must be > 0, was " + e.getValue());
            }
            ids[k] = e.getKey();
            values[k++] = e.getValue();
        }
    }

    /** The prices by asset. */
    public Map<AssetId, Long> prices() {
        return prices;
    }

    public long price(AssetId asset) {
        for (int k = 0; k < ids.length; k++) {
            if (ids[k] == asset) {
                return values[k];
            }
        }
        for (int k = 0; k < ids.length; k++) {
            if (ids[k].equals(asset)) {
                return values[k];
            }
        }
        throw new IllegalArgumentException("prices: no price for asset " + asset);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof AavePrices other && prices.equals(other.prices);
    }

    @Override
    public int hashCode() {
        return prices.hashCode();
    }

    @Override
    public String toString() {
        return "AavePrices[prices=" + prices + "]";
    }
}
