package dev.fracture.protocol.lending;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The variable-rate part of Aave v3's {@code DefaultReserveInterestRateStrategy.calculateInterestRates}
 * (aave/aave-v3-core, {@code contracts/protocol/pool/DefaultReserveInterestRateStrategy.sol}): below the optimal
 * usage ratio the borrow rate rises by {@code slope1 * usage / optimal}; above it by {@code slope1 + slope2 * excess /
 * (1 - optimal)}. The supply rate is the borrow rate times usage times {@code (1 - reserveFactor)}. All in RAY,
 * rounded as WadRayMath. Stable-rate debt and unbacked (portal) supply are not modelled.
 */
public record AaveInterestRateStrategy(BigInteger optimalUsageRatio, BigInteger baseVariableBorrowRate,
                                       BigInteger variableRateSlope1, BigInteger variableRateSlope2) {
    public AaveInterestRateStrategy {
        Require.nonNegative(optimalUsageRatio, "optimalUsageRatio");
        Require.nonNegative(baseVariableBorrowRate, "baseVariableBorrowRate");
        Require.nonNegative(variableRateSlope1, "variableRateSlope1");
        Require.nonNegative(variableRateSlope2, "variableRateSlope2");
        if (optimalUsageRatio.signum() == 0 || optimalUsageRatio.compareTo(WadRayMath.RAY) >= 0) {
            throw new IllegalArgumentException("optimalUsageRatio must be in (0, 1 RAY), was " + optimalUsageRatio);
        }
    }

    /** The borrow usage ratio in RAY: debt / (available liquidity + debt). */
    public BigInteger usageRatio(BigInteger totalDebt, BigInteger availableLiquidity) {
        Require.nonNegative(totalDebt, "totalDebt");
        Require.nonNegative(availableLiquidity, "availableLiquidity");
        return totalDebt.signum() == 0 ? BigInteger.ZERO : WadRayMath.rayDiv(totalDebt, availableLiquidity.add(totalDebt));
    }

    public BigInteger variableBorrowRate(BigInteger totalDebt, BigInteger availableLiquidity) {
        BigInteger usage = usageRatio(totalDebt, availableLiquidity);
        if (usage.compareTo(optimalUsageRatio) > 0) {
            BigInteger excess = WadRayMath.rayDiv(usage.subtract(optimalUsageRatio),
                    WadRayMath.RAY.subtract(optimalUsageRatio));
            return baseVariableBorrowRate.add(variableRateSlope1).add(WadRayMath.rayMul(variableRateSlope2, excess));
        }
        return baseVariableBorrowRate.add(WadRayMath.rayDiv(WadRayMath.rayMul(variableRateSlope1, usage),
                optimalUsageRatio));
    }

    public BigInteger liquidityRate(BigInteger totalDebt, BigInteger availableLiquidity, int reserveFactorBps) {
        Require.range(reserveFactorBps, 0, 10_000, "reserveFactorBps");
        Objects.requireNonNull(totalDebt, "totalDebt");
        BigInteger usage = usageRatio(totalDebt, availableLiquidity);
        return WadRayMath.percentMul(WadRayMath.rayMul(variableBorrowRate(totalDebt, availableLiquidity), usage),
                10_000 - reserveFactorBps);
    }
}
