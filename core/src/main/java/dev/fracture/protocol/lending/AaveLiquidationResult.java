package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;

/**
 * The outcome of one Aave v3 liquidation call, in token units.
 *
 * @param healthFactorBefore     the account's health factor (WAD) that decided the close factor
 * @param closeFactorBps         5000 or 10000
 * @param debtRepaid             debt asset repaid by the liquidator and burned from the account
 * @param collateralSeized       collateral removed from the account (to the liquidator plus the protocol fee)
 * @param collateralToLiquidator what the liquidator receives
 * @param protocolFee            the protocol's share of the bonus, sent to the treasury
 * @param remainingDebt          the account's debt in the debt asset afterwards; when the collateral ran out it stays
 *                               on the account (Aave v3.0 does not write it off)
 * @param remainingCollateral    the account's balance of the collateral asset afterwards
 * @param accountAfter           the account with both balances updated
 */
public record AaveLiquidationResult(AssetId collateralAsset, AssetId debtAsset, BigInteger healthFactorBefore,
                                    int closeFactorBps, BigInteger debtRepaid, BigInteger collateralSeized,
                                    BigInteger collateralToLiquidator, BigInteger protocolFee,
                                    BigInteger remainingDebt, BigInteger remainingCollateral,
                                    AaveAccount accountAfter) {
}
