package dev.fracture.protocol.lending;

import java.math.BigInteger;

/**
 * The outcome of a Morpho Blue liquidation (the values of the {@code Liquidate} event).
 *
 * @param seizedAssets  collateral sent to the liquidator
 * @param repaidAssets  loan tokens the liquidator pays
 * @param repaidShares  borrow shares burned for them
 * @param badDebtAssets borrow written off against suppliers when the collateral reached zero
 * @param badDebtShares borrow shares written off with it
 */
public record MorphoLiquidationResult(BigInteger seizedAssets, BigInteger repaidAssets, BigInteger repaidShares,
                                      BigInteger badDebtAssets, BigInteger badDebtShares, MorphoPosition positionAfter,
                                      MorphoMarketState stateAfter) {
}
