package dev.fracture.engine;

import dev.fracture.model.AssetId;
import dev.fracture.protocol.lending.AaveAccountTable;
import dev.fracture.protocol.lending.AaveEModeCategory;
import dev.fracture.protocol.lending.AaveLiquidation;
import dev.fracture.protocol.lending.AaveMarket;
import dev.fracture.protocol.lending.AaveReserveConfig;
import java.util.List;

/**
 * A conservative screen in doubles in front of the exact Aave health factor: it says which accounts may be
 * liquidatable, never missing one that is. Accounts are held struct-of-arrays (asset index, amount × threshold per
 * collateral; asset index, amount per debt), so a screen of every account costs a few multiply-adds each; and after
 * the first prices, a move of prices screens again only the accounts it may have changed the answer for
 * ({@link SlackGenerations}, by each account's {@link #slack}).
 *
 * <p>Why it cannot miss: the exact health factor differs from the double formula only by the contract's truncations
 * ({@code GenericLogic.calculateUserAccountData} of Aave v3) — values in base currency floored to 1e-8 USD, and the
 * average liquidation threshold ({@code Σ value × threshold / Σ value}) floored to a whole basis point. The floor of
 * the average takes less than one basis point of the collateral's value off the threshold-weighted collateral: a
 * relative error of 1/threshold, 1.3e-4 at a threshold of 75% but 1% at a threshold of 1%, so it is subtracted in
 * full ({@link #AVERAGE_FLOOR}) rather than left to the margin. An account whose threshold-weighted collateral, less
 * one basis point of its collateral, is at least {@link #MARGIN} above its debt, and whose collateral is worth more
 * than {@link #EXACT_BELOW_USD}, is not liquidatable. Every other account goes to the exact check.
 *
 * <p>The same bounds, taken the other way, also say of most flagged accounts on which side of the contract's two
 * thresholds their exact factor lies ({@link #verdict}): below 1e18 ({@code HEALTH_FACTOR_LIQUIDATION_THRESHOLD}) and
 * above or at most 0.95e18 ({@code CLOSE_FACTOR_HF_THRESHOLD} of {@code LiquidationLogic}, which picks the close
 * factor). A liquidation call reads the factor only through those two comparisons, so such an account's offer is
 * made without the exact factor's sums and divisions ({@code AaveBook}); an account near either threshold, or one the
 * words cannot value, is left to the exact factor.
 */
final class AaveHealthScreen {
    /**
     * Relative margin over the other truncations' worst case (values floored to 1e-8 USD, the half-up roundings of
     * the percent and wad arithmetic), with room to spare; the average threshold's floor is {@link #AVERAGE_FLOOR}.
     */
    static final double MARGIN = 1e-3;
    /** What the contract's floor of the average threshold to a whole basis point may take, per unit of collateral. */
    static final double AVERAGE_FLOOR = 1e-4;
    /** Accounts this small are always checked exactly: truncation to 1e-8 USD is no longer negligible. */
    static final double EXACT_BELOW_USD = 10;
    /**
     * A bound on the relative rounding of the screen's and the slack's sums in doubles ({@code n} terms round by at
     * most about {@code n × 1.1e-16}) for accounts of at most {@link #ROUNDED_ENTRIES} entries, with room to spare.
     */
    static final double ROUNDING = 1e-10;
    /** Accounts of more collaterals and debts than this have a slack of 0: they are screened on every move. */
    static final int ROUNDED_ENTRIES = 1_000;
    /**
     * Accounts whose collateral or debt is worth this much or more get no side ({@link #MAY_BE}): the contract's
     * values and totals in words stay below 2^62 units of 1e-8 USD (4.6e10 USD, {@code FixedWidthHealth}), so an
     * account with a side has every value the table compares in range.
     */
    static final double SIDED_BELOW_USD = 1e10;
    /** {@code CLOSE_FACTOR_HF_THRESHOLD} of Aave v3's {@code LiquidationLogic}, 0.95e18, as a fraction (0.95). */
    static final double CLOSE_FACTOR_THRESHOLD = AaveLiquidation.CLOSE_FACTOR_HF_THRESHOLD.doubleValue() / 1e18;

    /** {@link #verdict}: certainly not liquidatable at the last prices (the account is not flagged). */
    static final byte NOT_LIQUIDATABLE = 0;
    /** {@link #verdict}: flagged, and only the exact factor tells whether it is liquidatable. */
    static final byte MAY_BE = 1;
    /** {@link #verdict}: liquidatable, its exact factor above 0.95e18 (a call may close half the debt). */
    static final byte ABOVE_CLOSE_THRESHOLD = 2;
    /** {@link #verdict}: liquidatable, its exact factor at most 0.95e18 (a call may close all of the debt). */
    static final byte AT_MOST_CLOSE_THRESHOLD = 3;

