package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;

/**
 * Result of one {@link LiquityLiquidation#liquidate}. When {@code liquidated} is false, {@code system} is the input
 * unchanged, every amount is 0 and {@code reason} says why.
 *
 * @param system              the system after the liquidation
 * @param trove               the trove as it stood when liquidated, redistributions received so far included
 * @param recoveryMode        true when the system was in recovery mode (TCR &lt; CCR) before the liquidation
 * @param liquidated          whether the trove was closed
 * @param reason              why it was or was not liquidated
 * @param icr                 the trove's collateral ratio at the price
 * @param debtOffset          debt cancelled against stability-pool LUSD (depositors' LUSD burned) [LUSD]
 * @param collToPool          collateral sent to depositors [ETH]
 * @param debtRedistributed   debt moved to the other troves [LUSD]
 * @param collRedistributed   collateral moved to the other troves [ETH]
 * @param collGasCompensation collateral paid to the liquidator, 0.5% [ETH]
 * @param lusdGasCompensation LUSD paid to the liquidator from the gas pool [LUSD]
 * @param collSurplus         collateral left to the owner to claim (capped recovery-mode liquidation) [ETH]
 */
public record TroveLiquidation(LiquitySystem system, Trove trove, boolean recoveryMode, boolean liquidated,
                               String reason, double icr, double debtOffset, double collToPool,
                               double debtRedistributed, double collRedistributed, double collGasCompensation,
                               double lusdGasCompensation, double collSurplus) {

    /** The liquidated (or not liquidated) trove's owner. */
    public AccountId owner() {
        return trove.owner();
    }
}
