package dev.fracture.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The log returns of a price history over its regular step: the median spacing of its points. Pairs of points
 * further apart (gaps in the data) are skipped rather than treated as one step, which would fatten the tails that
 * the jump and GARCH fits look for.
 *
 * @param returns     ln(P<sub>i</sub> / P<sub>i−1</sub>) of each pair exactly one step apart, oldest first
 * @param stepSeconds the median spacing
 * @param skipped     pairs left out because they were not one step apart
 */
public record RegularReturns(double[] returns, long stepSeconds, int skipped, long fromSeconds, long toSeconds) {
    public RegularReturns {
        returns = returns.clone();
    }

    @Override
    public double[] returns() {
        return returns.clone();
    }

    public double stepYears() {
        return stepSeconds / (double) Scenario.SECONDS_PER_YEAR;
    }

    public static RegularReturns of(TimeSeries prices) {
        if (prices.size() < 3) {
            throw new IllegalArgumentException(prices.name() + ": need at least three prices to fit a model (has "
                    + prices.size() + ")");
        }
        long[] gaps = new long[prices.size() - 1];
        for (int i = 1; i < prices.size(); i++) {
            gaps[i - 1] = prices.time(i) - prices.time(i - 1);
        }
        long[] sorted = gaps.clone();
        Arrays.sort(sorted);
        long step = sorted[sorted.length / 2];
        List<Double> out = new ArrayList<>();
        int skipped = 0;
        for (int i = 1; i < prices.size(); i++) {
            if (gaps[i - 1] != step) {
                skipped++;
                continue;
            }
            double a = prices.value(i - 1);
            double b = prices.value(i);
            if (!(a > 0 && b > 0)) {
                throw new IllegalArgumentException(prices.name() + ": price " + i + " must be positive to take a log "
                        + "return (was " + (a > 0 ? b : a) + ")");
            }
            out.add(StrictMath.log(b / a));
        }
        if (out.size() < 2) {
            throw new IllegalArgumentException(prices.name() + ": fewer than two returns one step (" + step
                    + " s) apart");
        }
        return new RegularReturns(out.stream().mapToDouble(Double::doubleValue).toArray(), step, skipped,
                prices.start(), prices.end());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegularReturns r && Arrays.equals(returns, r.returns) && stepSeconds == r.stepSeconds
                && skipped == r.skipped && fromSeconds == r.fromSeconds && toSeconds == r.toSeconds;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(returns) * 31 + Long.hashCode(stepSeconds);
    }

    @Override
    public String toString() {
        return "RegularReturns[" + returns.length + " returns of " + stepSeconds + " s, " + skipped + " skipped]";
    }
}
