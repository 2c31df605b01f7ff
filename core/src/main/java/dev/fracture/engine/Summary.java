package dev.fracture.engine;

import dev.fracture.model.AssetId;
import dev.fracture.model.ProtocolId;
import java.util.Map;

/**
 * What a run comes to.
 *
 * @param liquidatedUsd        debt repaid by liquidations, USD at the prices of each block
 * @param liquidations         how many liquidations landed
 * @param forcedSalesUsd       collateral sold by liquidators, per asset
 * @param badDebtUsd           bad debt realized, per protocol
 * @param underwaterUsd        debt of positions whose collateral is worth less than their debt at the end (bad debt
 *                             waiting to be realized), per protocol
 * @param maxDrawdown          largest fall of each asset's reference price from its running peak
 * @param initialMove          the move of the shocked asset's scenario path alone (no impact), over the run
 * @param finalMove            its reference price's move including the cascade's impact
 * @param cascadeMultiplier    finalMove / initialMove: how much the cascade amplified the shock (1 = not at all)
 * @param lastLiquidationTime  seconds into the run of the last liquidation (-1 if none): when the cascade came to rest
 */
public record Summary(double liquidatedUsd, int liquidations, Map<AssetId, Double> forcedSalesUsd,
                      Map<ProtocolId, Double> badDebtUsd, Map<ProtocolId, Double> underwaterUsd,
                      Map<AssetId, Double> maxDrawdown, AssetId shockedAsset, double initialMove, double finalMove,
                      double cascadeMultiplier, long lastLiquidationTime) {
    public Summary {
        forcedSalesUsd = Map.copyOf(forcedSalesUsd);
        badDebtUsd = Map.copyOf(badDebtUsd);
        underwaterUsd = Map.copyOf(underwaterUsd);
        maxDrawdown = Map.copyOf(maxDrawdown);
    }

    public double totalBadDebtUsd() {
        return badDebtUsd.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
