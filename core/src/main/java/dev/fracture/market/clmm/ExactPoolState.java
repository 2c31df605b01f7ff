package dev.fracture.market.clmm;

import java.math.BigInteger;

/**
 * The swap-relevant state of a v3 pool in the contract's integer types, and the swap loop of v3-core
 * {@code contracts/UniswapV3Pool.sol} {@code swap}: step to the next initialized tick (or word boundary) or the price
 * limit, whichever is nearer; cross initialized ticks applying liquidityNet (negated when moving down); accrue fee
 * growth in Q128 per unit of liquidity; stop when the amount is filled or the price reaches the limit.
 *
 * <p>Left out, because they do not change swap results: the protocol fee (feeProtocol is taken as 0, so all fees
 * accrue to LPs), per-tick fee-growth-outside and oracle observations updated on crossing, and the reentrancy lock.
 * Arguments are assumed valid; {@code ConcentratedLiquidityPool} checks them as the contract does before calling.
 */
public final class ExactPoolState {
    private final int feePips;
    private final int tickSpacing;
    private final BigInteger fee;
    private final BigInteger pipsLessFee;
    private final TickTable table;
    private BigInteger sqrtPriceX96;
    private int tick;
    private BigInteger liquidity;
    private BigInteger feeGrowthGlobal0X128 = BigInteger.ZERO;
    private BigInteger feeGrowthGlobal1X128 = BigInteger.ZERO;
    private final GapStepMemo memo = new GapStepMemo();

    /** A pool just initialized at {@code sqrtPriceX96}, before positions: tick from the price, no liquidity. */
    public ExactPoolState(int feePips, int tickSpacing, TickTable table, BigInteger sqrtPriceX96) {
        this.feePips = feePips;
        this.tickSpacing = tickSpacing;
        this.fee = BigInteger.valueOf(feePips);
        this.pipsLessFee = SwapMath.PIPS.subtract(fee);
        this.table = table;
        this.sqrtPriceX96 = sqrtPriceX96;
        this.tick = TickMath.getTickAtSqrtRatio(sqrtPriceX96);
        this.liquidity = BigInteger.ZERO;
    }

    private ExactPoolState(ExactPoolState other, TickTable table) {
        this.feePips = other.feePips;
        this.tickSpacing = other.tickSpacing;
        this.fee = other.fee;
        this.pipsLessFee = other.pipsLessFee;
        this.table = table;
        this.sqrtPriceX96 = other.sqrtPriceX96;
        this.tick = other.tick;
        this.liquidity = other.liquidity;
        this.feeGrowthGlobal0X128 = other.feeGrowthGlobal0X128;
        this.feeGrowthGlobal1X128 = other.feeGrowthGlobal1X128;
    }

    /** A copy sharing nothing mutable with this one except {@code table}, which the caller passes (already copied). */
    public ExactPoolState copyWith(TickTable tableCopy) {
        return new ExactPoolState(this, tableCopy);
    }

    public BigInteger sqrtPriceX96() {
        return sqrtPriceX96;
    }

    public int tick() {
        return tick;
    }

    public BigInteger liquidity() {
        return liquidity;
    }

    public BigInteger feeGrowthGlobal0X128() {
        return feeGrowthGlobal0X128;
    }

    public BigInteger feeGrowthGlobal1X128() {
        return feeGrowthGlobal1X128;
    }

    /** _modifyPosition's effect on in-range liquidity: a position over [lower, upper) counts when lower ≤ tick &lt; upper. */
    public void addPositionLiquidity(int tickLower, int tickUpper, BigInteger delta) {
        if (tickLower <= tick && tick < tickUpper) {
            liquidity = LiquidityMath.addDelta(liquidity, delta);
        }
    }

