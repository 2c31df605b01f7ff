package dev.fracture.market.clmm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The initialized ticks of a pool, sorted, standing in for v3-core's {@code TickBitmap.sol} plus the {@code ticks}
 * mapping. It answers {@link #nextInitializedTickWithinOneWord} with the bitmap's exact semantics, including the
 * stop at a 256-tick-spacing word boundary when the word holds no initialized tick: that stop splits a swap step,
 * and since each step rounds on its own the split changes results in the last unit, not only gas.
 *
 * <p>Beside the integer data it keeps, per tick, the sqrt price as a double and, per gap between ticks, the active
 * liquidity as a double (a prefix sum taken exactly, rounded once), for the fast swap loop.
 */
public final class TickTable {
    private int size;
    /** Bumped on every change, so memos keyed on the ticks (see ExactPoolState) know to start over. */
    private int version;
    private int[] ticks = new int[8];
    private BigInteger[] gross = new BigInteger[8];
    private BigInteger[] net = new BigInteger[8];
    private BigInteger[] sqrtX96 = new BigInteger[8];
    private double[] sqrt = new double[8];
    /** activeBelow[i]: liquidity in range just below ticks[i], i.e. the sum of net over ticks[0..i). */
    private double[] activeBelow = new double[9];

    public TickTable() {
    }

    private TickTable(TickTable other) {
        size = other.size;
        version = other.version;
        ticks = other.ticks.clone();
        gross = other.gross.clone();
        net = other.net.clone();
        sqrtX96 = other.sqrtX96.clone();
        sqrt = other.sqrt.clone();
        activeBelow = other.activeBelow.clone();
    }

    public TickTable copy() {
        return new TickTable(this);
    }

    public int size() {
        return size;
    }

    public int version() {
        return version;
    }

    public int tickAt(int index) {
        return ticks[index];
    }

    public BigInteger netAt(int index) {
        return net[index];
    }

    public BigInteger sqrtX96At(int index) {
        return sqrtX96[index];
    }

    public double sqrtAt(int index) {
        return sqrt[index];
    }

    /** Liquidity in range between ticks[index − 1] and ticks[index] (index 0: below all ticks, size: above all). */
    public double activeLiquidityBelow(int index) {
        return activeBelow[index];
    }

    /** Index of {@code tick}, or a negative value if it is not initialized. */
    public int indexOf(int tick) {
        return Arrays.binarySearch(ticks, 0, size, tick);
    }

    /**
     * Tick.tickSpacingToMaxLiquidityPerTick: uint128 max spread over every usable tick, so that liquidityGross of a
     * tick can never overflow whatever positions reference it (the contract reverts 'LO' above it).
     */
    public static BigInteger maxLiquidityPerTick(int tickSpacing) {
        // Java's int division truncates toward zero, as Solidity's does.
        int minTick = TickMath.MIN_TICK / tickSpacing * tickSpacing;
        int maxTick = TickMath.MAX_TICK / tickSpacing * tickSpacing;
        long numTicks = (maxTick - minTick) / tickSpacing + 1L;
        return FullMath.MAX_UINT128.divide(BigInteger.valueOf(numTicks));
    }

    /** Number of initialized ticks at or below {@code tick}. */
    public int countAtOrBelow(int tick) {
        int i = indexOf(tick);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** liquidityGross of {@code tick}, zero if it is not initialized. */
    public BigInteger grossOf(int tick) {
        int i = indexOf(tick);
        return i >= 0 ? gross[i] : BigInteger.ZERO;
    }

    /**
     * TickBitmap.nextInitializedTickWithinOneWord: searching down ({@code lte}) from {@code tick} inclusive, or up from
     * the next compressed tick, within the 256-bit word of the compressed tick; returns the initialized tick found or
     * the word's boundary tick. Whether the result is initialized is {@code indexOf(result) >= 0}: the boundary is
     * returned only when the word holds no initialized tick in the searched direction, and it is not one itself.
     */
    public int nextInitializedTickWithinOneWord(int tick, int tickSpacing, boolean lte) {
        int compressed = Math.floorDiv(tick, tickSpacing);
        if (lte) {
            int minimum = (compressed >> 8 << 8) * tickSpacing;
            int below = countAtOrBelow(tick) - 1;
            return below >= 0 && ticks[below] >= minimum ? ticks[below] : minimum;
        }
        int maximum = ((((compressed + 1) >> 8) + 1 << 8) - 1) * tickSpacing;
        int above = countAtOrBelow(tick);
        return above < size && ticks[above] <= maximum ? ticks[above] : maximum;
    }

    /** Whether any initialized tick lies in the swap direction from {@code tick} (at or below it when down). */
    public boolean hasInitializedBeyond(int tick, boolean lte) {
        int below = countAtOrBelow(tick);
        return lte ? below > 0 : below < size;
    }

    /**
     * Tick.update for a liquidity addition: liquidityGross grows by {@code delta}, liquidityNet grows at the lower tick
     * and shrinks at the upper. The caller has validated the ticks and the per-tick maximum.
     */
    public void update(int tick, BigInteger delta, boolean upper) {
        int i = indexOf(tick);
        if (i < 0) {
            i = insert(-i - 1, tick);
        }
        gross[i] = LiquidityMath.addDelta(gross[i], delta);
        net[i] = upper ? net[i].subtract(delta) : net[i].add(delta);
        version++;
        rebuildActive();
    }

    /** The initialized ticks in order. */
    public List<TickInfo> ticks() {
        List<TickInfo> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new TickInfo(ticks[i], gross[i], net[i]));
        }
        return out;
    }

    private int insert(int at, int tick) {
        if (size == ticks.length) {
            int capacity = size * 2;
            ticks = Arrays.copyOf(ticks, capacity);
            gross = Arrays.copyOf(gross, capacity);
            net = Arrays.copyOf(net, capacity);
            sqrtX96 = Arrays.copyOf(sqrtX96, capacity);
            sqrt = Arrays.copyOf(sqrt, capacity);
            activeBelow = Arrays.copyOf(activeBelow, capacity + 1);
        }
        int tail = size - at;
        System.arraycopy(ticks, at, ticks, at + 1, tail);
        System.arraycopy(gross, at, gross, at + 1, tail);
        System.arraycopy(net, at, net, at + 1, tail);
        System.arraycopy(sqrtX96, at, sqrtX96, at + 1, tail);
        System.arraycopy(sqrt, at, sqrt, at + 1, tail);
        ticks[at] = tick;
        gross[at] = BigInteger.ZERO;
        net[at] = BigInteger.ZERO;
        sqrtX96[at] = TickMath.getSqrtRatioAtTick(tick);
        sqrt[at] = sqrtX96[at].doubleValue() / 0x1p96;
        size++;
        return at;
    }

    private void rebuildActive() {
        BigInteger sum = BigInteger.ZERO;
        activeBelow[0] = 0;
        for (int i = 0; i < size; i++) {
            sum = sum.add(net[i]);
            activeBelow[i + 1] = sum.doubleValue();
        }
    }
}
