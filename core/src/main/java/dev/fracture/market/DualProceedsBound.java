package dev.fracture.market;

import java.util.List;

/**
 * An upper bound on what any split of one sale over a set of legs delivers, from the Lagrangian dual of the split
 * (weak duality): for any rate λ ≥ 0 and any split x of the amount X (x ≥ 0, Σ x_i ≤ X),
 * <pre>
 *   Σ f_i(x_i) ≤ λ·X + Σ sup_{0 ≤ x ≤ X} (f_i(x) − λ·x)
 * </pre>
 * since λ·(X − Σ x_i) ≥ 0. A venue's output f_i is concave in its input (AMM curves and order books give ever worse
 * prices), so its supremum is reached where its marginal rate has fallen to λ — the input
 * {@link RouteLeg#inputAtMarginalRate} gives in closed form or by the venue's own depth — capped at X; one quote there
 * gives the term. At the λ where those inputs add up to X the bound is the best split's output itself (strong
 * duality for concave outputs: Boyd and Vandenberghe, <i>Convex Optimization</i>, §5.2–5.5; for order routing,
 * Angeris, Evans, Chitra et al., <i>Optimal Routing for Constant Function Market Makers</i>, 2022), so the bound is
 * tight where the router's split is near the optimum — unlike the sum of each leg's output for the whole amount, which
 * counts the order once per leg.
 *
 * <p>No split exceeds the optimum — the router's exact one ({@link WaterFillingSplit}) or its slices — so the bound
 * holds for its output too. A two-hop path's
 * output is only bounded by its marginal rate at zero times its input (each hop's venues are concave and start at
 * their rates at zero), so a path leg adds {@code max(0, r − λ)·X}: loose when a path carries the sale, never wrong.
 * Gas only takes away from what the legs deliver and is left out. The λ is searched by {@link RateBracket}.
 */
final class DualProceedsBound {
    /**
     * The first search stops when the bound exceeds the optimum by at most this share of λ·X (about the optimum): most
     * questions are settled there, a sale falling short by more than that.
     */
    private static final double COARSE = 1e-3;
    /** The second, for a bound the first left above the target but within its possible excess of it. */
    private static final double FINE = 1e-7;

    private DualProceedsBound() {
    }

    /**
     * The bound for {@code amount} (positive) over {@code legs} at the venues' current state, searched until it is
     * below {@code target} or within a share of about 1e-7 of the optimum, whichever comes first (a target of −∞
     * asks for the latter). +∞ when a leg cannot answer (a rate or input that is not a number, a quote the venue
     * refuses), so a caller comparing against it decides nothing from it.
     */
    static double of(List<RouteLeg> legs, double amount, double target) {
        double[] rate0 = RateBracket.ratesAtZero(legs);
        if (rate0 == null) {
            return Double.POSITIVE_INFINITY;
        }
        double top = RateBracket.highest(rate0);
        if (!(top > 0)) {
            return 0;
        }
        boolean venueLeg = false;
        for (RouteLeg leg : legs) {
            venueLeg |= leg.path == null;
        }
        if (!venueLeg) {
            // Paths alone: each is bounded by its rate at zero, so the best of them times the amount.
            return top * amount;
        }
        RateBracket search = new RateBracket(legs, rate0, amount);
        search.narrow(COARSE);
        double bound = bound(legs, rate0, amount, search);
        if (bound < target || bound == Double.POSITIVE_INFINITY
                || target > Double.NEGATIVE_INFINITY && search.excess() <= bound - target) {
            // Below the target, unanswerable, or so close to the optimum that no λ brings it under the target.
            return bound;
        }
        search.narrow(FINE);
        return Math.min(bound, bound(legs, rate0, amount, search));
    }

    /**
     * The dual function at the bracket's hi: λ·X plus, for each leg, its largest output less λ times its input over
     * inputs up to X — at its input where its marginal rate is λ, capped at X (a concave output less a line peaks
     * where its slope is the line's) — or, for a path, its marginal rate at zero less λ, times X. +∞ when a leg
     * cannot answer.
     */
    private static double bound(List<RouteLeg> legs, double[] rate0, double amount, RateBracket search) {
        if (search.failed()) {
            return Double.POSITIVE_INFINITY;
        }
        double lambda = search.hi();
        double bound = lambda * amount;
        for (int i = 0; i < legs.size(); i++) {
            RouteLeg leg = legs.get(i);
            if (!(rate0[i] > lambda)) {
                // Its output never exceeds λ per unit: the supremum is 0, at no input.
                continue;
            }
            if (leg.path != null) {
                bound += (rate0[i] - lambda) * amount;
                continue;
            }
            // Never NaN: an input that was not a number failed the search.
            double x = Math.min(search.inputAtHi(i), amount);
            if (!(x > 0)) {
                continue;
            }
            double out;
            try {
                out = leg.output(x);
            } catch (RuntimeException refused) {
                return Double.POSITIVE_INFINITY;
            }
            if (!(out >= 0)) {
                return Double.POSITIVE_INFINITY;
            }
            bound += Math.max(0, out - lambda * x);
        }
        return bound;
    }
}
