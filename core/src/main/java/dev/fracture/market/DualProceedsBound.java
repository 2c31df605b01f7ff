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
 * <p>The router splits heuristically, never above the optimum, so the bound holds for its output too. A two-hop path's
 * output is only bounded by its marginal rate at zero times its input (each hop's venues are concave and start at
 * their rates at zero), so a path leg adds {@code max(0, r − λ)·X}: loose when a path carries the sale, never wrong.
 * Gas only takes away from what the legs deliver and is left out.
 */
final class DualProceedsBound {
    /**
     * The first search stops when the bound exceeds the optimum by at most this share of λ·X (about the optimum): most
     * questions are settled there, a sale falling short by more than that.
     */
    private static final double COARSE = 1e-3;
    /** The second, for a bound the first left above the target but within its possible excess of it. */
    private static final double FINE = 1e-7;
    private static final int MAX_STEPS = 64;
    /** {@link #outward}'s first step in u = 1/√λ: λ 0.2% lower. */
    private static final double FIRST_STEP = 1e-3;

    private final List<RouteLeg> legs;
    private final double[] rate0;
    private final double amount;
    /** The bracket on u = 1/√λ: at uHi the legs take at most the amount, at uLo (NaN until found) more. */
    private double uHi;
    private double uLo = Double.NaN;
    /** The secant's weights at either end (halved by the Illinois step), and what is truly left at uHi. */
    private double gHi;
    private double gLo = Double.NaN;
    private double leftAtHi;
    /** Each leg's input at hi (0 for a path or a leg that takes nothing there), and at the λ last tried. */
    private double[] inputsAtHi;
    private double[] inputsTried;
    /** +k after k steps in a row that moved uLo, −k for uHi. */
    private int kept;
    /** The relative step in u of {@link #outward}'s next try. */
    private double outwardStep = FIRST_STEP;
    private boolean failed;

    private DualProceedsBound(List<RouteLeg> legs, double[] rate0, double top, double amount) {
        this.legs = legs;
        this.rate0 = rate0;
        this.amount = amount;
        this.uHi = 1 / Math.sqrt(top);
        this.gHi = -amount;
        this.leftAtHi = amount;
        // At the best leg's rate at zero every leg takes nothing.
        this.inputsAtHi = new double[legs.size()];
        this.inputsTried = new double[legs.size()];
    }

    /**
     * The bound for {@code amount} (positive) over {@code legs} at the venues' current state, searched until it is
     * below {@code target} or within a share of about 1e-7 of the optimum, whichever comes first (a target of −∞
     * asks for the latter). +∞ when a leg cannot answer (a rate or input that is not a number, a quote the venue
     * refuses), so a caller comparing against it decides nothing from it.
     */
    static double of(List<RouteLeg> legs, double amount, double target) {
        int n = legs.size();
        double[] rate0 = new double[n];
        double top = 0;
        boolean venueLeg = false;
        for (int i = 0; i < n; i++) {
            venueLeg |= legs.get(i).path == null;
            double r = legs.get(i).marginalRate();
            if (!(r >= 0) || Double.isInfinite(r)) {
                return Double.POSITIVE_INFINITY;
            }
            rate0[i] = r;
            top = Math.max(top, r);
        }
        if (!(top > 0)) {
            return 0;
        }
        if (!venueLeg) {
            // Paths alone: each is bounded by its rate at zero, so the best of them times the amount.
            return top * amount;
        }
        DualProceedsBound search = new DualProceedsBound(legs, rate0, top, amount);
        search.narrow(COARSE);
        double bound = search.bound();
        if (bound < target || bound == Double.POSITIVE_INFINITY
                || target > Double.NEGATIVE_INFINITY && search.excess() <= bound - target) {
            // Below the target, unanswerable, or so close to the optimum that no λ brings it under the target.
            return bound;
        }
        search.narrow(FINE);
        return Math.min(bound, search.bound());
    }

