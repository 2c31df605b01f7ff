package dev.fracture.engine;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;

/**
 * One liquidation that landed, as the run's event log records it. Token amounts in token units; USD at the block's
 * reference prices.
 *
 * @param proceeds     debt asset the liquidator got for the collateral it sold (0 when it kept it)
 * @param profitUsd    the liquidator's realized profit: bonus − slippage − flash-loan fee − gas
 * @param badDebtUsd   debt the protocol realized as bad debt with this liquidation
 */
public record LiquidationEvent(long time, ChainId chain, long block, ProtocolId protocol, AccountId account,
                               String liquidator, AssetId debtAsset, double repaid, AssetId collateralAsset,
                               double seized, double proceeds, double repaidUsd, double soldUsd, double profitUsd,
                               double badDebtUsd) {
}
