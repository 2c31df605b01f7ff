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
     * A bound for one amount, and the line {@code slope·X + intercept} the same dual leaves for every amount X at the
     * same state of the venues: at the bound's λ with each venue leg's input uncapped — its output less λ times its
     * input peaks at the input where its marginal rate is λ whatever X is — so by weak duality no split of any X
     * delivers more than {@code λ·X + Σ sup_{x ≥ 0}(f_i(x) − λ·x)}, a path leg adding {@code max(0, r − λ)} to the
     * slope. The line is at least the bound at the amount it was found for, and close to it for amounts near it. NaN
     * slope and intercept when there is no line (a leg could not answer).
     */
    record Answer(double bound, double slope, double intercept) {
        static final Answer UNANSWERABLE = new Answer(Double.POSITIVE_INFINITY, Double.NaN, Double.NaN);

        boolean hasLine() {
            return !Double.isNaN(slope) && !Double.isNaN(intercept);
        }
    }

    /**
     * The bound for {@code amount} (positive) over {@code legs} at the venues' current state, searched until it is
     * below {@code target} or within a share of about 1e-7 of the optimum, whichever comes first (a target of −∞
     * asks for the latter). +∞ when a leg cannot answer (a rate or input that is not a number, a quote the venue
     * refuses), so a caller comparing against it decides nothing from it — with the line the same dual leaves for
     * other amounts at the same state ({@link Answer}).
     */
    static Answer search(List<RouteLeg> legs, double amount, double target) {
        double[] rate0 = RateBracket.ratesAtZero(legs);
        if (rate0 == null) {
            return Answer.UNANSWERABLE;
        }
        double top = RateBracket.highest(rate0);
        if (!(top > 0)) {
            // No leg pays anything at any size.
            return new Answer(0, 0, 0);
        }
        boolean venueLeg = false;
        for (RouteLeg leg : legs) {
            venueLeg |= leg.path == null;
        }
        if (!venueLeg) {
            // Paths alone: each is bounded by its rate at zero, so the best of them times the amount.
            return new Answer(top * amount, top, 0);
        }
        RateBracket search = new RateBracket(legs, rate0, amount);
        search.narrow(COARSE);
        Answer coarse = bound(legs, rate0, amount, search);
        double bound = coarse.bound();
        if (bound < target || bound == Double.POSITIVE_INFINITY
                || target > Double.NEGATIVE_INFINITY && search.excess() <= bound - target) {
            // Below the target, unanswerable, or so close to the optimum that no λ brings it under the target.
            return coarse;
        }
        search.narrow(FINE);
        Answer fine = bound(legs, rate0, amount, search);
        return fine.bound() <= bound ? fine : coarse;
    }

    /**
     * The dual function at the bracket's hi: λ·X plus, for each leg, its largest output less λ times its input over
     * inputs up to X — at its input where its marginal rate is λ, capped at X (a concave output less a line peaks
     * where its slope is the line's) — or, for a path, its marginal rate at zero less λ, times X; and the line of the
     * same λ with the inputs uncapped ({@link Answer}). At the bracket's hi the legs' inputs add up to at most X, so
     * none passes X and the line costs no quote; a leg whose input did would be quoted there once more. +∞ when a
     * leg cannot answer.
     */
    private static Answer bound(List<RouteLeg> legs, double[] rate0, double amount, RateBracket search) {
        if (search.failed()) {
            return Answer.UNANSWERABLE;
        }
        double lambda = search.hi();
        double bound = lambda * amount;
        double slope = lambda;
        double intercept = 0;
        for (int i = 0; i < legs.size(); i++) {
            RouteLeg leg = legs.get(i);
            if (!(rate0[i] > lambda)) {
                // Its output never exceeds λ per unit: the supremum is 0, at no input.
                continue;
            }
            if (leg.path != null) {
                bound += (rate0[i] - lambda) * amount;
                slope += rate0[i] - lambda;
                continue;
            }
            // Never NaN: an input that was not a number failed the search.
            double peak = search.inputAtHi(i);
            double x = Math.min(peak, amount);
            if (!(x > 0)) {
                continue;
            }
            double out = output(leg, x);
            if (!(out >= 0)) {
                return Answer.UNANSWERABLE;
            }
            bound += Math.max(0, out - lambda * x);
            if (!Double.isNaN(intercept)) {
                // Past X only for the line; a venue that cannot quote its peak leaves no line, the bound stands.
                double outAtPeak = peak == x ? out : output(leg, peak);
                intercept = outAtPeak >= 0 ? intercept + Math.max(0, outAtPeak - lambda * peak) : Double.NaN;
            }
        }
        return new Answer(bound, Double.isNaN(intercept) ? Double.NaN : slope, intercept);
    }

    /** The leg's output for {@code input}, or NaN when the venue refuses the quote. */
    private static double output(RouteLeg leg, double input) {
        try {
            return leg.output(input);
        } catch (RuntimeException refused) {
            return Double.NaN;
        }
    }
}
