package dev.fracture.engine;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The kept terms of one listing's positions ({@link PlanVerdicts.Terms}) summed up so that a round can pass over a
 * whole run of them with one test instead of one test each: positions are grouped by class — the pair they trade
 * and whether they offer a flash loan — and, within a class, into buckets by the binary exponent of their repayable
 * amount; each bucket keeps the largest repayable amount and collateral per debt, and the smallest gas, of its
 * positions. A round asks, class by class, how many leading buckets the planners' first check passes over at those
 * extremes ({@link #reach}); a position in such a bucket needs no check of its own.
 *
 * <p>Why: in a deep cascade most listed positions stay liquidatable for hundreds of blocks because nobody can take
 * them at a profit (dust, or collateral worth less than the debt at the venues), and every round that moves a price
 * asked the first check of each of them again — 48.5 million checks in a run of the benchmark's cascade at
 * 1,000,000 accounts, of which 46.7 million passed the position over. Those are the small positions of their pair:
 * sorted by repayable amount, the passed-over ones form a leading run of each class.
 *
 * <p>The cover is sound whatever the buckets hold: the extremes of a prefix of buckets bound every position in it,
 * and the test asked ({@link dev.fracture.agent.Liquidator#passesOverEvery}) answers true only when every position
 * within those bounds is passed over. The order of the buckets only decides how much is covered.
 */
final class PassOverCover {
    /** Buckets per class: binary exponents from {@code -OFFSET} to {@code BUCKETS - 1 - OFFSET}, the ends clamped. */
    static final int BUCKETS = 64;
    private static final int OFFSET = 32;
    /** The key of a position the cover does not hold. */
    private static final int NONE = -1;

    /** The test of a class at the extremes of a prefix of its buckets (true: every such position passed over). */
    @FunctionalInterface
    interface Test {
        boolean passesOverEvery(double maxRepayable, double maxCollateralPerDebt, long minGasUnits);
    }

    /** The pair's state of each pair index; class {@code c} is pair {@code c / 2}, with flash loans when odd. */
    private final Object[] pairs;
    /**
     * Per class, its prefixes of buckets that end at a bucket holding positions, in order: class {@code c}'s are
     * entries {@code [classStart[c], classStart[c + 1])} of the arrays below — where the prefix ends (the bucket
     * after its last), and its largest repayable amount, largest collateral per debt and least gas. Fixed for the
     * listing's life, so each round only asks the test.
     */
    private final int[] classStart;
    private final int[] prefixEnd;
    private final double[] prefixRepayable;
    private final double[] prefixPerDebt;
    private final long[] prefixGas;
    /** Per position, {@code class * BUCKETS + bucket}, or {@link #NONE}. */
    private final int[] key;
    /** How many positions the cover was made of (the keys array may be longer: a reused one). */
    private final int size;

    private PassOverCover(Object[] pairs, int[] classStart, int[] prefixEnd, double[] prefixRepayable,
                          double[] prefixPerDebt, long[] prefixGas, int[] key, int size) {
        this.pairs = pairs;
        this.classStart = classStart;
        this.prefixEnd = prefixEnd;
        this.prefixRepayable = prefixRepayable;
        this.prefixPerDebt = prefixPerDebt;
        this.prefixGas = prefixGas;
        this.key = key;
        this.size = size;
    }

    /**
     * The cover of positions {@code [0, n)} from their terms: {@code pair[i]} the pair's state (null: no terms, not
     * covered), compared by reference. A position whose repayable amount is not a number at least 0 is not covered.
     * {@code spareKeys} is reused for the positions' keys when it has room for {@code n}.
     */
    static PassOverCover of(int n, Object[] pair, double[] repayable, double[] perDebt, long[] gasUnits,
                            boolean[] flash, int[] spareKeys) {
        Map<Object, Integer> pairIndex = new IdentityHashMap<>();
        int[] key = spareKeys != null && spareKeys.length >= n ? spareKeys : new int[n];
        for (int i = 0; i < n; i++) {
            Object p = pair[i];
            double r = repayable[i];
            if (p == null || !(r >= 0) || r == Double.POSITIVE_INFINITY) {
                key[i] = NONE;
                continue;
            }
            Integer at = pairIndex.get(p);
            if (at == null) {
                at = pairIndex.size();
                pairIndex.put(p, at);
            }
            key[i] = (2 * at + (flash[i] ? 1 : 0)) * BUCKETS + bucket(r);
        }
        Object[] pairs = new Object[pairIndex.size()];
        pairIndex.forEach((p, at) -> pairs[at] = p);
        int cells = 2 * pairs.length * BUCKETS;
        // Each bucket's extremes, then each class's prefixes from them.
        double[] maxRep = new double[cells];
        double[] maxCpd = new double[cells];
        long[] minGas = new long[cells];
        int[] count = new int[cells];
        Arrays.fill(maxCpd, Double.NEGATIVE_INFINITY);
        Arrays.fill(minGas, Long.MAX_VALUE);
        int held = 0;
        for (int i = 0; i < n; i++) {
            int k = key[i];
            if (k == NONE) {
                continue;
            }
            maxRep[k] = Math.max(maxRep[k], repayable[i]);
            // Math.max keeps a NaN: a bucket holding one is never covered.
            maxCpd[k] = Math.max(maxCpd[k], perDebt[i]);
            minGas[k] = Math.min(minGas[k], gasUnits[i]);
            held += count[k]++ == 0 ? 1 : 0;
        }
        int[] classStart = new int[2 * pairs.length + 1];
        int[] ends = new int[held];
        double[] rep = new double[held];
        double[] cpd = new double[held];
        long[] gas = new long[held];
        int m = 0;
        for (int c = 0; c < 2 * pairs.length; c++) {
            classStart[c] = m;
            double r = 0;
            double k = Double.NEGATIVE_INFINITY;
            long g = Long.MAX_VALUE;
            for (int b = 0, cell = c * BUCKETS; b < BUCKETS; b++, cell++) {
                if (count[cell] == 0) {
                    continue;
                }
                r = Math.max(r, maxRep[cell]);
                k = Math.max(k, maxCpd[cell]);
                g = Math.min(g, minGas[cell]);
                ends[m] = b + 1;
                rep[m] = r;
                cpd[m] = k;
                gas[m] = g;
                m++;
            }
        }
        classStart[2 * pairs.length] = m;
        return new PassOverCover(pairs, classStart, ends, rep, cpd, gas, key, n);
    }

    /** The bucket of a repayable amount (at least 0, finite): its binary exponent, offset and clamped. */
    static int bucket(double repayable) {
        return Math.max(0, Math.min(BUCKETS - 1, Math.getExponent(repayable) + OFFSET));
    }

    /** The keys array, for reuse by the next cover of the same listing's spare terms. */
    int[] keys() {
        return key;
    }

    int classes() {
        return classStart.length - 1;
    }

    /** The pair's state of class {@code c}, as it was handed in. */
    Object pairOf(int c) {
        return pairs[c / 2];
    }

    /** Whether the positions of class {@code c} offer a flash loan. */
    boolean flashOf(int c) {
        return c % 2 == 1;
    }

    /**
     * How many leading buckets of class {@code c} {@code test} passes over whole: the largest prefix of buckets whose
     * extremes it passes (asked first of the whole class, then by halving among the prefixes that end at a bucket
     * holding positions), 0 when none; {@link #BUCKETS} when the whole class is passed over. Every prefix answered
     * was asked of the test itself, so the answer is sound whether or not the test is monotone.
     */
    int reach(int c, Test test) {
        int first = classStart[c];
        int last = classStart[c + 1] - 1;
        if (last < first || test.passesOverEvery(prefixRepayable[last], prefixPerDebt[last], prefixGas[last])) {
            return BUCKETS;
        }
        int lo = first - 1;
        int hi = last - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (test.passesOverEvery(prefixRepayable[mid], prefixPerDebt[mid], prefixGas[mid])) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo >= first ? prefixEnd[lo] : 0;
    }

    /** Whether position {@code i} lies in a bucket within its class's {@code reach} (per class, {@link #reach}). */
    boolean covers(int i, int[] reach) {
        int k = key[i];
        return k != NONE && (k % BUCKETS) < reach[k / BUCKETS];
    }

    /**
     * {@code reach} (per class, {@link #reach}) as a flag per bucket of every class, so that {@link #covers(int,
     * boolean[])} reads one flag where {@link #covers(int, int[])} divides: made once per round, asked per position.
     */
    boolean[] bucketsWithin(int[] reach) {
        boolean[] within = new boolean[(classStart.length - 1) * BUCKETS];
        for (int c = 0; c < reach.length; c++) {
            Arrays.fill(within, c * BUCKETS, c * BUCKETS + Math.min(reach[c], BUCKETS), true);
        }
        return within;
    }

    /** {@link #covers(int, int[])} with the reach as {@link #bucketsWithin} lays it out: the same answer. */
    boolean covers(int i, boolean[] within) {
        int k = key[i];
        return k != NONE && within[k];
    }

    /**
     * The greatest of {@code perPosition}'s values over the positions the cover holds (each position's block first
     * seen, say); {@link Long#MIN_VALUE} when it holds none.
     */
    long greatestOf(long[] perPosition) {
        long greatest = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            if (key[i] != NONE) {
                greatest = Math.max(greatest, perPosition[i]);
            }
        }
        return greatest;
    }
}
