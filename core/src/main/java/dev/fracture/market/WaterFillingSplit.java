package dev.fracture.market;

import java.util.List;

/**
 * The best split of a sale over legs whose outputs are concave and free of fixed costs, found from the optimality
 * condition itself instead of by slices: each leg used sells until its next unit returns the same rate λ*, and the
 * legs' inputs at λ* add up to the order ("water-filling"; the KKT conditions of the split, Boyd and Vandenberghe,
 * <i>Convex Optimization</i>, §5.5.3; for order routing, Angeris, Evans, Chitra et al., <i>Optimal Routing for
 * Constant Function Market Makers</i>, 2022). Each leg's input at a rate is its venue's own closed form or levels
 * ({@link Venue#exactMarginalInput}), so λ* is found by {@link RateBracket} at a few such inputs per leg, and the
 * split is each leg's input interpolated across the final bracket so that the inputs add up to the order: every
 * input then lies between the leg's inputs at the bracket's ends, which bounds how far the split falls short of the
 * best ({@link RateBracket#excess}, here at most {@value #PRECISION} of the order's value at λ*).
 *
 * <p>It applies only where that condition is the whole problem: single-venue legs (no two-hop path, whose output the
 * condition does not give in closed form), no bridge (whose capacity couples legs and whose fees the router counts
 * per transfer), no gas (a fixed cost per leg used breaks concavity), no wrapper (a fixed rate takes everything or
 * nothing). That is every sale a liquidator sizes or the engine executes within a transaction on its own chain over
 * pools and books. Elsewhere, and where the search cannot finish (a venue that refuses a rate, legs that cannot take
 * the whole order at any rate, a quote that does not fill), the router splits as before.
 */
final class WaterFillingSplit {
    /** How far the split may fall short of the best, as a share of λ*·X (about the order's output). */
    static final double PRECISION = 1e-10;

    private WaterFillingSplit() {
    }

    /** Whether {@link #of} applies to {@code legs}: single exact venues, no bridge, no gas, no wrapper. */
    static boolean applies(List<RouteLeg> legs) {
        for (RouteLeg leg : legs) {
            if (leg.path != null || !leg.inPath.isEmpty() || !leg.outPath.isEmpty() || leg.gasCost != 0
                    || leg.fixedRate() || !leg.venue.exactMarginalInput()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The split of {@code amount} (positive) over {@code legs} ({@link #applies}), one input per leg adding up to the
     * amount up to rounding; null when it cannot say, and the caller splits another way.
     */
    static double[] of(List<RouteLeg> legs, LegQuotes quotes, double amount) {
        return of(legs, quotes, amount, null);
    }

    /**
     * {@link #of(List, LegQuotes, double)} with the rate search working in {@code scratch}'s arrays (null: its own);
     * the split returned is a new array.
     */
    static double[] of(List<RouteLeg> legs, LegQuotes quotes, double amount, SplitScratch scratch) {
        int n = legs.size();
        if (n == 1) {
            // Nothing to split: the whole order, if the venue takes it.
            return quotes.fills(0, amount) ? new double[] {amount} : null;
        }
        double[] rate0 = RateBracket.ratesAtZero(legs);
        if (rate0 == null || !(RateBracket.highest(rate0) > 0)) {
            return null;
        }
        RateBracket bracket = new RateBracket(legs, rate0, amount, scratch);
        bracket.narrow(PRECISION);
        if (bracket.failed()) {
            return null;
        }
        double[] alloc = split(bracket, n, amount);
        if (alloc == null) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (!quotes.fills(i, alloc[i])) {
                return null;
            }
        }
        return alloc;
    }

    /**
     * Each leg's input at hi plus the same share t of its step to lo, t being what makes the inputs add up to the
     * amount; at hi alone where the legs take the whole amount there. Null when no λ at which they take the whole
     * amount was found.
     */
    private static double[] split(RateBracket bracket, int n, double amount) {
        double left = bracket.leftAtHi();
        double[] alloc = new double[n];
        if (!bracket.hasLo()) {
            if (left != 0) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                alloc[i] = bracket.inputAtHi(i);
            }
            return alloc;
        }
        double takenAtHi = amount - left;
        double t = left / (bracket.takenAtLo() - takenAtHi);
        for (int i = 0; i < n; i++) {
            double hi = bracket.inputAtHi(i);
            alloc[i] = hi + t * (bracket.inputAtLo(i) - hi);
        }
        return alloc;
    }
}
