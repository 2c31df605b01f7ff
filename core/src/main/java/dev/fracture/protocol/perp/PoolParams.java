package dev.fracture.protocol.perp;

/**
 * Parameters of a pool-based perp market (GMX style, docs https://docs.gmx.io/docs/trading/v2 and
 * https://docs.gmx.io/docs/providing-liquidity/v2): the liquidity pool is every trader's counterparty.
 *
 * @param positionFeeRate     fee on the size opened or closed (GMX: 0.05%–0.07% in v2, 0.1% in v1)
 * @param feeToPoolShare      share of fees that goes to the pool's LPs (GMX v2: 63%); the rest goes to the venue
 * @param maxLongOpenInterest USD cap on total long size
 * @param maxShortOpenInterest USD cap on total short size
 * @param maxLeverage         size / collateral allowed when opening
 * @param minCollateralFactor liquidatable when collateral + P&amp;L − close fee falls below this × size (GMX v2
 *                            {@code minCollateralFactor}, 0.5%–1%)
 * @param liquidationFeeUsd   flat fee to the keeper that executes a liquidation (GMX v1: 5 USD)
 */
public record PoolParams(double positionFeeRate, double feeToPoolShare, double maxLongOpenInterest,
                         double maxShortOpenInterest, double maxLeverage, double minCollateralFactor,
                         double liquidationFeeUsd) {
    public PoolParams {
        Require.fraction(positionFeeRate, "positionFeeRate");
        Require.fraction(feeToPoolShare, "feeToPoolShare");
        Require.nonNegative(maxLongOpenInterest, "maxLongOpenInterest");
        Require.nonNegative(maxShortOpenInterest, "maxShortOpenInterest");
        Require.finite(maxLeverage, "maxLeverage");
        if (maxLeverage < 1) {
            throw new IllegalArgumentException("maxLeverage must be >= 1, was " + maxLeverage);
        }
        Require.fraction(minCollateralFactor, "minCollateralFactor");
        Require.nonNegative(liquidationFeeUsd, "liquidationFeeUsd");
    }
}
