package dev.fracture.protocol.perp;

import dev.fracture.model.AccountId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's fast path: every margin scope of many accounts (each account's cross scope, and each isolated position
 * as a scope of its own) as struct-of-arrays, marked to market and checked for liquidation per block without
 * allocation. Positions are stored row by row ({@code start[r]} to {@code start[r + 1]}) with the market as an
 * index into the mark array; margin tiers are flattened per market. Same formulas as {@link PerpMargin}; a test
 * holds the two equal.
 */
public final class PerpAccountBook {
    private final AccountId[] owner;
    private final String[] isolatedMarket;
    private final double[] collateral;
    private final int[] start;
    private final int[] market;
    private final double[] size;
    private final double[] entry;
    private final int[] tierStart;
    private final double[] tierLower;
    private final double[] tierRate;
    private final double[] tierDeduction;
    private final List<String> marketIds;
    /** What the book was built from: the accounts in order, and each one's first row ({@code firstRow[n]}: size). */
    private final PerpAccount[] source;
    private final int[] firstRow;
    private final PerpMarkets markets;
    /** Each market's index in the mark arrays. */
    private final Map<String, Integer> marketIndex;

    private PerpAccountBook(AccountId[] owner, String[] isolatedMarket, double[] collateral, int[] start, int[] market,
                            double[] size, double[] entry, int[] tierStart, double[] tierLower, double[] tierRate,
                            double[] tierDeduction, List<String> marketIds, PerpAccount[] source, int[] firstRow,
                            PerpMarkets markets, Map<String, Integer> marketIndex) {
        this.owner = owner;
        this.isolatedMarket = isolatedMarket;
        this.collateral = collateral;
        this.start = start;
        this.market = market;
        this.size = size;
        this.entry = entry;
        this.tierStart = tierStart;
        this.tierLower = tierLower;
        this.tierRate = tierRate;
        this.tierDeduction = tierDeduction;
        this.marketIds = marketIds;
        this.source = source;
        this.firstRow = firstRow;
        this.markets = markets;
        this.marketIndex = marketIndex;
    }

