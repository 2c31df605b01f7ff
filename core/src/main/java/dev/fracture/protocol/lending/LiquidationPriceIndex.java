package dev.fracture.protocol.lending;

import java.util.Arrays;

/**
 * Accounts ordered by their liquidation price in one asset: the price of that asset at which the health factor is 1,
 * every other price held where it was when the index was built. With weighted collateral {@code A + B p} and debt
 * {@code C + E p} in that price {@code p}, an account is liquidatable when {@code (B - E) p < C - A}: below
 * {@code p* = (C - A) / (B - E)} when it holds more weighted collateral than debt in the asset (a falling price hurts
 * it), above {@code p*} when it owes more of the asset than it holds (a rising price hurts it). Two sorted arrays hold
 * the two kinds; a move from {@code p0} to {@code p1} finds the newly liquidatable accounts by binary search, in time
 * proportional to the accounts it crosses plus {@code log n}. Accounts whose health does not depend on the asset are
 * not in the index. When another asset's price moves, the keys are stale: build the index again (or re-key the
 * accounts of that asset).
 */
public final class LiquidationPriceIndex {
    private final int asset;
    private final double[] fallingKeys;
    private final int[] fallingAccounts;
    private final double[] risingKeys;
    private final int[] risingAccounts;

    private LiquidationPriceIndex(int asset, double[] fallingKeys, int[] fallingAccounts, double[] risingKeys,
                                  int[] risingAccounts) {
        this.asset = asset;
        this.fallingKeys = fallingKeys;
        this.fallingAccounts = fallingAccounts;
        this.risingKeys = risingKeys;
        this.risingAccounts = risingAccounts;
    }

    /** Builds the index of {@code asset} at {@code prices}. */
    public static LiquidationPriceIndex build(AaveAccountBook book, int asset, double[] prices) {
        int n = book.accounts();
        double[] terms = new double[4];
        double[] fallingKey = new double[n];
        double[] risingKey = new double[n];
        int[] risingId = new int[n];
        int[] fallingId = new int[n];
        int nf = 0;
        int nr = 0;
        for (int i = 0; i < n; i++) {
            book.linearTerms(i, asset, prices, terms);
            double slope = terms[1] - terms[3];
            if (slope == 0 || terms[2] + terms[3] == 0) {
                continue;
            }
            double key = (terms[2] - terms[0]) / slope;
            if (slope > 0) {
                fallingKey[nf] = key;
                fallingId[nf++] = i;
            } else {
                risingKey[nr] = key;
                risingId[nr++] = i;
            }
        }
        double[] fk = Arrays.copyOf(fallingKey, nf);
        int[] fa = Arrays.copyOf(fallingId, nf);
        double[] rk = Arrays.copyOf(risingKey, nr);
        int[] ra = Arrays.copyOf(risingId, nr);
        sort(fk, fa, 0, nf - 1);
        sort(rk, ra, 0, nr - 1);
        return new LiquidationPriceIndex(asset, fk, fa, rk, ra);
    }

    public int asset() {
        return asset;
    }

    public int size() {
        return fallingKeys.length + risingKeys.length;
    }

    /**
     * Accounts healthy at {@code oldPrice} and liquidatable at {@code newPrice}, written to {@code out} (sized for the
     * worst case by the caller); returns how many.
     */
    public int newlyLiquidatable(double oldPrice, double newPrice, int[] out) {
        int count = 0;
        if (newPrice < oldPrice) {
            // Falling side: liquidatable iff p < key; newly: newPrice < key <= oldPrice.
            int from = upperBound(fallingKeys, newPrice);
            int to = upperBound(fallingKeys, oldPrice);
            for (int j = from; j < to; j++) {
                out[count++] = fallingAccounts[j];
            }
        } else if (newPrice > oldPrice) {
            // Rising side: liquidatable iff p > key; newly: oldPrice <= key < newPrice.
            int from = lowerBound(risingKeys, oldPrice);
            int to = lowerBound(risingKeys, newPrice);
            for (int j = from; j < to; j++) {
                out[count++] = risingAccounts[j];
            }
        }
        return count;
    }

    /** First index with key > x. */
    private static int upperBound(double[] keys, double x) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index with key >= x. */
    private static int lowerBound(double[] keys, double x) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Sorts keys ascending, carrying ids along; quicksort on the primitive arrays (no boxing). */
    private static void sort(double[] keys, int[] ids, int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            double pivot = median(keys[lo], keys[mid], keys[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(keys, ids, i++, j--);
                }
            }
            // Recurse into the smaller half, loop on the larger: stack depth stays logarithmic.
            if (j - lo < hi - i) {
                sort(keys, ids, lo, j);
                lo = i;
            } else {
                sort(keys, ids, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && keys[j - 1] > keys[j]; j--) {
                swap(keys, ids, j - 1, j);
            }
        }
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(double[] keys, int[] ids, int i, int j) {
        double k = keys[i];
        keys[i] = keys[j];
        keys[j] = k;
        int id = ids[i];
        ids[i] = ids[j];
        ids[j] = id;
    }
}
