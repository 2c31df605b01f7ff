package dev.fracture.market;

import java.util.Arrays;

/**
 * One side of an order book: price levels with the size resting at each. Stored worst first, so the best level
 * is the last element and consuming it, which is what market orders do, is O(1).
 */
final class BookSide {
    private final boolean bids;
    private double[] prices;
    private double[] sizes;
    private int count;

    BookSide(boolean bids) {
        this(bids, new double[8], new double[8], 0);
    }

    private BookSide(boolean bids, double[] prices, double[] sizes, int count) {
        this.bids = bids;
        this.prices = prices;
        this.sizes = sizes;
        this.count = count;
    }

    int count() {
        return count;
    }

    /** Price of the k-th best level (0 = best). */
    double price(int k) {
        return prices[count - 1 - k];
    }

    /** Size of the k-th best level (0 = best). */
    double size(int k) {
        return sizes[count - 1 - k];
    }

    /** Best price, NaN when the side is empty. */
    double best() {
        return count == 0 ? Double.NaN : prices[count - 1];
    }

    /** True when {@code a} is a strictly better price than {@code b} on this side. */
    boolean better(double a, double b) {
        return bids ? a > b : a < b;
    }

    /**
     * Adds size at a price: onto the existing level at that price (later orders queue behind earlier ones, which
     * an aggregate level represents without keeping owners), or as a new level in price order.
     */
    void add(double price, double size) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (better(price, prices[mid])) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo < count && prices[lo] == price) {
            sizes[lo] += size;
            return;
        }
        if (count == prices.length) {
            prices = Arrays.copyOf(prices, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        System.arraycopy(prices, lo, prices, lo + 1, count - lo);
        System.arraycopy(sizes, lo, sizes, lo + 1, count - lo);
        prices[lo] = price;
        sizes[lo] = size;
        count++;
    }

    /** Removes the best level entirely. */
    void removeBest() {
        count--;
    }

    /** Takes {@code size} from the best level, which must hold more. */
    void reduceBest(double size) {
        sizes[count - 1] -= size;
    }

    /** Scales every level's size by {@code keep}; returns the size taken off, in base. */
    double scale(double keep) {
        double taken = 0;
        for (int i = 0; i < count; i++) {
            double before = sizes[i];
            sizes[i] *= keep;
            taken += before - sizes[i];
        }
        return taken;
    }

    /** What the side holds: sizes summed (base), or sizes times prices summed (quote). */
    double total(boolean timesPrice) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += timesPrice ? sizes[i] * prices[i] : sizes[i];
        }
        return sum;
    }

    BookSide copy() {
        return new BookSide(bids, prices.clone(), sizes.clone(), count);
    }
}