    /** Builds the book; {@code marketOrder} fixes the index of each market in the mark arrays passed later. */
    public static PerpAccountBook of(List<PerpAccount> accounts, PerpMarkets markets, List<String> marketOrder) {
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] tierStart = new int[marketOrder.size() + 1];
        List<double[]> tiers = new ArrayList<>();
        for (int m = 0; m < marketOrder.size(); m++) {
            PerpMarket pm = markets.get(marketOrder.get(m));
            index.put(pm.id(), m);
            tierStart[m] = tiers.size();
            for (int t = 0; t < pm.tiers().size(); t++) {
                MarginTier tier = pm.tiers().get(t);
                tiers.add(new double[] {tier.lowerBound(), tier.maintenanceMarginRate(), pm.maintenanceDeduction(t)});
            }
        }
        tierStart[marketOrder.size()] = tiers.size();
        double[] lower = new double[tiers.size()];
        double[] rate = new double[tiers.size()];
        double[] deduction = new double[tiers.size()];
        for (int t = 0; t < tiers.size(); t++) {
            lower[t] = tiers.get(t)[0];
            rate[t] = tiers.get(t)[1];
            deduction[t] = tiers.get(t)[2];
        }
        // The book of no accounts — its markets, their order and their tiers — rebuilt with every account read.
        PerpAccountBook empty = new PerpAccountBook(new AccountId[0], new String[0], new double[0], new int[1],
                new int[0], new double[0], new double[0], tierStart, lower, rate, deduction,
                List.copyOf(marketOrder), new PerpAccount[0], new int[1], markets,
                Collections.unmodifiableMap(index));
        return empty.rebuilt(accounts);
    }

    /**
     * The book of {@code accounts}, the same as {@link #of} with this book's markets and order, reading from this book
     * the rows of every account that is the very object it was built from at the same place: accounts are
     * immutable, so such an account's rows are the same numbers (with the empty rows a {@linkplain #patched patch}
     * left it, which change no scope). An exchange rebuilds its book after every block with a liquidation, in which a
     * few accounts of many were replaced.
     */
    public PerpAccountBook rebuilt(List<PerpAccount> accounts) {
        PerpAccountBook previous = this;
        PerpAccount[] source = accounts.toArray(new PerpAccount[0]);
        int n = source.length;
        // Sized first, then filled: a large exchange's book is rebuilt after every block with a liquidation.
        boolean[] kept = new boolean[n];
        int rows = 0;
        int entries = 0;
        for (int k = 0; k < n; k++) {
            PerpAccount a = source[k];
            if (k < previous.source.length && previous.source[k] == a) {
                kept[k] = true;
                int from = previous.firstRow[k];
                int to = previous.firstRow[k + 1];
                rows += to - from;
                entries += previous.start[to] - previous.start[from];
                continue;
            }
            rows++;
            for (PerpPosition p : a.positions()) {
                entries++;
                if (p.mode() == MarginMode.ISOLATED) {
                    rows++;
                }
            }
        }
        AccountId[] owners = new AccountId[rows];
        String[] isolated = new String[rows];
        double[] coll = new double[rows];
        int[] starts = new int[rows + 1];
        int[] firstRow = new int[n + 1];
        int[] mk = new int[entries];
        double[] sz = new double[entries];
        double[] en = new double[entries];
        int r = 0;
        int e = 0;
        for (int k = 0; k < n; k++) {
            firstRow[k] = r;
            if (kept[k]) {
                // A run of kept accounts at once: their rows and entries lie together in the previous book.
                int last = k;
                while (last + 1 < n && kept[last + 1]) {
                    last++;
                }
                int fromRow = previous.firstRow[k];
                int toRow = previous.firstRow[last + 1];
                int fromEntry = previous.start[fromRow];
                int toEntry = previous.start[toRow];
                System.arraycopy(previous.owner, fromRow, owners, r, toRow - fromRow);
                System.arraycopy(previous.isolatedMarket, fromRow, isolated, r, toRow - fromRow);
                System.arraycopy(previous.collateral, fromRow, coll, r, toRow - fromRow);
                for (int row = fromRow; row < toRow; row++) {
                    starts[r + row - fromRow] = previous.start[row] - fromEntry + e;
                }
                for (int j = k + 1; j <= last; j++) {
                    firstRow[j] = previous.firstRow[j] - fromRow + r;
                }
                System.arraycopy(previous.market, fromEntry, mk, e, toEntry - fromEntry);
                System.arraycopy(previous.size, fromEntry, sz, e, toEntry - fromEntry);
                System.arraycopy(previous.entry, fromEntry, en, e, toEntry - fromEntry);
                r += toRow - fromRow;
                e += toEntry - fromEntry;
                k = last;
                continue;
            }
            PerpAccount a = source[k];
            owners[r] = a.id();
            coll[r] = a.crossCollateral();
            starts[r++] = e;
            for (PerpPosition p : a.positions()) {
                if (p.mode() == MarginMode.CROSS) {
                    mk[e] = marketIndex(marketIndex, p.market());
                    sz[e] = p.size();
                    en[e++] = p.entryPrice();
                }
            }
            for (PerpPosition p : a.positions()) {
                if (p.mode() == MarginMode.ISOLATED) {
                    owners[r] = a.id();
                    isolated[r] = p.market();
                    coll[r] = p.isolatedMargin();
                    starts[r++] = e;
                    mk[e] = marketIndex(marketIndex, p.market());
                    sz[e] = p.size();
                    en[e++] = p.entryPrice();
                }
            }
        }
        starts[rows] = e;
        firstRow[n] = rows;
        // The markets, their order and their tiers are the last book's: shared, as they never change.
        return new PerpAccountBook(owners, isolated, coll, starts, mk, sz, en, tierStart, tierLower, tierRate,
                tierDeduction, marketIds, source, firstRow, markets, marketIndex);
    }

    /**
     * {@link #rebuilt} when the caller knows which accounts were replaced: {@code accounts} holds, at every index but
     * {@code changed[0..count)}, the very object this book was built from there. Where each replaced account holds
     * the positions of the one it replaces, or fewer of them, in the same markets, modes and order — what a
     * liquidation leaves of its own account, a position reduced or closed — only numbers change: the book shares this
     * one's layout (owners, markets, row starts) and copies its collateral, sizes and entry prices with the replaced
     * accounts' written in. A closed position's entry stays with size 0, and a closed isolated position's row stays
     * with no margin: empty scopes, worth 0 against a maintenance of 0 (a market's first tier deducts nothing), so
     * never liquidatable, and adding nothing to their account's cross scope. The book then finds the same scopes
     * liquidatable, in the same order and at the same value and maintenance, as the book built afresh, and has more
     * rows than it until the account is replaced in a rebuild. Any other change (a position opened, a mode changed, the list changed
     * length) rebuilds as {@link #rebuilt} does; a test holds the two equal.
     */
    public PerpAccountBook patched(List<PerpAccount> accounts, int[] changed, int count) {
        return patched(accounts, changed, count, false);
    }

    /**
     * {@link #patched(List, int[], int)} written into this book's own arrays where only numbers change, and this book
     * returned: for an owner that holds the only reference to it and gives up the book as it was (a perp exchange's
     * margin book, patched at the few accounts a block's liquidations replace, would otherwise copy every row's
     * numbers each such block). A change the patch cannot lay out rebuilds as {@link #rebuilt} does, leaving this
     * book as it was.
     */
    public PerpAccountBook patchedInPlace(List<PerpAccount> accounts, int[] changed, int count) {
        return patched(accounts, changed, count, true);
    }

    private PerpAccountBook patched(List<PerpAccount> accounts, int[] changed, int count, boolean inPlace) {
        if (accounts.size() != source.length) {
            return rebuilt(accounts);
        }
        for (int i = 0; i < count; i++) {
            int k = changed[i];
            PerpAccount now = accounts.get(k);
            if (now != source[k] && !keepsRowsOf(source[k], now)) {
                return rebuilt(accounts);
            }
        }
        PerpAccount[] src = inPlace ? source : source.clone();
        double[] coll = inPlace ? collateral : collateral.clone();
        double[] sz = inPlace ? size : size.clone();
        double[] en = inPlace ? entry : entry.clone();
        for (int i = 0; i < count; i++) {
            int k = changed[i];
            PerpAccount now = accounts.get(k);
            src[k] = now;
            // The account's rows as this book lays them out (a patched book's may hold positions since closed): the
            // cross row's entries, then each isolated position's row.
            int first = firstRow[k];
            coll[first] = now.crossCollateral();
            for (int e = start[first]; e < start[first + 1]; e++) {
                write(now.positions(), marketIds.get(market[e]), sz, en, e, null, 0);
            }
            for (int r = first + 1; r < firstRow[k + 1]; r++) {
                write(now.positions(), isolatedMarket[r], sz, en, start[r], coll, r);
            }
        }
        return inPlace ? this : new PerpAccountBook(owner, isolatedMarket, coll, start, market, sz, en, tierStart,
                tierLower, tierRate, tierDeduction, marketIds, src, firstRow, markets, marketIndex);
    }

    /**
     * Writes into entry {@code e} the position of {@code positions} in {@code market} (and its isolated margin into
     * {@code coll[row]} when {@code coll} is given), or an empty one when it closed.
     */
    private static void write(List<PerpPosition> positions, String market, double[] sz, double[] en, int e,
                              double[] coll, int row) {
        for (PerpPosition p : positions) {
            if (p.market().equals(market)) {
                sz[e] = p.size();
                en[e] = p.entryPrice();
                if (coll != null) {
                    coll[row] = p.isolatedMargin();
                }
                return;
            }
        }
        sz[e] = 0;
        if (coll != null) {
            coll[row] = 0;
        }
    }

    /**
     * Whether {@code now} lays out within the rows of {@code was}: the same owner, and its cross positions are some of
     * those of {@code was}, in the same order, and so are its isolated ones, each in the same market. The rows hold an
     * account's cross positions in their order and then a row per isolated position in theirs, so how the two kinds
     * interleave in the list does not change them; a partial liquidation puts the reduced position last
     * ({@link PerpLiquidation}), and at 1,000,000 accounts 70 of a run's 285 patches of the exchange's book were
     * rebuilds of all its accounts for that alone (docs/cascade-steps.md, step 84).
     */
    private static boolean keepsRowsOf(PerpAccount was, PerpAccount now) {
        if (!was.id().equals(now.id()) || now.positions().size() > was.positions().size()) {
            return false;
        }
        return keepsOrderOf(was.positions(), now.positions(), MarginMode.CROSS)
                && keepsOrderOf(was.positions(), now.positions(), MarginMode.ISOLATED);
    }

    /**
     * Whether the positions of {@code now} in {@code mode} are, in their order, some of those of {@code was} in that
     * mode, each in the same market.
     */
    private static boolean keepsOrderOf(List<PerpPosition> was, List<PerpPosition> now, MarginMode mode) {
        int j = 0;
        for (PerpPosition q : now) {
            if (q.mode() != mode) {
                continue;
            }
            while (j < was.size() && !(was.get(j).mode() == mode && was.get(j).market().equals(q.market()))) {
                j++;
            }
            if (j == was.size()) {
                return false;
            }
            j++;
        }
        return true;
    }

    private static int marketIndex(Map<String, Integer> index, String market) {
        Integer m = index.get(market);
        if (m == null) {
            throw new IllegalArgumentException("unknown market " + market + "; the book orders " + index.keySet());
        }
        return m;
    }

    /**
     * Number of scopes (rows), counting the empty rows a {@linkplain #patched patched} book keeps for closed isolated
     * positions.
     */
    public int size() {
        return owner.length;
    }

    public AccountId owner(int row) {
        return owner[row];
    }

    /** The isolated market of a row, null for a cross scope. */
    public String isolatedMarket(int row) {
        return isolatedMarket[row];
    }

    public List<String> marketIds() {
        return marketIds;
    }

    /** Scope value of a row at these marks (indexed as {@link #marketIds()}), USD. */
    public double value(int row, double[] marks) {
        double v = collateral[row];
        for (int k = start[row]; k < start[row + 1]; k++) {
            v += size[k] * (marks[market[k]] - entry[k]);
        }
        return v;
    }

    /** Maintenance margin of a row at these marks, USD. */
    public double maintenance(int row, double[] marks) {
        double mm = 0;
        for (int k = start[row]; k < start[row + 1]; k++) {
            mm += maintenanceMargin(market[k], Math.abs(size[k]) * marks[market[k]]);
        }
        return mm;
    }

    private double maintenanceMargin(int m, double notional) {
        int t = tierStart[m + 1] - 1;
        while (t > tierStart[m] && notional < tierLower[t]) {
            t--;
        }
        return notional * tierRate[t] - tierDeduction[t];
    }

    /**
     * Marks every row to market: writes value and maintenance margin, and the rows below maintenance into
     * {@code liquidatable}; returns how many.
     */
    public int markToMarket(double[] marks, double[] valueOut, double[] maintenanceOut, int[] liquidatable) {
        return markToMarket(marks, valueOut, maintenanceOut, liquidatable, 0, owner.length);
    }

    /**
     * {@link #markToMarket(double[], double[], double[], int[])} of the rows {@code [from, to)} only, their
     * liquidatable rows written in order from {@code liquidatable[from]} on: ranges that do not overlap write
     * nothing in common, so they may be marked on different threads and their finds joined in range order.
     */
    public int markToMarket(double[] marks, double[] valueOut, double[] maintenanceOut, int[] liquidatable, int from,
                            int to) {
        int count = from;
        for (int r = from; r < to; r++) {
            double v = collateral[r];
            double mm = 0;
            for (int k = start[r]; k < start[r + 1]; k++) {
                double mark = marks[market[k]];
                v += size[k] * (mark - entry[k]);
                mm += maintenanceMargin(market[k], Math.abs(size[k]) * mark);
            }
            valueOut[r] = v;
            maintenanceOut[r] = mm;
            if (v < mm) {
                liquidatable[count++] = r;
            }
        }
        return count - from;
    }

    /** The liquidatable rows at these marks, allocating only the result. */
    public int[] liquidatable(double[] marks) {
        int[] out = new int[owner.length];
        int n = markToMarket(marks, new double[owner.length], new double[owner.length], out);
        return Arrays.copyOf(out, n);
    }
}