    /**
     * Narrows the bracket on the λ at which the legs' inputs add up to the amount — what they take falls as λ rises,
     * and at the best leg's rate at zero none takes anything — until {@link #excess} is at most {@code precision}
     * times hi·X. The search runs on u = 1/√λ, in which a constant-product pool's input at a marginal rate is affine
     * ((√(R_out·γ·R_in)·u − R_in)/γ) and a concentrated pool's within a tick range too (L·(u·√(1 − fee) − 1/√p) in
     * token0), by regula falsi with the Illinois halving (Dowell and Jarratt, BIT 11, 1971), after stepping u out
     * ({@link #outward}) until the legs take more than the amount, and bisecting where the secant leaves the bracket
     * (an order book's input steps at each level's price). The inputs are not capped at the amount here: the cap does
     * not move the dual's minimum, where no leg takes more than the amount; it only tightens the bound elsewhere.
     */
    private void narrow(double precision) {
        for (int step = 0; step < MAX_STEPS && !failed; step++) {
            if (!(excess() > precision * hi() * amount)) {
                return;
            }
            double u;
            if (Double.isNaN(uLo)) {
                u = outward();
            } else {
                u = uHi - gHi * (uLo - uHi) / (gLo - gHi);
                if (!(u > uHi && u < uLo)) {
                    u = 0.5 * (uHi + uLo);
                }
            }
            double g = uncappedTaken(1 / (u * u)) - amount;
            if (Double.isNaN(g)) {
                failed = true;
            } else if (g > 0) {
                uLo = u;
                gLo = g;
                if (kept > 0) {
                    gHi *= 0.5;
                }
                kept = kept > 0 ? kept + 1 : 1;
            } else {
                uHi = u;
                gHi = g;
                leftAtHi = -g;
                double[] previous = inputsAtHi;
                inputsAtHi = inputsTried;
                inputsTried = previous;
                if (kept < 0 && !Double.isNaN(uLo)) {
                    gLo *= 0.5;
                }
                kept = kept < 0 ? kept - 1 : -1;
            }
        }
    }

    /**
     * The next u to try while no point where the legs take more than the amount is known: a step out from uHi that
     * grows eightfold each time, or the next leg's rate at zero if that comes first (above it, that leg takes nothing,
     * so what the legs take is flat or nearly so between two legs' rates, and a secant across such a stretch would
     * crawl), after which the steps start small again.
     */
    private double outward() {
        double stepped = uHi * (1 + outwardStep);
        double atNext = Double.POSITIVE_INFINITY;
        for (double r : rate0) {
            double u = r > 0 ? 1 / Math.sqrt(r) : Double.POSITIVE_INFINITY;
            // Beyond uHi by more than rounding: a rate only a rounding below hi is the one already reached.
            if (u > uHi * (1 + 1e-12) && u < atNext) {
                atNext = u;
            }
        }
        if (atNext < stepped) {
            outwardStep = FIRST_STEP;
            return atNext;
        }
        outwardStep *= 8;
        return stepped;
    }

    private double hi() {
        return 1 / (uHi * uHi);
    }

    /**
     * How far the bound at hi can exceed the optimum: U's slope in λ is X less what the legs take, which grows from 0
     * at the minimum λ* to leftAtHi at hi, so U(hi) − U(λ*) ≤ (hi − λ*)·leftAtHi ≤ (hi − lo)·leftAtHi.
     */
    private double excess() {
        double lo = Double.isNaN(uLo) ? 0 : 1 / (uLo * uLo);
        return (hi() - lo) * leftAtHi;
    }

    /**
     * What the legs take at rate λ, each venue leg's input kept in {@link #inputsTried}; a path, the whole amount while
     * λ is under its rate; NaN when one cannot say.
     */
    private double uncappedTaken(double lambda) {
        double total = 0;
        for (int i = 0; i < legs.size(); i++) {
            RouteLeg leg = legs.get(i);
            inputsTried[i] = 0;
            if (!(rate0[i] > lambda)) {
                continue;
            }
            if (leg.path != null) {
                total += amount;
            } else {
                inputsTried[i] = input(leg, lambda);
                total += inputsTried[i];
            }
        }
        return total;
    }

    /** The leg's input where its marginal rate falls to λ; NaN when the venue cannot say. */
    private static double input(RouteLeg leg, double lambda) {
        try {
            return leg.inputAtMarginalRate(lambda);
        } catch (RuntimeException refused) {
            return Double.NaN;
        }
    }

    /**
     * The dual function at hi: λ·X plus, for each leg, its largest output less λ times its input over inputs up to
     * X — at its input where its marginal rate is λ, capped at X (a concave output less a line peaks where its
     * slope is the line's) — or, for a path, its marginal rate at zero less λ, times X. +∞ when a leg cannot answer.
     */
    private double bound() {
        if (failed) {
            return Double.POSITIVE_INFINITY;
        }
        double lambda = hi();
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
            double x = Math.min(inputsAtHi[i], amount);
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
