package dev.fracture.market.clmm;

/**
 * The swap loop of {@link ExactPoolState} in doubles: the sqrt price is sqrt(token1/token0) in integer units, amounts
 * and liquidity are doubles, and steps go from initialized tick to initialized tick (word boundaries only split a
 * step for rounding, which doubles do not reproduce anyway). The closed forms are arranged so no step subtracts two
 * nearly equal amounts: partial steps use Δy = Δx·√P·√P' and Δx = Δy/(√P·√P'), which keeps every step within a few
 * ulps and the whole swap within 1e-12 relative of the exact-real result.
 *
 * <p>A cursor counts the initialized ticks at or below the current tick, so the next tick either way and the
 * liquidity in range (a prefix sum from {@link TickTable}) are array reads: no search and no allocation per step.
 */
public final class FastPoolState {
    private static final double PIPS = 1_000_000.0;

    private final double feePips;
    private final TickTable table;
    private double sqrtPrice;
    private int tick;
    private int cursor;
    private double liquidity;
    private double feeGrowthGlobal0;
    private double feeGrowthGlobal1;

    /**
     * One step's outputs. A swap makes its own: quotes run on many planner threads at once against the same pool, so
     * the state of a step must not live in the pool (it once did, and two threads quoting one pool read each other's
     * steps). One per swap, reused by its steps.
     */
    private static final class Step {
        double next;
        double in;
        double out;
        double fee;
        boolean reached;
    }

    /** The fast twin of an exact state: same sqrt price (rounded to a double), same tick, liquidity from the table. */
    public FastPoolState(int feePips, TickTable table, double sqrtPrice, int tick) {
        this.feePips = feePips;
        this.table = table;
        this.sqrtPrice = sqrtPrice;
        this.tick = tick;
        resync();
    }

    private FastPoolState(FastPoolState other, TickTable table) {
        this.feePips = other.feePips;
        this.table = table;
        this.sqrtPrice = other.sqrtPrice;
        this.tick = other.tick;
        this.cursor = other.cursor;
        this.liquidity = other.liquidity;
        this.feeGrowthGlobal0 = other.feeGrowthGlobal0;
        this.feeGrowthGlobal1 = other.feeGrowthGlobal1;
    }

    public FastPoolState copyWith(TickTable tableCopy) {
        return new FastPoolState(this, tableCopy);
    }

    /** Re-reads the cursor and in-range liquidity after the table changed (a position was added). */
    public void resync() {
        cursor = table.countAtOrBelow(tick);
        liquidity = table.activeLiquidityBelow(cursor);
    }

    public double sqrtPrice() {
        return sqrtPrice;
    }

    public int tick() {
        return tick;
    }

    public double liquidity() {
        return liquidity;
    }

