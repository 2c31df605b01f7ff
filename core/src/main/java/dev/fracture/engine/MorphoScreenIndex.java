package dev.fracture.engine;

import java.util.Arrays;

/**
 * The positions of one Morpho Blue market that a block's screen ({@link MorphoBook.Screen#mayBeLiquidatable}) may let
 * through, found without reading every position: a listing then screens these alone, and lists exactly what a screen
 * of every position lists.
 *
 * <p>The screen lets a position of {@code a} collateral units and {@code b > 0} borrow shares through when
 * {@code b·s < U}, {@code b·s·unitUsd < E} or {@code a·p·l < b·s·(1 + MARGIN)} — {@code s} the assets per borrow share,
 * {@code p} the collateral's price in loan units, {@code l} the LLTV, {@code U} {@link MorphoBook#EXACT_BELOW_UNITS},
 * {@code E} {@link MorphoBook#EXACT_BELOW_USD}. With every input positive and finite, the last is
 * {@code a / b < s·(1 + MARGIN) / (p·l)} and the first two {@code b < max(U / s, E / (s·unitUsd))}, up to the rounding
 * of the doubles (a few parts in 10^16). So the positions are kept in two orders — by collateral per borrow share and by
 * borrow shares — and a block's positions to screen are a prefix of each, below its bound raised by {@link #SLACK},
 * with those whose balances changed since the orders were made, and those whose values the orders cannot place (not
 * finite, or negative). Every position the screen lets through is among them; a few more may be, and the screen,
 * asked of each, leaves them out.
 *
 * <p>Keys are floats rounded down ({@link SlackGenerations#floorOf}) and bounds floats rounded up
 * ({@link SlackGenerations#ceilingKey}), so each comparison errs toward screening; the orders are made with
 * {@link SlackGenerations#byKey}'s radix sort and made again once more than an eighth of the positions changed.
 *
 * <p>Why: a listing made afresh (a market's price moved, a position was liquidated) screened every position of the
 * book — at 1,000,000 accounts, 28.6 million positions screened a run to find about 330 thousand.
 */
final class MorphoScreenIndex {
    /** The bounds' relative slack: far above the doubles' rounding in the screen's products and quotients. */
    static final double SLACK = 1e-9;
    /** {@link #candidates}' answer when the inputs bound nothing: every position is to be screened. */
    static final int EVERY = -1;

    private final int size;
    /** (key, position) of the positions that borrow, ascending by collateral units per borrow share. */
    private long[] byRatio = new long[0];
    /** (key, position) of the positions that borrow, ascending by borrow shares. */
    private long[] byShares = new long[0];
    /** The positions the orders cannot place: always screened (until the orders are made again). */
    private int[] always = new int[0];
    /** Whether the orders were made. */
    private boolean made;
    /** Per position, whether its balances changed since the orders were made; and those positions, in turn. */
    private final boolean[] changed;
    private int[] changedList = new int[16];
    private int changedCount;
    /**
     * One bit per position, all clear between calls: where the candidates are put in ascending order
     * ({@link BitOrder}).
     */
    private final long[] marks;

    MorphoScreenIndex(int size) {
        this.size = size;
        this.changed = new boolean[size];
        this.marks = new long[(size + 63) >>> 6];
    }

    /** Position {@code i}'s collateral or borrow shares changed: it is screened until the orders are made again. */
    void changed(int i) {
        if (changed[i]) {
            return;
        }
        changed[i] = true;
        if (changedCount == changedList.length) {
            changedList = Arrays.copyOf(changedList, changedCount * 2);
        }
        changedList[changedCount++] = i;
    }

    /**
     * The positions to screen at these inputs, ascending, into {@code out} (of at least the market's size); returns
     * how many, or {@link #EVERY} when the inputs bound nothing (a price, LLTV, share rate or unit value that is not
     * positive and finite): then every position is to be screened.
     *
     * @param collateralUnits per position, its collateral in units (the screen's doubles)
     * @param borrowShares    per position, its borrow shares (the screen's doubles)
     * @param unitUsd         one loan-token unit in USD
     */
    int candidates(double[] collateralUnits, double[] borrowShares, MorphoBook.Screen screen, double unitUsd,
                   int[] out) {
        double scale = screen.priceInLoan() * screen.lltv();
        double perShare = screen.assetsPerShare();
        if (!(scale > 0) || !Double.isFinite(scale) || !(perShare > 0) || !Double.isFinite(perShare)
                || !(unitUsd > 0) || !Double.isFinite(unitUsd)) {
            return EVERY;
        }
        double ratioBound = perShare * (1 + MorphoBook.MARGIN) / scale * (1 + SLACK);
        double sharesBound = Math.max(MorphoBook.EXACT_BELOW_UNITS / perShare,
                MorphoBook.EXACT_BELOW_USD / (perShare * unitUsd)) * (1 + SLACK);
        if (!made || changedCount > Math.max(64, size / 8)) {
            make(collateralUnits, borrowShares);
        }
        markBelow(byRatio, SlackGenerations.ceilingKey(ratioBound));
        markBelow(byShares, SlackGenerations.ceilingKey(sharesBound));
        for (int i : always) {
            BitOrder.mark(marks, i);
        }
        for (int c = 0; c < changedCount; c++) {
            BitOrder.mark(marks, changedList[c]);
        }
        return BitOrder.drain(marks, out);
    }

    /** Makes the two orders from the positions' values now; no position is left marked changed. */
    private void make(double[] collateralUnits, double[] borrowShares) {
        long[] ratio = new long[size];
        long[] shares = new long[size];
        int[] unplaced = new int[16];
        int placed = 0;
        int unplacedCount = 0;
        for (int i = 0; i < size; i++) {
            double a = collateralUnits[i];
            double b = borrowShares[i];
            if (b == 0) {
                // The screen lets no position without a borrow through.
                continue;
            }
            double r = a / b;
            if (!(a >= 0) || !(b > 0) || !Double.isFinite(a) || !Double.isFinite(b) || Double.isNaN(r)) {
                if (unplacedCount == unplaced.length) {
                    unplaced = Arrays.copyOf(unplaced, unplacedCount * 2);
                }
                unplaced[unplacedCount++] = i;
                continue;
            }
            ratio[placed] = (long) SlackGenerations.keyOf(SlackGenerations.floorOf(r)) << 32 | i;
            shares[placed++] = (long) SlackGenerations.keyOf(SlackGenerations.floorOf(b)) << 32 | i;
        }
        byRatio = SlackGenerations.byKey(Arrays.copyOf(ratio, placed));
        byShares = SlackGenerations.byKey(Arrays.copyOf(shares, placed));
        always = Arrays.copyOf(unplaced, unplacedCount);
        for (int c = 0; c < changedCount; c++) {
            changed[changedList[c]] = false;
        }
        changedCount = 0;
        made = true;
    }

    /** Marks the positions of {@code order} whose key is below {@code bound}: a prefix, the order ascending by key. */
    private void markBelow(long[] order, int bound) {
        int low = 0;
        int high = order.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if ((int) (order[mid] >>> 32) < bound) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for (int k = 0; k < low; k++) {
            BitOrder.mark(marks, (int) order[k]);
        }
    }
}
