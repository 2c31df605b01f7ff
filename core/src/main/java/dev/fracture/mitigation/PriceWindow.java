package dev.fracture.mitigation;

/**
 * The recent samples of one price, at most one per second (a later sample at the same second replaces the earlier),
 * kept for {@code windowSeconds} plus the last one before the window, so that the price is known over the whole
 * window. Before its first sample the price is taken to have been the first sample's: a run starts from a snapshot
 * assumed to be at rest.
 *
 * <p>Samples sit in a ring of primitive arrays. The sum of squared log returns, which the dynamic-parameters
 * mitigation reads for every asset in every block, is kept as samples come and go rather than summed over the
 * window at each read: in fixed point ({@link #SQUARE_SCALE}), so that adding and removing a return are exact and the
 * sum does not depend on the order of arrivals and departures — a floating-point running sum would drift with every
 * subtraction.
 */
final class PriceWindow {
    /** Fixed-point scale of squared returns: 2⁴⁰, a resolution of 9·10⁻¹³ (returns under 10⁻⁶ count as 0). */
    static final double SQUARE_SCALE = 0x1p40;

    /** The largest squared return kept, fixed point: 2⁴⁴, that is r² = 16 (a move of e^±4 within one second). */
    static final long SQUARE_CAP = 1L << 44;

    private final long windowSeconds;
    private long[] times = new long[16];
    private double[] prices = new double[16];
    /** The squared log return from the previous sample to this one, fixed point; 0 for the oldest. */
    private long[] squares = new long[16];
    private int head;
    private int size;
    /** Σ of {@link #squares} over the samples after the oldest, fixed point. */
    private long sumSquares;
    /** Grows with every change of the samples: the last TWAP stands while it and the time read are the same. */
    private long changes;
    private long twapChanges = -1;
    private long twapAt;
    private double twapValue;

    PriceWindow(long windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    void add(long t, double price) {
        if (size > 0 && time(size - 1) == t) {
            int last = slot(size - 1);
            if (Double.doubleToLongBits(prices[last]) == Double.doubleToLongBits(price)) {
                return;
            }
            changes++;
            prices[last] = price;
            if (size > 1) {
                sumSquares -= squares[last];
                squares[last] = square(price(size - 2), price);
                sumSquares += squares[last];
            }
            return;
        }
        changes++;
        if (size == times.length) {
            grow();
        }
        int at = slot(size);
        times[at] = t;
        prices[at] = price;
        squares[at] = size > 0 ? square(price(size - 1), price) : 0;
        sumSquares += squares[at];
        size++;
        // Keep one sample at or before the window's start: it prices the window's first seconds.
        while (size > 1 && time(1) <= t - windowSeconds) {
            head = slot(1);
            size--;
            sumSquares -= squares[head];
            squares[head] = 0;
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Forgets everything but the latest sample. */
    void restartFrom(long t, double price) {
        head = 0;
        size = 0;
        sumSquares = 0;
        changes++;
        add(t, price);
    }

    /** The largest |latest / p − 1| over the samples p in the window (the latest included, so ≥ 0). */
    double largestMove() {
        double latest = price(size - 1);
        long now = time(size - 1);
        double move = 0;
        for (int i = 0; i < size; i++) {
            if (time(i) >= now - windowSeconds || size == 1) {
                move = Math.max(move, Math.abs(latest / price(i) - 1));
            }
        }
        return move;
    }

    /**
     * The time-weighted average over [now − window, now]: each sample holds from its time until the next one, the
     * earliest also before its time.
     */
    double twap(long now) {
        if (twapChanges == changes && twapAt == now) {
            return twapValue;
        }
        twapValue = computeTwap(now);
        twapChanges = changes;
        twapAt = now;
        return twapValue;
    }

    private double computeTwap(long now) {
        long start = now - windowSeconds;
        double area = 0;
        for (int i = 0; i < size; i++) {
            long from = i == 0 ? start : Math.max(start, time(i));
            long to = i + 1 < size ? Math.min(now, time(i + 1)) : now;
            if (to > from) {
                area += price(i) * (to - from);
            }
        }
        return windowSeconds == 0 ? price(size - 1) : area / windowSeconds;
    }

    /**
     * Σ of squared log returns between consecutive samples inside the window ending at {@code now}: those whose later
     * sample is after {@code now − window}. At the time of the latest sample (how the mitigations read it) that is
     * every return kept, and the sum kept is returned; at a later time the returns that left the window are taken off.
     */
    double sumSquaredLogReturns(long now) {
        long sum = sumSquares;
        for (int i = 1; i < size && time(i) <= now - windowSeconds; i++) {
            sum -= squares[slot(i)];
        }
        return sum / SQUARE_SCALE;
    }

    /**
     * r² in fixed point, at most {@link #SQUARE_CAP} (a price gone to zero included), so that half a million of
     * them still fit a long; NaN (0 / 0) counts as no return.
     */
    private static long square(double before, double after) {
        double r = Math.log(after / before);
        double scaled = r * r * SQUARE_SCALE;
        return scaled >= SQUARE_CAP ? SQUARE_CAP : Math.round(scaled);
    }

    private int slot(int i) {
        int s = head + i;
        return s < times.length ? s : s - times.length;
    }

    private long time(int i) {
        return times[slot(i)];
    }

    private double price(int i) {
        return prices[slot(i)];
    }

    private void grow() {
        int n = times.length * 2;
        long[] t = new long[n];
        double[] p = new double[n];
        long[] q = new long[n];
        for (int i = 0; i < size; i++) {
            int s = slot(i);
            t[i] = times[s];
            p[i] = prices[s];
            q[i] = squares[s];
        }
        times = t;
        prices = p;
        squares = q;
        head = 0;
    }
}