    /**
     * Runs the swap; writes the state back only when {@code commit}. {@code amountSpecified} is non-zero (positive:
     * exact input) and the limit lies strictly beyond the current price in the swap direction.
     */
    public FastSwapResult swap(boolean zeroForOne, double amountSpecified, double sqrtPriceLimit, boolean commit) {
        boolean exactInput = amountSpecified > 0;
        double remaining = Math.abs(amountSpecified);
        double price = sqrtPrice;
        double liq = liquidity;
        int c = cursor;
        int t = tick;
        double totalIn = 0;
        double totalOut = 0;
        double fees = 0;
        double feeGrowth = zeroForOne ? feeGrowthGlobal0 : feeGrowthGlobal1;
        boolean moved = false;
        boolean endedOnTick = false;
        Step step = new Step();

        while (remaining > 0 && price != sqrtPriceLimit) {
            boolean hasTick = zeroForOne ? c > 0 : c < table.size();
            if (liq == 0 && !hasTick) {
                price = sqrtPriceLimit;
                moved = true;
                endedOnTick = false;
                break;
            }
            double tickPrice = hasTick ? table.sqrtAt(zeroForOne ? c - 1 : c) : sqrtPriceLimit;
            boolean limitFirst = !hasTick || (zeroForOne ? tickPrice < sqrtPriceLimit : tickPrice > sqrtPriceLimit);
            double target = limitFirst ? sqrtPriceLimit : tickPrice;
            step(step, zeroForOne, exactInput, price, target, liq, remaining);
            // A partial step's closed form can round onto the next tick's price, or a hair past it, though the amount
            // ran out first; the pool then stands on that tick as UniswapV3Pool.swap leaves it — crossed ("if
            // (state.sqrtPriceX96 == step.sqrtPriceNextX96)"), never beyond, which its integer step rules out.
            boolean onTick = !limitFirst && (zeroForOne ? step.next <= tickPrice : step.next >= tickPrice);
            price = onTick ? tickPrice : step.next;
            moved = true;
            totalIn += step.in + step.fee;
            totalOut += step.out;
            fees += step.fee;
            // A reached target can leave a rounding-sized negative remainder; it means filled.
            remaining = step.reached ? Math.max(0, remaining - (exactInput ? step.in + step.fee : step.out)) : 0;
            if (liq > 0) {
                feeGrowth += step.fee / liq;
            }
            endedOnTick = onTick;
            if (endedOnTick) {
                if (zeroForOne) {
                    c--;
                    t = table.tickAt(c) - 1;
                } else {
                    t = table.tickAt(c);
                    c++;
                }
                liq = table.activeLiquidityBelow(c);
            }
        }
        if (moved && !endedOnTick) {
            t = tickWithin(price, c);
        }

        double amount0 = zeroForOne ? totalIn : -totalOut;
        double amount1 = zeroForOne ? -totalOut : totalIn;
        double fg0 = zeroForOne ? feeGrowth : feeGrowthGlobal0;
        double fg1 = zeroForOne ? feeGrowthGlobal1 : feeGrowth;
        if (commit) {
            sqrtPrice = price;
            tick = t;
            cursor = c;
            liquidity = liq;
            feeGrowthGlobal0 = fg0;
            feeGrowthGlobal1 = fg1;
        }
        return new FastSwapResult(amount0, amount1, price, t, liq, fg0, fg1, fees, remaining);
    }

    /** The tick of a price strictly inside the gap the cursor points at, kept consistent with the cursor. */
    private int tickWithin(double price, int c) {
        int t = TickMath.estimateTick(price);
        if (c > 0) {
            t = Math.max(t, table.tickAt(c - 1));
        }
        if (c < table.size()) {
            t = Math.min(t, table.tickAt(c) - 1);
        }
        return t;
    }

    /** SwapMath.computeSwapStep in doubles, amounts positive; sets {@code s}. */
    private void step(Step s, boolean zeroForOne, boolean exactInput, double current, double target, double liq,
                      double remaining) {
        s.fee = 0;
        if (liq <= 0) {
            s.next = target;
            s.in = 0;
            s.out = 0;
            s.reached = true;
            return;
        }
        double feeOnInput = feePips / (PIPS - feePips);
        if (exactInput) {
            double lessFee = remaining * (PIPS - feePips) / PIPS;
            double inToTarget = zeroForOne
                    ? liq * (current - target) / (current * target)
                    : liq * (target - current);
            if (lessFee >= inToTarget) {
                s.reached = true;
                s.next = target;
                s.in = inToTarget;
                s.out = zeroForOne ? liq * (current - target) : liq * (target - current) / (current * target);
                s.fee = inToTarget * feeOnInput;
            } else {
                s.reached = false;
                s.in = lessFee;
                if (zeroForOne) {
                    s.next = liq * current / (liq + lessFee * current);
                    s.out = lessFee * current * s.next;
                } else {
                    s.next = current + lessFee / liq;
                    s.out = lessFee / (current * s.next);
                }
                s.fee = remaining - lessFee;
            }
            return;
        }
        double outToTarget = zeroForOne
                ? liq * (current - target)
                : liq * (target - current) / (current * target);
        if (remaining >= outToTarget) {
            s.reached = true;
            s.next = target;
            s.out = outToTarget;
            s.in = zeroForOne ? liq * (current - target) / (current * target) : liq * (target - current);
        } else {
            s.reached = false;
            s.out = remaining;
            if (zeroForOne) {
                s.next = current - remaining / liq;
                s.in = remaining / (current * s.next);
            } else {
                s.next = liq * current / (liq - remaining * current);
                s.in = remaining * current * s.next;
            }
        }
        s.fee = s.in * feeOnInput;
    }
}
