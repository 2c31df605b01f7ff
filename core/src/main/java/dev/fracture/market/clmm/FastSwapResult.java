package dev.fracture.market.clmm;

/**
 * {@link SwapResult} in doubles, from {@link FastPoolState}: balance changes of the pool in integer units (positive:
 * received), the sqrt price as sqrt(token1/token0) in integer units, and fee growth per unit of liquidity (not Q128).
 */
public record FastSwapResult(double amount0, double amount1, double sqrtPrice, int tick, double liquidity,
                             double feeGrowthGlobal0, double feeGrowthGlobal1, double feeAmount,
                             double amountSpecifiedRemaining) {

    public boolean complete() {
        return amountSpecifiedRemaining == 0;
    }
}
