package dev.fracture.market.clmm;

import java.math.BigInteger;

/**
 * One step of a swap inside a single liquidity range, as v3-core {@code contracts/libraries/SwapMath.sol}
 * {@code computeSwapStep}. The direction follows from the target (below the current price: token0 in); a positive
 * {@code amountRemaining} is an exact input (fee taken from it first), a negative one an exact output.
 */
public final class SwapMath {
    /** Fees are in pips: millionths of the input. */
    public static final BigInteger PIPS = BigInteger.valueOf(1_000_000);

    private SwapMath() {
    }

    /** The result of one step: where the price stops, what goes in (fee excluded), what comes out, and the fee. */
    public record Step(BigInteger sqrtRatioNextX96, BigInteger amountIn, BigInteger amountOut, BigInteger feeAmount) {
    }

    /**
     * Swaps toward {@code sqrtRatioTargetX96} with {@code liquidity} until the target is reached or the remaining
     * amount is used up. When an exact input stops short of the target, whatever of it was not swapped is kept as
     * fee (the contract's rule: the pool never returns dust); otherwise the fee is amountIn·fee/(1e6 − fee), rounded up.
     */
    public static Step computeSwapStep(BigInteger sqrtRatioCurrentX96, BigInteger sqrtRatioTargetX96,
                                       BigInteger liquidity, BigInteger amountRemaining, int feePips) {
        boolean zeroForOne = sqrtRatioCurrentX96.compareTo(sqrtRatioTargetX96) >= 0;
        boolean exactIn = amountRemaining.signum() >= 0;
        BigInteger fee = BigInteger.valueOf(feePips);
        BigInteger pipsLessFee = PIPS.subtract(fee);

        BigInteger sqrtRatioNextX96;
        BigInteger amountIn = BigInteger.ZERO;
        BigInteger amountOut = BigInteger.ZERO;
        if (exactIn) {
            BigInteger amountRemainingLessFee = FullMath.mulDiv(amountRemaining, pipsLessFee, PIPS);
            amountIn = zeroForOne
                    ? SqrtPriceMath.getAmount0Delta(sqrtRatioTargetX96, sqrtRatioCurrentX96, liquidity, true)
                    : SqrtPriceMath.getAmount1Delta(sqrtRatioCurrentX96, sqrtRatioTargetX96, liquidity, true);
            sqrtRatioNextX96 = amountRemainingLessFee.compareTo(amountIn) >= 0
                    ? sqrtRatioTargetX96
                    : SqrtPriceMath.getNextSqrtPriceFromInput(sqrtRatioCurrentX96, liquidity, amountRemainingLessFee,
                            zeroForOne);
        } else {
            amountOut = zeroForOne
                    ? SqrtPriceMath.getAmount1Delta(sqrtRatioTargetX96, sqrtRatioCurrentX96, liquidity, false)
                    : SqrtPriceMath.getAmount0Delta(sqrtRatioCurrentX96, sqrtRatioTargetX96, liquidity, false);
            sqrtRatioNextX96 = amountRemaining.negate().compareTo(amountOut) >= 0
                    ? sqrtRatioTargetX96
                    : SqrtPriceMath.getNextSqrtPriceFromOutput(sqrtRatioCurrentX96, liquidity,
                            amountRemaining.negate(), zeroForOne);
        }

        boolean max = sqrtRatioTargetX96.equals(sqrtRatioNextX96);
        if (zeroForOne) {
            if (!(max && exactIn)) {
                amountIn = SqrtPriceMath.getAmount0Delta(sqrtRatioNextX96, sqrtRatioCurrentX96, liquidity, true);
            }
            if (!(max && !exactIn)) {
                amountOut = SqrtPriceMath.getAmount1Delta(sqrtRatioNextX96, sqrtRatioCurrentX96, liquidity, false);
            }
        } else {
            if (!(max && exactIn)) {
                amountIn = SqrtPriceMath.getAmount1Delta(sqrtRatioCurrentX96, sqrtRatioNextX96, liquidity, true);
            }
            if (!(max && !exactIn)) {
                amountOut = SqrtPriceMath.getAmount0Delta(sqrtRatioCurrentX96, sqrtRatioNextX96, liquidity, false);
            }
        }

        // An exact output never pays out more than was asked, even where rounding of the price would allow it.
        if (!exactIn && amountOut.compareTo(amountRemaining.negate()) > 0) {
            amountOut = amountRemaining.negate();
        }

        BigInteger feeAmount = exactIn && !sqrtRatioNextX96.equals(sqrtRatioTargetX96)
                ? amountRemaining.subtract(amountIn)
                : FullMath.mulDivRoundingUp(amountIn, fee, pipsLessFee);
        return new Step(sqrtRatioNextX96, amountIn, amountOut, feeAmount);
    }
}
