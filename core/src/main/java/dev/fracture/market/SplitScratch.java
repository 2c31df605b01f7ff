package dev.fracture.market;

import java.util.Arrays;
import java.util.List;

/**
 * The arrays one exact split of an order over its legs works in ({@link WaterFillingSplit}: the legs' remembered
 * quotes, {@link LegQuotes}, and the rate search's inputs, kinks and knots, {@link RateBracket}), kept per thread and
 * used again by the thread's next split instead of being made anew. A liquidator sizing a sale splits it this way, and
 * in a deep cascade that is hundreds of thousands of splits a run, whose fresh arrays were over a gigabyte of what
 * the engine allocated at 1,000,000 accounts. Nothing a split returns lies in these arrays: the router copies out the
 * split and its output before the next split of the thread may start.
 *
 * <p>{@link #take} hands out the thread's scratch, or a new one when the thread's is in use (a split made while
 * another is under way on the same thread — none is, for an exact split's legs quote their venues and route nothing,
 * but the scratch does not rely on it); {@link #release} hands it back.
 */
final class SplitScratch {
    private static final ThreadLocal<SplitScratch> OF_THREAD = ThreadLocal.withInitial(SplitScratch::new);

    private boolean inUse;
    private final LegQuotes quotes = new LegQuotes();
    private double[] atHi = new double[0];
    private double[] atLo = new double[0];
    private double[] tried = new double[0];
    private double[] kinks = new double[0];
    private double[] knots = new double[2];

    private SplitScratch() {
    }

    /** The calling thread's scratch, marked in use; a new one when the thread's already is. */
    static SplitScratch take() {
        SplitScratch kept = OF_THREAD.get();
        if (kept.inUse) {
            return new SplitScratch();
        }
        kept.inUse = true;
        return kept;
    }

    /** Hands the scratch back to its thread: nothing read from it since {@link #take} is read again. */
    void release() {
        inUse = false;
    }

    /** The quotes of a split over {@code legs}, none remembered yet. */
    LegQuotes quotes(List<RouteLeg> legs) {
        quotes.reset(legs);
        return quotes;
    }

    /**
     * Room for a rate search over {@code legs} legs: {@link #atHi}, {@link #atLo} and {@link #tried} zero over their
     * first {@code legs} entries, as new arrays would be; {@link #kinks} and {@link #knots} are written before they are
     * read.
     */
    void bracketOf(int legs) {
        if (atHi.length < legs) {
            atHi = new double[legs];
            atLo = new double[legs];
            tried = new double[legs];
            kinks = new double[legs];
            knots = new double[legs + 2];
        } else {
            Arrays.fill(atHi, 0, legs, 0);
            Arrays.fill(atLo, 0, legs, 0);
            Arrays.fill(tried, 0, legs, 0);
        }
    }

    double[] atHi() {
        return atHi;
    }

    double[] atLo() {
        return atLo;
    }

    double[] tried() {
        return tried;
    }

    double[] kinks() {
        return kinks;
    }

    double[] knots() {
        return knots;
    }
}
