package dev.fracture.market;

import java.util.List;

/**
 * A bracket on the common marginal rate λ at which a set of legs, each selling until its next unit returns only λ,
 * takes exactly an amount X — the rate of the best split of X (Angeris, Evans, Chitra et al., <i>Optimal Routing for
 * Constant Function Market Makers</i>, 2022: the best split equalizes the marginal rates of the legs it uses). What
 * the legs take falls as λ rises, and at the best leg's rate at zero none takes anything, so the search starts
 * there (hi) and looks for a λ below it at which they take more than X (lo).
 *
 * <p>The search runs on u = 1/√λ, in which a constant-product pool's input at a marginal rate is affine
 * ((√(R_out·γ·R_in)·u − R_in)/γ) and a concentrated pool's within a tick range too (L·(u·√(1 − fee) − 1/√p) in
 * token0), by regula falsi with the Illinois halving (Dowell and Jarratt, BIT 11, 1971), after stepping u out
 * ({@link #outward}) until the legs take more than the amount, and bisecting where the secant leaves the bracket
 * (an order book's input steps at each level's price). The inputs are not capped at the amount.
 *
 * <p>Both uses read one measure of how far the bracket is from the answer, {@link #excess}: the dual of the split at
 * hi ({@link DualProceedsBound}) exceeds the best split's output by at most that, and a split whose every leg's input
 * lies between its inputs at hi and at lo and that adds up to X ({@link WaterFillingSplit}) falls short of the best
 * by at most that.
 *
 * <p>A two-hop path leg takes the whole amount while λ is under its rate at zero and nothing above (the dual's view
 * of a leg it bounds only by that rate); the split takes no paths.
 */
final class RateBracket {
    private static final int MAX_STEPS = 64;
    /** {@link #outward}'s first step in u = 1/√λ: λ 0.2% lower. */
    private static final double FIRST_STEP = 1e-3;

    private final List<RouteLeg> legs;
    private final double[] rate0;
    private final double amount;
    /** The bracket on u = 1/√λ: at uHi the legs take at most the amount, at uLo (NaN until found) more. */
    private double uHi;
    private double uLo = Double.NaN;
    /** The secant's weights at either end (halved by the Illinois step). */
    private double gHi;
    private double gLo = Double.NaN;
    /** What is truly left at uHi, and what the legs truly take at uLo. */
    private double leftAtHi;
    private double takenAtLo = Double.NaN;
    /** Each leg's input at hi and at lo (0 for a path or a leg that takes nothing there), and at the λ last tried. */
    private double[] inputsAtHi;
    private double[] inputsAtLo;
    private double[] inputsTried;
    /** +k after k steps in a row that moved uLo, −k for uHi. */
    private int kept;
    /** The relative step in u of {@link #outward}'s next try. */
    private double outwardStep = FIRST_STEP;
    private boolean failed;

    /**
     * A bracket for {@code amount} over {@code legs}, whose marginal rates at zero are {@code rate0}
     * ({@link #ratesAtZero}) with a positive {@link #highest}: at that rate every leg takes nothing.
     */
    RateBracket(List<RouteLeg> legs, double[] rate0, double amount) {
        this.legs = legs;
        this.rate0 = rate0;
        this.amount = amount;
        this.uHi = 1 / Math.sqrt(highest(rate0));
        this.gHi = -amount;
        this.leftAtHi = amount;
        this.inputsAtHi = new double[legs.size()];
        this.inputsAtLo = new double[legs.size()];
        this.inputsTried = new double[legs.size()];
    }

    /** Each leg's marginal rate at zero size; null when one is not a finite number ≥ 0 (the leg cannot answer). */
    static double[] ratesAtZero(List<RouteLeg> legs) {
        double[] rates = new double[legs.size()];
        for (int i = 0; i < rates.length; i++) {
            double r = legs.get(i).marginalRate();
            if (!(r >= 0) || Double.isInfinite(r)) {
                return null;
            }
            rates[i] = r;
        }
        return rates;
    }

    /** The largest of {@code rates} (0 for none): the best leg's rate at zero, where the search starts. */
    static double highest(double[] rates) {
        double top = 0;
        for (double r : rates) {
            top = Math.max(top, r);
        }
        return top;
    }

    /**
     * Narrows the bracket until {@link #excess} is at most {@code precision} times hi·X, or the search has taken its
     * most steps, or a leg could not answer ({@link #failed}).
     */
    void narrow(double precision) {
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
                takenAtLo = g + amount;
                double[] previous = inputsAtLo;
                inputsAtLo = inputsTried;
                inputsTried = previous;
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

    /** The upper end of the bracket on λ, where the legs take at most the amount. */
    double hi() {
        return 1 / (uHi * uHi);
    }

    /** Whether a λ at which the legs take more than the amount has been found. */
    boolean hasLo() {
        return !Double.isNaN(uLo);
    }

    /** Whether a leg could not answer (a rate or input that is not a number, a venue that refused). */
    boolean failed() {
        return failed;
    }

    /** The amount less what the legs take at hi (≥ 0). */
    double leftAtHi() {
        return leftAtHi;
    }

    /** What the legs take at lo (more than the amount); NaN before {@link #hasLo}. */
    double takenAtLo() {
        return takenAtLo;
    }

    /** Leg {@code i}'s input at hi, uncapped; 0 for a path or a leg whose rate at zero is not above hi. */
    double inputAtHi(int i) {
        return inputsAtHi[i];
    }

    /** Leg {@code i}'s input at lo, uncapped; 0 for a path or a leg taking nothing there, and before {@link #hasLo}. */
    double inputAtLo(int i) {
        return inputsAtLo[i];
    }

    /**
     * (hi − lo)·(X − what the legs take at hi), lo being 0 until found. For the dual U(λ) = λ·X + Σ sup(f_i − λ·x):
     * its slope in λ is X less what the legs take, which grows from 0 at the minimum λ* to leftAtHi at hi, so
     * U(hi) − U(λ*) ≤ (hi − λ*)·leftAtHi ≤ this. For a split x adding up to X with x_i between its inputs at hi and at
     * lo: each leg's marginal rate at x_i is at least lo (outputs are concave), so its output is at least the
     * inputs-at-hi split's plus lo·leftAtHi, while that split's output plus hi·leftAtHi is U(hi), above the optimum —
     * so x falls short of the optimum by at most this.
     */
    double excess() {
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
}
