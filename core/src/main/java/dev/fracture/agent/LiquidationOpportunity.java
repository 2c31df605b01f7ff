package dev.fracture.agent;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;

/**
 * A position that a protocol lets anyone liquidate now, in the protocol-neutral terms a liquidator prices it in.
 * Each protocol's mechanics produce these (Aave's close factor and bonus, Morpho's incentive factor, a Maker
 * auction lot at its current price ...).
 *
 * @param maxRepay           most debt asset the protocol accepts in this call (close factor, auction lot)
 * @param collateralPerDebt  collateral received per unit of debt repaid, bonus included
 *                           (Aave: debtPrice × bonus / collateralPrice, in token units)
 * @param collateralAvailable collateral the position still holds; seizure never exceeds it
 * @param flashLoan          funding terms available for the debt asset on this chain
 * @param gasUnits           gas of the liquidation transaction, including the swap that sells the collateral
 * @param detectedBlock      the block in which the position became liquidatable
 */
public record LiquidationOpportunity(ProtocolId protocol, AccountId account, ChainId chain, AssetId debtAsset,
                                     AssetId collateralAsset, double maxRepay, double collateralPerDebt,
                                     double collateralAvailable, FlashLoanTerms flashLoan, long gasUnits,
                                     long detectedBlock) {
    public LiquidationOpportunity {
        if (protocol == null || account == null || chain == null || debtAsset == null || collateralAsset == null
                || flashLoan == null) {
            throw new IllegalArgumentException("liquidation opportunity: protocol, account, chain, assets and flash "
                    + "loan terms are required");
        }
        requireNonNegative("maxRepay", maxRepay);
        requireNonNegative("collateralPerDebt", collateralPerDebt);
        requireNonNegative("collateralAvailable", collateralAvailable);
        if (gasUnits < 0) {
            throw new IllegalArgumentException("liquidation opportunity: gasUnits must be >= 0 (was " + gasUnits + ")");
        }
    }

    static void requireNonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("liquidation opportunity: " + field
                    + " must be a finite number >= 0 (was " + value + ")");
        }
    }

    /** Debt that can actually be repaid: the protocol's cap, and what the collateral left can pay for. */
    public double repayable() {
        return collateralPerDebt > 0 ? Math.min(maxRepay, collateralAvailable / collateralPerDebt) : 0;
    }
}
