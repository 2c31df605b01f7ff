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
    private static final double Q96 = 0x1p96;

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
        BigInteger fee = BigInteger.valueOf(feePips);
        return computeSwapStep(sqrtRatioCurrentX96, sqrtRatioTargetX96, liquidity, amountRemaining, fee,
                PIPS.subtract(fee));
    }

    /** As above with the fee and 1e6 − fee given as BigIntegers, which a pool computes once. */
    static Step computeSwapStep(BigInteger sqrtRatioCurrentX96, BigInteger sqrtRatioTargetX96, BigInteger liquidity,
                                BigInteger amountRemaining, BigInteger fee, BigInteger pipsLessFee) {
        boolean zeroForOne = sqrtRatioCurrentX96.compareTo(sqrtRatioTargetX96) >= 0;
        boolean exactIn = amountRemaining.signum() >= 0;

        // amountIn / amountOut to the target only matter when the remaining amount reaches them, so when a double
        // estimate shows it clearly falls short they are computed below only if the price lands on the target anyway.
        BigInteger sqrtRatioNextX96;
        BigInteger amountIn = null;
        BigInteger amountOut = null;
        if (exactIn) {
            BigInteger amountRemainingLessFee = FullMath.mulDiv(amountRemaining, pipsLessFee, PIPS);
            boolean noReach = clearlyBelow(amountRemainingLessFee, zeroForOne
                    ? estimateAmount0(sqrtRatioTargetX96, sqrtRatioCurrentX96, liquidity)
                    : estimateAmount1(sqrtRatioCurrentX96, sqrtRatioTargetX96, liquidity));
            if (!noReach) {
                amountIn = zeroForOne
                        ? SqrtPriceMath.getAmount0Delta(sqrtRatioTargetX96, sqrtRatioCurrentX96, liquidity, true)
                        : SqrtPriceMath.getAmount1Delta(sqrtRatioCurrentX96, sqrtRatioTargetX96, liquidity, true);
            }
            sqrtRatioNextX96 = !noReach && amountRemainingLessFee.compareTo(amountIn) >= 0
                    ? sqrtRatioTargetX96
                    : SqrtPriceMath.getNextSqrtPriceFromInput(sqrtRatioCurrentX96, liquidity, amountRemainingLessFee,
                            zeroForOne);
        } else {
            BigInteger wanted = amountRemaining.negate();
            boolean noReach = clearlyBelow(wanted, zeroForOne
                    ? estimateAmount1(sqrtRatioTargetX96, sqrtRatioCurrentX96, liquidity)
                    : estimateAmount0(sqrtRatioCurrentX96, sqrtRatioTargetX96, liquidity));
            if (!noReach) {
                amountOut = zeroForOne
                        ? SqrtPriceMath.getAmount1Delta(sqrtRatioTargetX96, sqrtRatioCurrentX96, liquidity, false)
                        : SqrtPriceMath.getAmount0Delta(sqrtRatioCurrentX96, sqrtRatioTargetX96, liquidity, false);
            }
            sqrtRatioNextX96 = !noReach && wanted.compareTo(amountOut) >= 0
                    ? sqrtRatioTargetX96
                    : SqrtPriceMath.getNextSqrtPriceFromOutput(sqrtRatioCurrentX96, liquidity, wanted, zeroForOne);
        }

        boolean max = sqrtRatioTargetX96.equals(sqrtRatioNextX96);
        if (zeroForOne) {
            if (!(max && exactIn) || amountIn == null) {
                amountIn = SqrtPriceMath.getAmount0Delta(sqrtRatioNextX96, sqrtRatioCurrentX96, liquidity, true);
            }
            if (!(max && !exactIn) || amountOut == null) {
                amountOut = SqrtPriceMath.getAmount1Delta(sqrtRatioNextX96, sqrtRatioCurrentX96, liquidity, false);
            }
        } else {
            if (!(max && exactIn) || amountIn == null) {
                amountIn = SqrtPriceMath.getAmount1Delta(sqrtRatioCurrentX96, sqrtRatioNextX96, liquidity, true);
            }
            if (!(max && !exactIn) || amountOut == null) {
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

    /**
     * True when {@code amount} is certainly below the exact value estimated by {@code estimate}: the doubles err by
     * well under 1e-12 relative (each operand is exact to 1e-16 and the price difference is taken exactly) and the
     * contract's roundings move the exact value by at most two units.
     */
    private static boolean clearlyBelow(BigInteger amount, double estimate) {
        return amount.doubleValue() < estimate * (1 - 1e-12) - 4;
    }

    /** L·(√B − √A)/(√A·√B) in token0 units, as a double. */
    private static double estimateAmount0(BigInteger sqrtA, BigInteger sqrtB, BigInteger liquidity) {
        double a = sqrtA.doubleValue();
        double b = sqrtB.doubleValue();
        return liquidity.doubleValue() * (sqrtB.subtract(sqrtA).doubleValue() / b) * (Q96 / a);
    }

    /** L·(√B − √A) in token1 units, as a double. */
    private static double estimateAmount1(BigInteger sqrtA, BigInteger sqrtB, BigInteger liquidity) {
        return liquidity.doubleValue() * (sqrtB.subtract(sqrtA).doubleValue() / Q96);
    }
}
