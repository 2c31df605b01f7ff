package dev.fracture.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which accounts a price move can have changed a health screen's answer for, so that the screen looks again at those
 * and leaves the rest: the accounts far from their boundary, most of a book in any block, are not read at all.
 *
 * <p>Each account is filed, in the generation of the prices it was last screened at, under its slack there: a number
 * {@code κ} (the screen's {@code slack}) such that the account is certainly not flagged at any prices {@code p'}
 * whose ratios to that generation's prices {@code p} satisfy {@code max(rmax / rmin, 1 / rmin) ≤ κ}, where
 * {@code rmin} and {@code rmax} are the least and greatest {@code p'ₖ / pₖ} over every reserve. (A screen that counts
 * collateral at prices scaled by at least {@code rmin} and debt by at most {@code rmax} has moved its ratio of the two
 * by at most {@code rmax / rmin}; see {@link AaveHealthScreen#slack}.) A generation's accounts are kept in runs,
 * each in ascending order of slack, so a move's accounts to look at are a prefix of each run, read until the first
 * slack at or above the generation's bound; the accounts looked at are filed again in a new generation at the new
 * prices, a run per slice of them, each filed and put in order on the engine's threads. An account's slack is read
 * only from the generation it is filed in; an account whose balances changed is looked at on the next move whatever
 * its slack ({@link #changed}).
 *
 * <p>This is the screen's own answer, not an approximation of it: an account left alone is one the screen would not
 * have flagged, so the accounts flagged are the same as a screen of every account gives. Slacks are kept as floats
 * rounded down, and bounds as floats rounded up, so that each comparison errs toward looking; a float's bits (a
 * non-negative one's) order as its value does, and a generation's are put in order by a radix sort, a byte per pass,
 * which costs a few steps per account where a comparison sort of the thousands of accounts a move files costs dozens.
 */
final class SlackGenerations {
    /** More generations than this and the smallest one's accounts are looked at and filed anew. */
    static final int MAX_GENERATIONS = 32;
    /** Filed nowhere: looked at on the next move. */
    private static final int CHANGED = -1;
    /** The bound that looks at every account of a generation (above every key). */
    static final int EVERY = Integer.MAX_VALUE;

    /** Per account, the id of the generation it is filed in, or {@link #CHANGED}. */
    private final int[] generationOf;
    private final List<Generation> generations = new ArrayList<>();
    private int[] changed = new int[16];
    private int changedCount;
    private int nextId;

    SlackGenerations(int accounts) {
        generationOf = new int[accounts];
        Arrays.fill(generationOf, CHANGED);
    }

    /** How many generations are kept. */
    int size() {
        return generations.size();
    }

    /** Marks account {@code i}'s balances changed: it is looked at on the next move, whatever its slack. */
    void changed(int i) {
        if (generationOf[i] == CHANGED) {
            // Already to be looked at (or never filed: the first screen looks at every account).
            return;
        }
        generationOf[i] = CHANGED;
        if (changedCount == changed.length) {
            changed = Arrays.copyOf(changed, changedCount * 2);
        }
        changed[changedCount++] = i;
    }

    /**
     * The accounts to look at when prices move to {@code now} (by reserve): the changed ones, and in each generation
     * those whose slack is below its bound at {@code now}; each is taken out of its generation (the caller files it
     * anew with {@link #file}). Every account not returned is one the screen does not flag at {@code now}.
     */
    int[] toLookAt(double[] now) {
        int[] out = Arrays.copyOf(changed, Math.max(16, changedCount));
        int count = changedCount;
        changedCount = 0;
        if (generations.size() > MAX_GENERATIONS) {
            Generation smallest = generations.get(0);
            for (Generation g : generations) {
                if (g.remaining < smallest.remaining) {
                    smallest = g;
                }
            }
            smallest.emptied = true;
        }
        for (Generation g : generations) {
            int bound = g.emptied ? EVERY : boundKey(g.prices, now);
            for (int r = 0; r < g.runEnds.length; r++) {
                int at = g.next[r];
                int end = g.runEnds[r];
                while (at < end && keyOf(g.entries[at]) < bound) {
                    int account = (int) g.entries[at++];
                    if (generationOf[account] == g.id) {
                        generationOf[account] = CHANGED;
                        if (count == out.length) {
                            out = Arrays.copyOf(out, count * 2);
                        }
                        out[count++] = account;
                    }
                }
                g.remaining -= at - g.next[r];
                g.next[r] = at;
            }
        }
        generations.removeIf(g -> g.remaining == 0);
        return Arrays.copyOf(out, count);
    }

    /**
     * A new generation at {@code prices} (kept as given: the caller does not change the array after) for
     * {@code count} accounts, filled by {@link Filing#put} and put in order a run at a time by {@link Filing#sortRun}
     * — on the engine's threads, each slice its own places and accounts — and then kept by
     * {@link #file(Filing, int[])}. The caller files nothing else in between.
     */
    Filing filing(double[] prices, int count) {
        return new Filing(nextId++, prices, new long[count]);
    }

    /**
     * Keeps {@code filing}'s generation, whose runs end at {@code runEnds} (ascending, the last at its count), each
     * run put in order by {@link Filing#sortRun}: a move reads each run's prefix below the bound, so the runs need no
     * merging, and the order within a generation costs no step on the calling thread.
     */
    void file(Filing filing, int[] runEnds) {
        if (filing.entries.length == 0) {
            return;
        }
        generations.add(new Generation(filing.id, filing.prices, filing.entries, runEnds));
    }

    /** A generation being filed ({@link #filing}). */
    final class Filing {
        private final int id;
        private final double[] prices;
        private final long[] entries;

        private Filing(int id, double[] prices, long[] entries) {
            this.id = id;
            this.prices = prices;
            this.entries = entries;
        }

        /** Files {@code account} at place {@code j} under {@code slack} (see {@link #floorOf}). */
        void put(int j, int account, float slack) {
            entries[j] = (long) keyOf(slack) << 32 | account;
            generationOf[account] = id;
        }

        /** Puts places {@code [from, to)} in ascending order of slack ({@link #byKey}). */
        void sortRun(int from, int to) {
            if (to - from > 1) {
                long[] run = byKey(Arrays.copyOfRange(entries, from, to));
                System.arraycopy(run, 0, entries, from, run.length);
            }
        }
    }

    /**
     * {@code entries} in ascending order of their keys (bits 32–63, a non-negative float's bits), those of one key in
     * their order here: a radix sort, a byte of the key per pass.
     */
    static long[] byKey(long[] entries) {
        long[] from = entries;
        long[] to = new long[entries.length];
        for (int shift = 32; shift < 64; shift += 8) {
            int[] start = new int[257];
            for (long e : from) {
                start[(int) (e >>> shift & 0xFF) + 1]++;
            }
            for (int b = 0; b < 256; b++) {
                start[b + 1] += start[b];
            }
            for (long e : from) {
                to[start[(int) (e >>> shift & 0xFF)]++] = e;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    /** The greatest float no greater than {@code slack} (non-negative, or NaN read as 0: looked at every move). */
    static float floorOf(double slack) {
        if (!(slack > 0)) {
            return 0f;
        }
        float f = (float) slack;
        return f > slack ? Math.nextDown(f) : f;
    }

    /** The key of a slack (a non-negative float): its bits, which order as the slack does. */
    static int keyOf(float slack) {
        return Float.floatToRawIntBits(slack);
    }

    /** The key kept in an entry (bits 32–63). */
    private static int keyOf(long entry) {
        return (int) (entry >>> 32);
    }

    /**
     * The key of the least value at or above {@code max(rmax / rmin, 1 / rmin)} for prices moved from {@code then} to
     * {@code now}, with a relative margin of {@link AaveHealthScreen#ROUNDING} for the ratios' own rounding — an
     * account whose key is at least this is left alone — or {@link #EVERY} when a price went to or from zero, where
     * no ratio bounds the move.
     */
    static int boundKey(double[] then, double[] now) {
        double rmin = Double.POSITIVE_INFINITY;
        double rmax = 0;
        for (int k = 0; k < now.length; k++) {
            if (then[k] == 0 || now[k] == 0) {
                if (then[k] != now[k]) {
                    return EVERY;
                }
                continue;
            }
            double r = now[k] / then[k];
            rmin = Math.min(rmin, r);
            rmax = Math.max(rmax, r);
        }
        if (rmax == 0) {
            // No reserve priced at either time: nothing moved.
            rmin = 1;
            rmax = 1;
        }
        return ceilingKey(Math.max(rmax / rmin, 1 / rmin) * (1 + AaveHealthScreen.ROUNDING));
    }

    /**
     * The key of the least float at or above {@code bound} (not negative): every value below the bound has a key, its
     * float rounded down ({@link #floorOf}), below this one. {@link #EVERY} for a bound beyond the floats, or NaN:
     * every key is below that.
     */
    static int ceilingKey(double bound) {
        float f = (float) bound;
        if (f < bound) {
            f = Math.nextUp(f);
        }
        return Float.isFinite(f) ? keyOf(f) : EVERY;
    }

    /**
     * Accounts filed at one set of prices, in runs each ascending by slack (run {@code r} ends at
     * {@code runEnds[r]}, the first at 0); those of a run before its {@code next} were taken out.
     */
    private static final class Generation {
        final int id;
        final double[] prices;
        final long[] entries;
        final int[] runEnds;
        /** Per run, its first place not taken out. */
        final int[] next;
        /** Chosen to be emptied on this move: every account of it is looked at. */
        boolean emptied;
        /**
         * How many places of the runs are not taken out yet: kept as they are taken, so that a move need not sum every
         * generation's runs again to drop the emptied ones (a generation has a run per slice it was filed in).
         */
        int remaining;

        Generation(int id, double[] prices, long[] entries, int[] runEnds) {
            this.id = id;
            this.prices = prices;
            this.entries = entries;
            this.runEnds = runEnds;
            this.next = new int[runEnds.length];
            for (int r = 1; r < runEnds.length; r++) {
                next[r] = runEnds[r - 1];
            }
            remaining = runEnds.length == 0 ? 0 : runEnds[runEnds.length - 1];
        }
    }
}
