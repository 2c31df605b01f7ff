package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The reserves and e-mode categories of one Aave v3 pool, and the parameters in force that differ from them.
 *
 * @param eModeBonusBps per collateral reserve in an e-mode category, the liquidation bonus paid on it to accounts of
 *                      that category when it is not the category's own: the bonus a run's mitigations set for the
 *                      block (a cut in a volatile regime, a rise with slippage), which act per collateral asset while
 *                      the protocol keeps one bonus per category. Empty for the protocol's own parameters.
 */
public record AaveMarket(Map<AssetId, AaveReserveConfig> reserves, Map<Integer, AaveEModeCategory> eModes,
                         Map<AssetId, Integer> eModeBonusBps) {
    public AaveMarket {
        reserves = Map.copyOf(Objects.requireNonNull(reserves, "reserves"));
        eModes = Map.copyOf(Objects.requireNonNull(eModes, "eModes"));
        eModeBonusBps = Map.copyOf(Objects.requireNonNull(eModeBonusBps, "eModeBonusBps"));
        for (Map.Entry<AssetId, Integer> e : eModeBonusBps.entrySet()) {
            AaveReserveConfig r = reserves.get(e.getKey());
            if (r == null || r.eModeCategory() == 0) {
                throw new IllegalArgumentException("eModeBonusBps[" + e.getKey() + "]: not a reserve of an e-mode "
                        + "category of this market");
            }
            if (e.getValue() < 10_000) {
                throw new IllegalArgumentException("eModeBonusBps[" + e.getKey() + "]: must be >= 10000 (was "
                        + e.getValue() + "): a bonus includes the principal");
            }
        }
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

    /** The protocol's own parameters: no bonus differs from its category's. */
    public AaveMarket(Map<AssetId, AaveReserveConfig> reserves, Map<Integer, AaveEModeCategory> eModes) {
        this(reserves, eModes, Map.of());
    }

    /**
     * The bonus paid on {@code collateral} seized from an account in e-mode category {@code eMode} (null: none):
     * the category's when the collateral is of the account's category (aave-v3-core
     * {@code LiquidationLogic.executeLiquidationCall}: {@code liquidationBonus} from the e-mode category when
     * {@code userEModeCategory != 0} and the collateral's category matches), or the bonus in force for it
     * ({@link #eModeBonusBps}); otherwise the reserve's own.
     */
    public int liquidationBonusBps(AaveEModeCategory eMode, AaveReserveConfig collateral) {
        if (eMode == null || collateral.eModeCategory() != eMode.id()) {
            return collateral.liquidationBonusBps();
        }
        Integer inForce = eModeBonusBps.get(collateral.asset());
        return inForce != null ? inForce : eMode.liquidationBonusBps();
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
