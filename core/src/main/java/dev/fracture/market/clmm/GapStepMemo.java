package dev.fracture.market.clmm;

import java.math.BigInteger;

/**
 * Memo of the swap steps that run the whole way between two adjacent initialized ticks. Such a step starts and ends
 * on fixed tick prices with the liquidity of that gap, so computeSwapStep's amounts and fee, and the fee-growth
 * increment, are the same every time whatever amount remains (provided it reaches the target, which the caller checks
 * against the memoized amounts exactly as computeSwapStep would). Memoizing them is therefore exact, and it turns a
 * swap across many ticks into array reads between its first and last step. The memo follows the table's version and
 * is keyed on the liquidity too, so a changed table or a different liquidity is never served a stale step.
 */
final class GapStepMemo {
    private static final BigInteger UNBOUNDED_INPUT = FullMath.MAX_INT256;

    private int version = -1;
    private SwapMath.Step[] down = new SwapMath.Step[0];
    private SwapMath.Step[] up = new SwapMath.Step[0];
    private BigInteger[] downGrowth = new BigInteger[0];
    private BigInteger[] upGrowth = new BigInteger[0];
    private BigInteger[] downLiquidity = new BigInteger[0];
    private BigInteger[] upLiquidity = new BigInteger[0];

    /**
     * The whole step across gap {@code gap} (between ticks[gap − 1] and ticks[gap]) in the given direction with
     * {@code liquidity}, or null when no finite input reaches the far tick.
     */
    SwapMath.Step step(TickTable table, boolean zeroForOne, int gap, BigInteger liquidity, int feePips) {
        if (version != table.version()) {
            reset(table);
        }
        SwapMath.Step[] steps = zeroForOne ? down : up;
        BigInteger[] keys = zeroForOne ? downLiquidity : upLiquidity;
        if (steps[gap] == null || !keys[gap].equals(liquidity)) {
            BigInteger from = table.sqrtX96At(zeroForOne ? gap : gap - 1);
            BigInteger to = table.sqrtX96At(zeroForOne ? gap - 1 : gap);
            SwapMath.Step s = SwapMath.computeSwapStep(from, to, liquidity, UNBOUNDED_INPUT, feePips);
            if (!s.sqrtRatioNextX96().equals(to)) {
                return null;
            }
            steps[gap] = s;
            keys[gap] = liquidity;
            (zeroForOne ? downGrowth : upGrowth)[gap] = liquidity.signum() > 0
                    ? FullMath.mulDiv(s.feeAmount(), FullMath.Q128, liquidity)
                    : BigInteger.ZERO;
        }
        return steps[gap];
    }

    /** The fee-growth increment of the step last returned for this gap and direction. */
    BigInteger growth(boolean zeroForOne, int gap) {
        return (zeroForOne ? downGrowth : upGrowth)[gap];
    }

    private void reset(TickTable table) {
        int n = table.size() + 1;
        down = new SwapMath.Step[n];
        up = new SwapMath.Step[n];
        downGrowth = new BigInteger[n];
        upGrowth = new BigInteger[n];
        downLiquidity = new BigInteger[n];
        upLiquidity = new BigInteger[n];
        version = table.version();
    }
}