    private final int[] collStart;
    /** Per entry, the reserve's index among the account table's ({@link AaveAccountTable#reserves}). */
    private final int[] collAsset;
    private final double[] collAmountTimesThreshold;
    private final double[] collAmount;
    private final int[] debtStart;
    private final int[] debtAsset;
    private final double[] debtAmount;
    private final double[] price;
    /**
     * The screen's answer per account at the last prices, one of {@link #NOT_LIQUIDATABLE}, {@link #MAY_BE},
     * {@link #ABOVE_CLOSE_THRESHOLD}, {@link #AT_MOST_CLOSE_THRESHOLD}; flagged is any but the first (null before the
     * first prices).
     */
    private byte[] flagged;
    /**
     * One bit per account the words cannot value ({@code AaveAccountTable}'s wide accounts, a reserve of more than 18
     * decimals): flagged ones are always {@link #MAY_BE}.
     */
    private final long[] unsided;
    /** Per reserve, whether the last prices lacked it (the screen counts it at 0; the exact check cannot value it). */
    private boolean[] unpriced;
    /** Ascending indices of every account flagged since the last screen (some may have been unflagged). */
    private int[] list;
    private int listed;
    /** Which accounts a move of prices may have changed the answer for (null before the first prices). */
    private SlackGenerations generations;
    /** One bit per account, all clear between screens: where {@link #ascending} orders the accounts to screen. */
    private long[] ordering;
    /** How many accounts the last move's screen looked at (for tests: the rest were left alone). */
    private int lookedAt;
    /**
     * The reserves of {@link #configsOf}, by the account table's reserve index, each looked up in the market's map
     * the first time an update needs it: a block's liquidations update their accounts one by one, and the map's
     * lookups (hashing each asset id's text) were a third of such an update's samples in a profile of the benchmark's
     * cascade. A market replaced (the book makes a new one when the liquidation terms move its bonuses) empties it.
     */
    private AaveMarket configsOf;
    private AaveReserveConfig[] configs;

