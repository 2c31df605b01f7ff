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

    /**
     * The text the record's generated {@code toString} gives, character for character (the run's state hash reads
     * it), made by concatenation: this JDK's generated one goes through {@code String.format}, a parse of its
     * pattern on every call, and a run writes this text for every landed liquidation.
     */
    @Override
    public String toString() {
        return "LiquidationEvent[time=" + time + ", chain=" + chain + ", block=" + block + ", protocol=" + protocol
                + ", account=" + account + ", liquidator=" + liquidator + ", debtAsset=" + debtAsset + ", repaid="
                + repaid + ", collateralAsset=" + collateralAsset + ", seized=" + seized + ", proceeds=" + proceeds
                + ", repaidUsd=" + repaidUsd + ", soldUsd=" + soldUsd + ", profitUsd=" + profitUsd + ", badDebtUsd="
                + badDebtUsd + "]";
    }
}
