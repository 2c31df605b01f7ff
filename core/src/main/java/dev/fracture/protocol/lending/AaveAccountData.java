package dev.fracture.protocol.lending;

import java.math.BigInteger;

/**
 * What {@code GenericLogic.calculateUserAccountData} returns: totals in base-currency units (8 decimals), the
 * collateral-weighted average LTV and liquidation threshold in basis points (truncated), and the health factor in WAD
 * (2^256 - 1 when there is no debt, as the contract's {@code type(uint256).max}).
 */
public record AaveAccountData(BigInteger totalCollateralBase, BigInteger totalDebtBase, BigInteger avgLtvBps,
                              BigInteger avgLiquidationThresholdBps, BigInteger healthFactor,
                              boolean hasZeroLtvCollateral) {
    /** {@code type(uint256).max}, the health factor of an account without debt. */
    public static final BigInteger NO_DEBT_HEALTH_FACTOR = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    public boolean liquidatable() {
        return healthFactor.compareTo(WadRayMath.WAD) < 0;
    }

    /** The health factor as a double (1.0 = the liquidation boundary), infinity without debt. */
    public double healthFactorAsDouble() {
        return totalDebtBase.signum() == 0 ? Double.POSITIVE_INFINITY : healthFactor.doubleValue() / 1e18;
    }
}
