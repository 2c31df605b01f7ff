package dev.fracture.market.clmm;

import java.math.BigInteger;

/**
 * What UniswapV3Pool.swap returns and leaves behind, in integer units: the pool's balance changes (positive: the pool
 * received, negative: it paid), and the state after the swap.
 *
 * @param feeAmount                 total fee charged, in the input token (protocol fee not split off)
 * @param amountSpecifiedRemaining  what the loop did not fill; non-zero when the price limit (or the end of
 *                                  liquidity, which runs into the limit) stopped it
 */
public record SwapResult(BigInteger amount0, BigInteger amount1, BigInteger sqrtPriceX96, int tick,
                         BigInteger liquidity, BigInteger feeGrowthGlobal0X128, BigInteger feeGrowthGlobal1X128,
                         BigInteger feeAmount, BigInteger amountSpecifiedRemaining) {

    /** True when the whole specified amount was filled. */
    public boolean complete() {
        return amountSpecifiedRemaining.signum() == 0;
    }
}
