package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The reserves and e-mode categories of one Aave v3 pool. */
public record AaveMarket(Map<AssetId, AaveReserveConfig> reserves, Map<Integer, AaveEModeCategory> eModes) {
    public AaveMarket {
        reserves = Map.copyOf(Objects.requireNonNull(reserves, "reserves"));
        eModes = Map.copyOf(Objects.requireNonNull(eModes, "eModes"));
        for (Map.Entry<AssetId, AaveReserveConfig> e : reserves.entrySet()) {
            AssetId asset = e.getKey();
            AaveReserveConfig config = e.getValue();
            if (!asset.equals(config.asset())) {
                throw new IllegalArgumentException("reserves[" + asset + "] holds the config of " + config.asset());
            }
            if (config.eModeCategory() != 0 && !eModes.containsKey(config.eModeCategory())) {
                throw new IllegalArgumentException("reserve " + asset + ": eModeCategory " + config.eModeCategory()
                        + " is not a category of this market");
            }
        }
    }

    public static AaveMarket of(List<AaveReserveConfig> reserves, List<AaveEModeCategory> eModes) {
        Map<AssetId, AaveReserveConfig> byAsset = new TreeMap<>();
        for (AaveReserveConfig r : reserves) {
            if (byAsset.put(r.asset(), r) != null) {
                throw new IllegalArgumentException("reserve " + r.asset() + " listed twice");
            }
        }
        Map<Integer, AaveEModeCategory> byId = new TreeMap<>();
        for (AaveEModeCategory e : eModes) {
            if (byId.put(e.id(), e) != null) {
                throw new IllegalArgumentException("e-mode category " + e.id() + " listed twice");
            }
        }
        return new AaveMarket(byAsset, byId);
    }

    /** The reserve of an asset, or an exception naming the asset and where it was referenced. */
    public AaveReserveConfig reserve(AssetId asset, String where) {
        AaveReserveConfig r = reserves.get(asset);
        if (r == null) {
            throw new IllegalArgumentException(where + ": unknown asset " + asset + " (not a reserve of this market)");
        }
        return r;
    }
}
