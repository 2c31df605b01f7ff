package dev.fracture.market;

import java.util.List;

/**
 * The venue quotes of one allocation, remembered per leg: while the router splits an order it asks the same leg for
 * the same amount again and again (a slice's gain, then whether it fills, then its output; a leg's output now, in every
 * total), and the venues do not move meanwhile, so the answer is the same bits. Each leg keeps its last few answers.
 */
final class LegQuotes {
    /** Answers kept per leg: enough for the greedy split's and the refinement's patterns of asking. */
    private static final int SLOTS = 4;

    private List<RouteLeg> legs;
    private double[] amount = new double[0];
    private double[] out = new double[0];
    private boolean[] complete = new boolean[0];
    private byte[] next = new byte[0];

    LegQuotes(List<RouteLeg> legs) {
        reset(legs);
    }

    /** Quotes to be {@link #reset} before use: a thread's scratch ({@link SplitScratch}). */
    LegQuotes() {
    }

    /** The quotes of {@code legs}, none remembered: what a new object over them holds, in these arrays. */
    void reset(List<RouteLeg> legs) {
        this.legs = legs;
        int n = legs.size() * SLOTS;
        if (amount.length < n) {
            amount = new double[n];
            out = new double[n];
            complete = new boolean[n];
            next = new byte[legs.size()];
        } else {
            java.util.Arrays.fill(next, 0, legs.size(), (byte) 0);
        }
        // An amount that is NaN matches no amount asked: every slot empty (out and complete are written on a miss).
        java.util.Arrays.fill(amount, 0, n, Double.NaN);
    }

    /** Buy asset leg {@code i} delivers for {@code a} of sell asset, before gas; 0 for 0. */
    double delivered(int i, double a) {
        if (a <= 0) {
            return 0;
        }
        return out[slot(i, a)];
    }

    /** Whether leg {@code i}'s venue can take {@code a} in full. */
    boolean fills(int i, double a) {
        return a <= 0 || complete[slot(i, a)];
    }

    /**
     * The slot holding leg {@code i}'s answer for {@code a} (a positive amount), quoting it when none does: a plain
     * leg's output without a quote object ({@link RouteLeg#plainDelivered}, always complete), any other's through the
     * venue's quote.
     */
    private int slot(int i, double a) {
        int base = i * SLOTS;
        for (int s = base; s < base + SLOTS; s++) {
            if (amount[s] == a) {
                return s;
            }
        }
        int s = base + next[i];
        next[i] = (byte) ((next[i] + 1) % SLOTS);
        RouteLeg leg = legs.get(i);
        if (leg.plain()) {
            out[s] = leg.plainDelivered(a);
            complete[s] = true;
        } else if (leg.path != null) {
            TwoHopPath.Split split = leg.path.split(a);
            out[s] = split.delivered();
            complete[s] = split.complete();
        } else {
            Quote q = leg.venueQuote(a);
            out[s] = leg.delivered(q);
            complete[s] = q.complete();
        }
        amount[s] = a;
        return s;
    }
}