    AaveHealthScreen(AaveMarket market, AaveAccountTable accounts) {
        price = new double[accounts.reserves()];
        unpriced = new boolean[accounts.reserves()];
        int n = accounts.size();
        unsided = new long[(n + 63) >>> 6];
        collStart = new int[n + 1];
        debtStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            collStart[i + 1] = collStart[i] + accounts.collaterals(i);
            debtStart[i + 1] = debtStart[i] + accounts.debts(i);
        }
        collAsset = new int[collStart[n]];
        collAmountTimesThreshold = new double[collStart[n]];
        collAmount = new double[collStart[n]];
        debtAsset = new int[debtStart[n]];
        debtAmount = new double[debtStart[n]];
        for (int i = 0; i < n; i++) {
            update(market, i, accounts);
        }
    }

    /**
     * Takes account {@code i}'s balances from {@code accounts} after a change (a liquidation never adds a collateral
     * or a debt).
     */
    void update(AaveMarket market, int i, AaveAccountTable accounts) {
        int category = accounts.eModeCategory(i);
        AaveEModeCategory eMode = category == 0 ? null : market.eModes().get(category);
        int k = collStart[i];
        // A wide account (held as its record) may hold an asset neither the market nor the table indexes: the market
        // is asked first, so that the error names the asset as the screen always named it, before the table's own.
        boolean wide = accounts.isWide(i);
        boolean sided = !wide;
        for (int j = 0; j < accounts.collaterals(i); j++) {
            AssetId asset = accounts.collateralAsset(i, j);
            boolean used = accounts.usedAsCollateral(i, j);
            if (wide) {
                market.reserve(asset, "screen");
            }
            int reserve = accounts.collateralReserve(i, j);
            AaveReserveConfig r = reserveAt(market, reserve, asset);
            sided &= r.decimals() <= 18;
            boolean inEMode = eMode != null && r.eModeCategory() == eMode.id();
            int threshold = !used ? 0 : inEMode ? eMode.liquidationThresholdBps() : r.liquidationThresholdBps();
            double amount = accounts.collateralTokens(i, j);
            collAsset[k] = reserve;
            collAmount[k] = used ? amount : 0;
            collAmountTimesThreshold[k] = amount * threshold / 10_000.0;
            k++;
        }
        while (k < collStart[i + 1]) {
            collAmount[k] = 0;
            collAmountTimesThreshold[k++] = 0;
        }
        k = debtStart[i];
        for (int j = 0; j < accounts.debts(i); j++) {
            AssetId asset = accounts.debtAsset(i, j);
            if (wide) {
                market.reserve(asset, "screen");
            }
            int reserve = accounts.debtReserve(i, j);
            // A reserve the market lacks fails here, named as the screen always named it.
            sided &= reserveAt(market, reserve, asset).decimals() <= 18;
            debtAsset[k] = reserve;
            debtAmount[k++] = accounts.debtTokens(i, j);
        }
        while (k < debtStart[i + 1]) {
            debtAmount[k++] = 0;
        }
        if (sided) {
            unsided[i >>> 6] &= ~(1L << i);
        } else {
            unsided[i >>> 6] |= 1L << i;
        }
        if (flagged != null) {
            reflag(i);
            generations.changed(i);
        }
    }

    /**
     * The reserve of {@code asset}, the account table's reserve {@code index}, in {@code market}: from
     * {@link #configs} while the market is the one it was filled from, else looked up (failing, as the lookup does,
     * for a reserve the market lacks, which is then not kept).
     */
    private AaveReserveConfig reserveAt(AaveMarket market, int index, AssetId asset) {
        if (market != configsOf) {
            configsOf = market;
            configs = new AaveReserveConfig[price.length];
        }
        AaveReserveConfig r = configs[index];
        if (r == null) {
            r = market.reserve(asset, "screen");
            configs[index] = r;
        }
        return r;
    }

    /**
     * Takes the block's oracle prices, by the account table's reserve index (a reserve without a price counts 0); when
     * any differs from the last ones, every account the move may have changed the answer for is screened again
     * ({@link #rescreen}), on {@code workers}' threads when it has them.
     */
    void prices(AaveAccountTable.Valuation prices, Workers workers) {
        boolean moved = flagged == null;
        for (int k = 0; k < price.length; k++) {
            long base = prices.price(k);
            double p = base < 0 ? 0 : base * 1e-8;
            // A price lost or found moves the sides even where it reads 0 either way.
            moved |= Double.doubleToRawLongBits(p) != Double.doubleToRawLongBits(price[k]) || unpriced[k] != base < 0;
            price[k] = p;
            unpriced[k] = base < 0;
        }
        if (moved) {
            rescreen(workers);
        }
    }

    /**
     * The accounts that may be liquidatable at the last prices taken, ascending: exactly those for which
     * {@link #mayBeLiquidatable} is true. The screen is a pure function of an account's balances and the prices, so
     * it is recomputed only when a price moved (for the accounts the move may have changed it for), and for one
     * account when its balances changed ({@link #update}); oracle feeds with deviation thresholds leave most blocks'
     * prices where they were. Fills {@code out} (of size at least the account count) and returns how many.
     */
    int candidates(int[] out) {
        int n = 0;
        for (int j = 0; j < listed; j++) {
            int i = list[j];
            if (flagged[i] != NOT_LIQUIDATABLE) {
                out[n++] = i;
            }
        }
        return n;
    }

    /**
     * Screens again the accounts a move of prices may have changed the answer for ({@link SlackGenerations}: every
     * account the first time), a slice of them at a time on {@code workers}, and files each anew under its slack at
     * these prices. Every other account is one the screen does not flag now, so the flags and the list are those a
     * screen of every account makes: the accounts are screened in ascending order, each slice writes its own accounts'
     * answers and slacks and returns its flagged ones, ascending, and the slices are joined in order.
     */
    private void rescreen(Workers workers) {
        int accounts = collStart.length - 1;
        int[] look;
        if (flagged == null) {
            flagged = new byte[accounts];
            ordering = new long[(accounts + 63) >>> 6];
            generations = new SlackGenerations(accounts);
            look = new int[accounts];
            for (int i = 0; i < accounts; i++) {
                look[i] = i;
            }
        } else {
            // An account flagged has a slack under 1 and every bound is at least 1, so every account flagged now is
            // looked at again here: the flags of the accounts left alone are all false already.
            look = ascending(generations.toLookAt(price));
        }
        lookedAt = look.length;
        // Each slice files its accounts at these prices and puts them in order as a run of the new generation.
        SlackGenerations.Filing filing = generations.filing(price.clone(), look.length);
        List<ScreenedSlice> slices = workers.slices(look.length, (from, to) -> {
            int[] found = new int[16];
            int count = 0;
            for (int j = from; j < to; j++) {
                int i = look[j];
                flagged[i] = verdict(i);
                filing.put(j, i, SlackGenerations.floorOf(slack(i)));
                if (flagged[i] != NOT_LIQUIDATABLE) {
                    if (count == found.length) {
                        found = java.util.Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i;
                }
            }
            filing.sortRun(from, to);
            return new ScreenedSlice(java.util.Arrays.copyOf(found, count), to);
        });
        int[] runEnds = new int[slices.size()];
        int total = 0;
        for (int r = 0; r < runEnds.length; r++) {
            runEnds[r] = slices.get(r).end();
            total += slices.get(r).flagged().length;
        }
        generations.file(filing, runEnds);
        list = new int[Math.max(16, total)];
        listed = 0;
        for (ScreenedSlice slice : slices) {
            System.arraycopy(slice.flagged(), 0, list, listed, slice.flagged().length);
            listed += slice.flagged().length;
        }
    }

    /** One slice of a rescreen: its flagged accounts, ascending, and where its run of the new generation ends. */
    private record ScreenedSlice(int[] flagged, int end) {
    }

    /**
     * {@code accounts} (distinct) in ascending order: they come in the generations' order, and are screened — and
     * their flagged ones listed — in the accounts', so that their arrays are read in the order they lie in memory.
     * Each sets its bit in {@link #ordering}, and the set bits are read out in order (and cleared): {@link BitOrder}.
     */
    private int[] ascending(int[] accounts) {
        for (int i : accounts) {
            BitOrder.mark(ordering, i);
        }
        BitOrder.drain(ordering, accounts);
        return accounts;
    }

    /** How many accounts the screen of the last move of prices looked at. */
    int lookedAt() {
        return lookedAt;
    }

    /** How many generations of slack the screen keeps (see {@link SlackGenerations#MAX_GENERATIONS}). */
    int generations() {
        return generations == null ? 0 : generations.size();
    }

    /** Re-screens one account after its balances changed, keeping the list ascending. */
    private void reflag(int i) {
        byte now = verdict(i);
        if (now != NOT_LIQUIDATABLE && flagged[i] == NOT_LIQUIDATABLE) {
            int at = java.util.Arrays.binarySearch(list, 0, listed, i);
            if (at < 0) {
                add(-at - 1, i);
            }
        }
        flagged[i] = now;
    }

    private void add(int at, int i) {
        if (listed == list.length) {
            list = java.util.Arrays.copyOf(list, listed * 2);
        }
        System.arraycopy(list, at, list, at + 1, listed - at);
        list[at] = i;
        listed++;
    }

    /** False only when account {@code i} is certainly not liquidatable at the last prices taken. */
    boolean mayBeLiquidatable(int i) {
        return verdict(i) != NOT_LIQUIDATABLE;
    }

    /**
     * The screen's verdict on account {@code i} at the last prices taken, as of its last screen: the flag
     * ({@link #verdict(int)}) kept per account; {@link #NOT_LIQUIDATABLE} before the first prices. Between screens
     * it is what a new screen would say, for the prices and the balances are those it was made at.
     */
    byte screened(int i) {
        return flagged == null ? NOT_LIQUIDATABLE : flagged[i];
    }

    /**
     * The screen's verdict on account {@code i} at the last prices taken: {@link #NOT_LIQUIDATABLE} only when it is
     * certainly not liquidatable; {@link #ABOVE_CLOSE_THRESHOLD} or {@link #AT_MOST_CLOSE_THRESHOLD} only when it
     * certainly is, its exact health factor on that side of 0.95e18; else {@link #MAY_BE}.
     *
     * <p>Why the sides hold. With {@code T} the threshold-weighted collateral, {@code C} the collateral and {@code D}
     * the debt in doubles (USD), the contract's factor is {@code a / D'} in wads, rounded half up, where {@code D'} is
     * the debt in units of 1e-8 USD floored per holding (so at most {@code D} and less than it by under 1e-5 USD for
     * up to {@link #ROUNDED_ENTRIES} holdings) and {@code a = percentMul(C', avg)}, {@code C'} the counted collateral
     * (at most {@code C}) and {@code avg} the weighted average threshold floored to a basis point: so {@code a} lies
     * between {@code T − C / 10,000} and {@code T} (less the values' floors, plus half a unit of rounding). With the
     * debt at least {@link #EXACT_BELOW_USD} those unit-sized terms, the halves of the roundings and the doubles'
     * own (relative {@link #ROUNDING}) are under 1e-5 of the debt, a hundredth of {@link #MARGIN}: {@code T} below
     * {@code D × (1 − MARGIN)} puts the factor below 1e18, below {@code 0.95 × D × (1 − MARGIN)} at most 0.95e18, and
     * {@code T − C × AVERAGE_FLOOR} above {@code 0.95 × D × (1 + MARGIN)} above it. An account the words cannot value
     * (a wide one, a reserve of more than 18 decimals, a reserve without a price, a collateral or debt worth
     * {@link #SIDED_BELOW_USD} or more) gets no side.
     */
    byte verdict(int i) {
        double threshold = 0;
        double collateral = 0;
        boolean priced = true;
        for (int k = collStart[i]; k < collStart[i + 1]; k++) {
            int reserve = collAsset[k];
            double p = price[reserve];
            priced &= !unpriced[reserve];
            threshold += collAmountTimesThreshold[k] * p;
            collateral += collAmount[k] * p;
        }
        double debt = 0;
        for (int k = debtStart[i]; k < debtStart[i + 1]; k++) {
            int reserve = debtAsset[k];
            priced &= !unpriced[reserve];
            debt += debtAmount[k] * price[reserve];
        }
        if (debt == 0) {
            return NOT_LIQUIDATABLE;
        }
        // The collateral here counts every asset used as collateral, a threshold of 0 included, which the contract
        // leaves out of its average: more than the contract's, so more is subtracted, never less.
        double floored = threshold - collateral * AVERAGE_FLOOR;
        if (collateral >= EXACT_BELOW_USD && floored >= debt * (1 + MARGIN)) {
            return NOT_LIQUIDATABLE;
        }
        if (!priced || (unsided[i >>> 6] & 1L << i) != 0 || debt < EXACT_BELOW_USD || debt >= SIDED_BELOW_USD
                || collateral >= SIDED_BELOW_USD || !(threshold < debt * (1 - MARGIN))) {
            return MAY_BE;
        }
        if (threshold < CLOSE_FACTOR_THRESHOLD * debt * (1 - MARGIN)) {
            return AT_MOST_CLOSE_THRESHOLD;
        }
        return floored > CLOSE_FACTOR_THRESHOLD * debt * (1 + MARGIN) ? ABOVE_CLOSE_THRESHOLD : MAY_BE;
    }

    /**
     * The slack of account {@code i} at the last prices taken: a number {@code κ} such that the account is not flagged
     * ({@link #mayBeLiquidatable} is false) at any prices whose ratios to these lie between {@code rmin} and
     * {@code rmax} with {@code max(rmax / rmin, 1 / rmin) ≤ κ} ({@link SlackGenerations}). Zero for an account to look
     * at on every move; infinite for one without debt.
     *
     * <p>Why: let {@code wₖ = amount × threshold − amount × AVERAGE_FLOOR} per collateral, {@code P} the sum of the
     * positive {@code wₖ × priceₖ}, {@code N} that of the negative ones' magnitudes (a collateral used at a threshold
     * of 0), {@code D} the debt. At the new prices the screen's left side {@code Σ wₖ × price'ₖ} is at least
     * {@code P × rmin − N × rmax}, its right side {@code D' × (1 + MARGIN)} at most {@code D × (1 + MARGIN) × rmax},
     * and its collateral at least {@code C × rmin}; so the account is not flagged when
     * {@code P / (N + D × (1 + MARGIN)) ≥ rmax / rmin} and {@code C / EXACT_BELOW_USD ≥ 1 / rmin}. The doubles' own
     * rounding (in the screen's sums, here, and in the ratios) is less than {@link #ROUNDING} of the magnitudes summed
     * for accounts of up to {@link #ROUNDED_ENTRIES} entries: the denominator counts it in, and the slack is lowered
     * by it. Accounts of more entries have slack 0.
     */
    double slack(int i) {
        if (collStart[i + 1] - collStart[i] + debtStart[i + 1] - debtStart[i] > ROUNDED_ENTRIES) {
            return 0;
        }
        double positive = 0;
        double negative = 0;
        double magnitude = 0;
        double collateral = 0;
        for (int k = collStart[i]; k < collStart[i + 1]; k++) {
            double p = price[collAsset[k]];
            double w = collAmountTimesThreshold[k] - collAmount[k] * AVERAGE_FLOOR;
            if (w > 0) {
                positive += w * p;
            } else {
                negative -= w * p;
            }
            magnitude += (collAmountTimesThreshold[k] + collAmount[k] * AVERAGE_FLOOR) * p;
            collateral += collAmount[k] * p;
        }
        double debt = 0;
        for (int k = debtStart[i]; k < debtStart[i + 1]; k++) {
            debt += debtAmount[k] * price[debtAsset[k]];
        }
        if (debt == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double ratio = positive / (negative + magnitude * ROUNDING + debt * (1 + MARGIN) * (1 + ROUNDING));
        return Math.min(ratio, collateral / EXACT_BELOW_USD) * (1 - ROUNDING);
    }
}