    /**
     * Runs the swap; writes the resulting state back only when {@code commit}. {@code amountSpecified} is non-zero
     * (positive: exact input), and the limit lies strictly between the current price and the bound on that side.
     */
    public SwapResult swap(boolean zeroForOne, BigInteger amountSpecified, BigInteger sqrtPriceLimitX96,
                           boolean commit) {
        boolean exactInput = amountSpecified.signum() > 0;
        BigInteger remaining = amountSpecified;
        BigInteger calculated = BigInteger.ZERO;
        BigInteger price = sqrtPriceX96;
        BigInteger liq = liquidity;
        BigInteger feeGrowth = zeroForOne ? feeGrowthGlobal0X128 : feeGrowthGlobal1X128;
        BigInteger fees = BigInteger.ZERO;
        int t = tick;

        while (remaining.signum() != 0 && !price.equals(sqrtPriceLimitX96)) {
            if (liq.signum() == 0 && !table.hasInitializedBeyond(t, zeroForOne)) {
                // Nothing left to trade against: the contract walks empty words one step at a time with zero amounts
                // until the limit; jump there and set the tick as that walk would.
                t = tickAtEmptyWalkEnd(zeroForOne, sqrtPriceLimitX96);
                price = sqrtPriceLimitX96;
                break;
            }
            BigInteger start = price;
            int tickNext = table.nextInitializedTickWithinOneWord(t, tickSpacing, zeroForOne);
            int index = table.indexOf(tickNext);
            boolean initialized = index >= 0;
            tickNext = Math.max(TickMath.MIN_TICK, Math.min(TickMath.MAX_TICK, tickNext));
            BigInteger nextPrice = initialized ? table.sqrtX96At(index) : TickMath.getSqrtRatioAtTick(tickNext);
            boolean limitFirst = zeroForOne
                    ? nextPrice.compareTo(sqrtPriceLimitX96) < 0
                    : nextPrice.compareTo(sqrtPriceLimitX96) > 0;

            SwapMath.Step step = null;
            BigInteger growth = null;
            int gap = zeroForOne ? index + 1 : index;
            boolean wholeGap = initialized && !limitFirst && gap >= 1 && gap < table.size()
                    && price.equals(table.sqrtX96At(zeroForOne ? gap : gap - 1));
            if (wholeGap) {
                step = memo.step(table, zeroForOne, gap, liq, feePips);
                if (step != null && reaches(step, remaining, exactInput)) {
                    growth = memo.growth(zeroForOne, gap);
                } else {
                    step = null;
                }
            }
            if (step == null) {
                step = SwapMath.computeSwapStep(price, limitFirst ? sqrtPriceLimitX96 : nextPrice, liq, remaining,
                        fee, pipsLessFee);
            }
            price = step.sqrtRatioNextX96();
            BigInteger paid = step.amountIn().add(step.feeAmount());
            if (exactInput) {
                remaining = remaining.subtract(paid);
                calculated = calculated.subtract(step.amountOut());
            } else {
                remaining = remaining.add(step.amountOut());
                calculated = calculated.add(paid);
            }
            fees = fees.add(step.feeAmount());
            if (liq.signum() > 0) {
                // The contract's fee growth is an unchecked uint256 that may wrap; positions read differences.
                feeGrowth = feeGrowth.add(growth != null ? growth : FullMath.mulDiv(step.feeAmount(), FullMath.Q128, liq));
                if (feeGrowth.bitLength() > 256) {
                    feeGrowth = feeGrowth.subtract(FullMath.TWO_256);
                }
            }
            if (price.equals(nextPrice)) {
                if (initialized) {
                    BigInteger net = table.netAt(index);
                    liq = LiquidityMath.addDelta(liq, zeroForOne ? net.negate() : net);
                }
                t = zeroForOne ? tickNext - 1 : tickNext;
            } else if (!price.equals(start)) {
                t = TickMath.getTickAtSqrtRatio(price);
            }
        }

        BigInteger specifiedDone = amountSpecified.subtract(remaining);
        boolean specifiedIsToken0 = zeroForOne == exactInput;
        BigInteger amount0 = specifiedIsToken0 ? specifiedDone : calculated;
        BigInteger amount1 = specifiedIsToken0 ? calculated : specifiedDone;
        BigInteger fg0 = zeroForOne ? feeGrowth : feeGrowthGlobal0X128;
        BigInteger fg1 = zeroForOne ? feeGrowthGlobal1X128 : feeGrowth;
        if (commit) {
            sqrtPriceX96 = price;
            tick = t;
            liquidity = liq;
            feeGrowthGlobal0X128 = fg0;
            feeGrowthGlobal1X128 = fg1;
        }
        return new SwapResult(amount0, amount1, price, t, liq, fg0, fg1, fees, remaining);
    }

    /** Whether the remaining amount carries a step all the way to its target, as computeSwapStep decides it. */
    private boolean reaches(SwapMath.Step whole, BigInteger remaining, boolean exactInput) {
        return exactInput
                ? FullMath.mulDiv(remaining, pipsLessFee, SwapMath.PIPS).compareTo(whole.amountIn()) >= 0
                : remaining.negate().compareTo(whole.amountOut()) >= 0;
    }

    /**
     * The tick the contract's empty walk ends on. Moving up, every step ends at the limit or a tick and the tick is
     * that of the price. Moving down, the walk stops at each word boundary below; if the limit is exactly the price of
     * one, the last step lands on it as a crossed tick, which leaves the tick one below.
     */
    private int tickAtEmptyWalkEnd(boolean zeroForOne, BigInteger sqrtPriceLimitX96) {
        int limitTick = TickMath.getTickAtSqrtRatio(sqrtPriceLimitX96);
        if (!zeroForOne) {
            return limitTick;
        }
        boolean onWordBoundary = Math.floorMod(limitTick, tickSpacing * 256) == 0;
        boolean exactlyAtTick = TickMath.getSqrtRatioAtTick(limitTick).equals(sqrtPriceLimitX96);
        return onWordBoundary && exactlyAtTick ? limitTick - 1 : limitTick;
    }
}
