package dev.fracture.mitigation;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The recent samples of one price, at most one per second (a later sample at the same second replaces the earlier),
 * kept for {@code windowSeconds} plus the last one before the window, so that the price is known over the whole
 * window. Before its first sample the price is taken to have been the first sample's: a run starts from a snapshot
 * assumed to be at rest.
 */
final class PriceWindow {
    private final long windowSeconds;
    private final Deque<long[]> times = new ArrayDeque<>();
    private final Deque<Double> prices = new ArrayDeque<>();

    PriceWindow(long windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    void add(long t, double price) {
        if (!times.isEmpty() && times.peekLast()[0] == t) {
            prices.pollLast();
            prices.addLast(price);
            return;
        }
        times.addLast(new long[] {t});
        prices.addLast(price);
        // Keep one sample at or before the window's start: it prices the window's first seconds.
        while (times.size() > 1 && secondTime() <= t - windowSeconds) {
            times.pollFirst();
            prices.pollFirst();
        }
    }

    private long secondTime() {
        var it = times.iterator();
        it.next();
        return it.next()[0];
    }

    boolean isEmpty() {
        return times.isEmpty();
    }

    /** Forgets everything but the latest sample. */
    void restartFrom(long t, double price) {
        times.clear();
        prices.clear();
        add(t, price);
    }

    /** The largest |latest / p − 1| over the samples p in the window (the latest included, so ≥ 0). */
    double largestMove() {
        double latest = prices.peekLast();
        double move = 0;
        var t = times.iterator();
        long now = times.peekLast()[0];
        for (double p : prices) {
            long at = t.next()[0];
            if (at >= now - windowSeconds || times.size() == 1) {
                move = Math.max(move, Math.abs(latest / p - 1));
            }
        }
        return move;
    }

    /**
     * The time-weighted average over [now − window, now]: each sample holds from its time until the next one, the
     * earliest also before its time.
     */
    double twap(long now) {
        long start = now - windowSeconds;
        double area = 0;
        long[][] ts = times.toArray(new long[0][]);
        Double[] ps = prices.toArray(new Double[0]);
        for (int i = 0; i < ts.length; i++) {
            long from = i == 0 ? start : Math.max(start, ts[i][0]);
            long to = i + 1 < ts.length ? Math.min(now, ts[i + 1][0]) : now;
            if (to > from) {
                area += ps[i] * (to - from);
            }
        }
        return windowSeconds == 0 ? ps[ps.length - 1] : area / windowSeconds;
    }

    /** Σ of squared log returns between consecutive samples inside the window. */
    double sumSquaredLogReturns(long now) {
        double sum = 0;
        long[][] ts = times.toArray(new long[0][]);
        Double[] ps = prices.toArray(new Double[0]);
        for (int i = 1; i < ts.length; i++) {
            if (ts[i][0] > now - windowSeconds) {
                double r = Math.log(ps[i] / ps[i - 1]);
                sum += r * r;
            }
        }
        return sum;
    }
}
