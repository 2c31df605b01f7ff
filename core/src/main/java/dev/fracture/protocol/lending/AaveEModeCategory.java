package dev.fracture.protocol.lending;

/**
 * An Aave v3 efficiency-mode category ({@code DataTypes.EModeCategory}): for an account in this category, collateral
 * of the same category counts with these LTV, threshold and bonus instead of the reserve's own
 * ({@code GenericLogic.calculateUserAccountData}, {@code LiquidationLogic._getConfigurationData}).
 */
public record AaveEModeCategory(int id, int ltvBps, int liquidationThresholdBps, int liquidationBonusBps) {
    public AaveEModeCategory {
        String where = "e-mode category " + id + ": ";
        Require.range(id, 1, 255, "e-mode category id");
        Require.range(ltvBps, 0, 10_000, where + "ltvBps");
        Require.range(liquidationThresholdBps, 0, 10_000, where + "liquidationThresholdBps");
        if (liquidationThresholdBps < ltvBps) {
            throw new IllegalArgumentException(where + "liquidationThresholdBps (" + liquidationThresholdBps
                    + ") must be >= ltvBps (" + ltvBps + ")");
        }
        if (liquidationBonusBps < 10_000) {
            throw new IllegalArgumentException(where + "liquidationBonusBps must be >= 10000 (100%), was "
                    + liquidationBonusBps);
        }
    }
}
