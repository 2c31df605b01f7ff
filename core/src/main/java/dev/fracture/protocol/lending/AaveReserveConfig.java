package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.util.Objects;

/**
 * One Aave v3 reserve's risk configuration, stored as the pool stores it
 * ({@code ReserveConfiguration.sol}, {@code DataTypes.ReserveConfigurationMap}): percentages in basis points, the
 * liquidation bonus including the 100% (10500 = 5% bonus), caps in whole tokens (0 = no cap), the isolation-mode debt
 * ceiling in units of 0.01 of the base currency ({@code ReserveConfiguration.DEBT_CEILING_DECIMALS} = 2; 0 = not an
 * isolated asset), and the e-mode category id (0 = none).
 *
 * @param asset                    the reserve's underlying asset
 * @param decimals                 token decimals, 0..77
 * @param ltvBps                   loan to value, basis points
 * @param liquidationThresholdBps  liquidation threshold, basis points, at least the LTV
 * @param liquidationBonusBps      liquidation bonus including principal, at least 10000 unless the threshold is 0
 * @param liquidationProtocolFeeBps share of the bonus kept by the protocol, basis points
 * @param supplyCap                supply cap in whole tokens, 0 for none
 * @param borrowCap                borrow cap in whole tokens, 0 for none
 * @param debtCeiling              isolation-mode debt ceiling with 2 decimals, 0 when the asset is not isolated
 * @param borrowableInIsolation    whether the asset may be borrowed by an account in isolation mode
 * @param eModeCategory            e-mode category id, 0 for none
 */
public record AaveReserveConfig(AssetId asset, int decimals, int ltvBps, int liquidationThresholdBps,
                                int liquidationBonusBps, int liquidationProtocolFeeBps, long supplyCap,
                                long borrowCap, long debtCeiling, boolean borrowableInIsolation, int eModeCategory) {
    public AaveReserveConfig {
        Objects.requireNonNull(asset, "asset");
        String where = "reserve " + asset + ": ";
        Require.range(decimals, 0, 77, where + "decimals");
        Require.range(ltvBps, 0, 10_000, where + "ltvBps");
        Require.range(liquidationThresholdBps, 0, 10_000, where + "liquidationThresholdBps");
        if (liquidationThresholdBps < ltvBps) {
            throw new IllegalArgumentException(where + "liquidationThresholdBps (" + liquidationThresholdBps
                    + ") must be >= ltvBps (" + ltvBps + ")");
        }
        if (liquidationThresholdBps != 0 && liquidationBonusBps < 10_000) {
            throw new IllegalArgumentException(where + "liquidationBonusBps must be >= 10000 (100%), was "
                    + liquidationBonusBps);
        }
        if (liquidationThresholdBps != 0
                && ((long) liquidationThresholdBps * liquidationBonusBps + 5_000) / 10_000 > 10_000) {
            // PoolConfigurator.configureReserveAsCollateral: threshold.percentMul(bonus) <= 100%, so that a
            // liquidation at the threshold can pay the bonus out of the collateral.
            throw new IllegalArgumentException(where + "liquidationThresholdBps x liquidationBonusBps must be <= 100%, was "
                    + liquidationThresholdBps + " x " + liquidationBonusBps);
        }
        Require.range(liquidationProtocolFeeBps, 0, 10_000, where + "liquidationProtocolFeeBps");
        Require.nonNegative(supplyCap, where + "supplyCap");
        Require.nonNegative(borrowCap, where + "borrowCap");
        Require.nonNegative(debtCeiling, where + "debtCeiling");
        Require.range(eModeCategory, 0, 255, where + "eModeCategory");
    }

    /** A plain reserve: no fee, no caps, not isolated, no e-mode. */
    public static AaveReserveConfig of(AssetId asset, int decimals, int ltvBps, int liquidationThresholdBps,
                                       int liquidationBonusBps) {
        return new AaveReserveConfig(asset, decimals, ltvBps, liquidationThresholdBps, liquidationBonusBps, 0, 0, 0,
                0, true, 0);
    }

    public boolean isolated() {
        return debtCeiling != 0;
    }
}
