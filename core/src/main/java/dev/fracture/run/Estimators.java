package dev.fracture.run;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * The estimators of a sweep's statistics and their 95% confidence intervals. Losses are positive numbers (USD of
 * bad debt, of liquidations); a "level" p such as 0.99 looks at the worst 1% of paths.
 *
 * <ul>
 *   <li><b>Mean</b>: the sample mean, with the normal-approximation interval x̄ ± z·s/√n (central limit theorem;
 *   s the sample standard deviation). Needs n ≥ 2; with one path the bounds are NaN.</li>
 *   <li><b>VaR<sub>p</sub></b>: the empirical p-quantile X<sub>(⌈np⌉)</sub>, the smallest sample value with at
 *   least a share p of the sample at or below it (Hyndman and Fan, 1996, definition 1). Interval: distribution-free,
 *   from order statistics — the ranks l, u with P(Bin(n, p) &lt; l) ≤ α/2 and P(Bin(n, p) ≥ u) ≤ α/2 give
 *   P(X<sub>(l)</sub> ≤ ξ<sub>p</sub> ≤ X<sub>(u)</sub>) ≥ 1 − α (Conover, Practical Nonparametric Statistics,
 *   3rd ed., §3.2; David and Nagaraja, Order Statistics, §7.1). When no such l exists the lower bound is −∞; when no
 *   such u exists (too few paths for the tail: fewer than 72 paths for VaR95, 368 for VaR99) the upper bound is +∞.</li>
 *   <li><b>Expected shortfall ES<sub>p</sub></b> (CVaR): the mean of the k = ⌊n(1 − p)⌋ largest losses (at least
 *   one), the estimator Acerbi and Tasche prove consistent for expected shortfall ("On the coherence of expected
 *   shortfall", Journal of Banking &amp; Finance 26, 2002, Definition 2.6 and Proposition 4.1). Interval: percentile
 *   bootstrap (Efron and Tibshirani, An Introduction to the Bootstrap, 1993, §13.3) with {@link #BOOTSTRAP_RESAMPLES}
 *   resamples drawn from a {@link SplittableRandom} with the seed given, so the interval is reproducible.</li>
 *   <li><b>Probability</b>: the share of paths, with the Wilson score interval (Wilson, 1927, "Probable inference,
 *   the law of succession, and statistical inference", JASA 22), which stays inside [0, 1] and behaves at 0 and 1
 *   where the normal approximation does not.</li>
 * </ul>
 */
public final class Estimators {
    /** Every interval is a 95% interval. */
    public static final double CONFIDENCE = 0.95;
    /** Φ⁻¹(0.975). */
    public static final double Z = 1.959963984540054;
    public static final int BOOTSTRAP_RESAMPLES = 1_000;
    /** Slack for n·p computed in binary: 100 × 0.99 is 98.99999999999999, not 99. */
    private static final double RANK_EPSILON = 1e-9;

    private Estimators() {
    }

    public static Estimate mean(double[] x) {
        requireSample(x);
        int n = x.length;
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / n;
        if (n < 2) {
            return new Estimate(mean, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double half = Z * Math.sqrt(ss / (n - 1) / n);
        return new Estimate(mean, mean - half, mean + half);
    }

    /** X<sub>(⌈np⌉)</sub> of an ascending sample. */
    public static double quantile(double[] sorted, double p) {
        requireSample(sorted);
        requireLevel(p);
        return sorted[rank(sorted.length, p) - 1];
    }

    public static Estimate valueAtRisk(double[] sorted, double p) {
        double q = quantile(sorted, p);
        int n = sorted.length;
        BinomialDistribution b = new BinomialDistribution(n, p);
        double tail = (1 - CONFIDENCE) / 2;
        // l: the largest rank with P(B <= l - 1) <= tail (0 if none); u: the smallest with P(B <= u - 1) >= 1 - tail
        // (n + 1 if none). The CDF is monotone, so both are binary searches.
        int l = firstAbove(b, tail, false, n);
        int u = firstAbove(b, 1 - tail, true, n) + 1;
        double lower = l >= 1 ? sorted[l - 1] : Double.NEGATIVE_INFINITY;
        double upper = u <= n ? sorted[u - 1] : Double.POSITIVE_INFINITY;
        return new Estimate(q, lower, upper);
    }

    /**
     * The smallest k in [0, n] with P(B <= k) > level (or >= level when {@code inclusive}); n + 1 when P(B <= n) = 1
     * does not qualify (never, for a level below 1).
     */
    private static int firstAbove(BinomialDistribution b, double level, boolean inclusive, int n) {
        int lo = 0;
        int hi = n + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double c = mid > n ? 1 : b.cumulativeProbability(mid);
            if (inclusive ? c >= level : c > level) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The Acerbi–Tasche estimator on an ascending sample: the mean of the ⌊n(1 − p)⌋ largest values (at least 1). */
    public static double expectedShortfall(double[] sorted, double p) {
        requireSample(sorted);
        requireLevel(p);
        int n = sorted.length;
        int k = tailCount(n, p);
        double sum = 0;
        for (int i = n - k; i < n; i++) {
            sum += sorted[i];
        }
        return sum / k;
    }

    public static Estimate expectedShortfall(double[] sorted, double p, long bootstrapSeed) {
        double es = expectedShortfall(sorted, p);
        int n = sorted.length;
        SplittableRandom rng = new SplittableRandom(bootstrapSeed);
        int k = tailCount(n, p);
        double[] stats = new double[BOOTSTRAP_RESAMPLES];
        int[] picks = new int[n];
        for (int b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
            // A resample as how often it drew each sorted value: its k largest are read from the top, no sort needed.
            Arrays.fill(picks, 0);
            for (int i = 0; i < n; i++) {
                picks[rng.nextInt(n)]++;
            }
            double sum = 0;
            int left = k;
            for (int j = n - 1; j >= 0 && left > 0; j--) {
                int take = Math.min(picks[j], left);
                sum += take * sorted[j];
                left -= take;
            }
            stats[b] = sum / k;
        }
        Arrays.sort(stats);
        double tail = (1 - CONFIDENCE) / 2;
        return new Estimate(es, quantile(stats, tail), quantile(stats, 1 - tail));
    }

    /** The share {@code k / n} with its Wilson score interval. */
    public static Estimate proportion(long k, long n) {
        if (n < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException("proportion needs 0 <= k <= n and n >= 1 (were " + k + ", " + n + ")");
        }
        double p = (double) k / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    static int tailCount(int n, double p) {
        return Math.max(1, (int) Math.floor(n * (1 - p) + RANK_EPSILON));
    }

    static int rank(int n, double p) {
        return Math.max(1, Math.min(n, (int) Math.ceil(n * p - RANK_EPSILON)));
    }

    private static void requireSample(double[] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("a statistic needs at least one value");
        }
    }

    private static void requireLevel(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1) (was " + p + ")");
        }
    }
}
