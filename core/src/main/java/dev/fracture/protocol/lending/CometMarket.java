package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The static configuration of one Comet market: its base asset, the storefront price factor (1e18 scale) and the
 * target reserves (base units) below which the protocol sells absorbed collateral.
 */
public record CometMarket(AssetId baseAsset, int baseDecimals, long storeFrontPriceFactor, BigInteger targetReserves,
                          Map<AssetId, CometAssetConfig> assets) {
    public CometMarket {
        Objects.requireNonNull(baseAsset, "baseAsset");
        Require.range(baseDecimals, 0, 18, "baseDecimals");
        if (storeFrontPriceFactor < 0 || storeFrontPriceFactor > CometAssetConfig.FACTOR_SCALE) {
            throw new IllegalArgumentException("storeFrontPriceFactor must be in [0, 1e18], was "
                    + storeFrontPriceFactor);
        }
        Require.nonNegative(targetReserves, "targetReserves");
        assets = Map.copyOf(assets);
        if (assets.containsKey(baseAsset)) {
            throw new IllegalArgumentException("assets: the base asset " + baseAsset + " cannot be a collateral");
        }
    }

    public static CometMarket of(AssetId baseAsset, int baseDecimals, long storeFrontPriceFactor,
                                 BigInteger targetReserves, List<CometAssetConfig> assets) {
        Map<AssetId, CometAssetConfig> byAsset = new TreeMap<>();
        for (CometAssetConfig a : assets) {
            if (byAsset.put(a.asset(), a) != null) {
                throw new IllegalArgumentException("comet asset " + a.asset() + " listed twice");
            }
        }
        return new CometMarket(baseAsset, baseDecimals, storeFrontPriceFactor, targetReserves, byAsset);
    }

    public CometAssetConfig asset(AssetId asset, String where) {
        CometAssetConfig a = assets.get(asset);
        if (a == null) {
            throw new IllegalArgumentException(where + ": unknown asset " + asset + " (not a collateral of this market)");
        }
        return a;
    }

    public BigInteger baseScale() {
        return BigInteger.TEN.pow(baseDecimals);
    }
}
