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
 * token0). Each leg is modelled as such a line — nothing up to its kink (u at its rate at zero), then the chord to
 * its input at a rate tried — and each try goes where the legs' model takes the amount: stepping u out
 * ({@link #outward}, {@link #outwardModel}) until the legs take more than the amount, then at the root of the
 * piecewise-linear model inside the bracket ({@link #modelRoot}). For legs that are lines the model is exact and
 * the search ends in a few tries; where a leg strays from its line (an order book's input steps at each level's
 * price; a pool crossing a tick changes slope) and two tries in a row fall on one side, regula falsi with the
 * Illinois halving (Dowell and Jarratt, BIT 11, 1971) takes over, and bisection where the secant leaves the
 * bracket. The inputs are not capped at the amount.
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
    /**
     * How far short of lo the try after a model's answer that was a rounding past the amount goes, relative in u: the
     * bracket is then 2e-12 wide in λ, its excess far under any precision asked.
     */
    private static final double NUDGE = 1e-12;
    /** How much more than the amount, relative, counts as a rounding past it ({@link #modelJustPast}). */
    private static final double NUDGE_TAKEN = 1e-9;

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
    /**
     * Whether the last try was the legs' model's answer and found the legs taking more than the amount by no more
     * than rounding: the answer lies a hair inside the bracket, and the next try is just short of lo, not another
     * model step, which would land on lo again.
     */
    private boolean modelJustPast;
    /** The relative step in u of {@link #outward}'s next try. */
    private double outwardStep = FIRST_STEP;
    private boolean failed;
    /** Each leg's u at its rate at zero, where its input starts ({@code +∞} for a rate of 0). */
    private final double[] kink;
    /** How many legs: the arrays' entries read (a thread's scratch arrays may be longer). */
    private final int legCount;
    /** Whether a leg is a two-hop path, whose "input" is the whole amount or nothing (no leg model then). */
    private final boolean hasPath;
    /** The points of u at which {@link #modelRoot} evaluates the legs' model. */
    private final double[] knots;
    /** The rates at which the legs were asked for their inputs so far. */
    private int tries;
    /** Whether {@link #outward}'s last try was the model's answer, not a geometric step or a kink. */
    private boolean outwardModelled;

    /**
     * A bracket for {@code amount} over {@code legs}, whose marginal rates at zero are {@code rate0}
     * ({@link #ratesAtZero}) with a positive {@link #highest}: at that rate every leg takes nothing.
     */
    RateBracket(List<RouteLeg> legs, double[] rate0, double amount) {
        this(legs, rate0, amount, null);
    }

    /**
     * {@link #RateBracket(List, double[], double)} working in {@code scratch}'s arrays (null: arrays of its own), which
     * it makes ready ({@link SplitScratch#bracketOf}); they are the scratch's again once the bracket is read no more.
     */
    RateBracket(List<RouteLeg> legs, double[] rate0, double amount, SplitScratch scratch) {
        this.legs = legs;
        this.rate0 = rate0;
        this.amount = amount;
        this.uHi = 1 / Math.sqrt(highest(rate0));
        this.gHi = -amount;
        this.leftAtHi = amount;
        this.legCount = legs.size();
        if (scratch == null) {
            this.inputsAtHi = new double[legCount];
            this.inputsAtLo = new double[legCount];
            this.inputsTried = new double[legCount];
            this.kink = new double[legCount];
            this.knots = new double[legCount + 2];
        } else {
            scratch.bracketOf(legCount);
            this.inputsAtHi = scratch.atHi();
            this.inputsAtLo = scratch.atLo();
            this.inputsTried = scratch.tried();
            this.kink = scratch.kinks();
            this.knots = scratch.knots();
        }
        boolean path = false;
        for (int i = 0; i < legCount; i++) {
            kink[i] = rate0[i] > 0 ? 1 / Math.sqrt(rate0[i]) : Double.POSITIVE_INFINITY;
            path |= legs.get(i).path != null;
        }
        this.hasPath = path;
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
            boolean modelled = false;
            if (Double.isNaN(uLo)) {
                u = outward();
                modelled = outwardModelled;
            } else {
                // The legs' model first; after two steps in a row on one side (a leg far from its model: a book's
                // levels, a pool crossing ticks) the Illinois secant, whose halved weight cannot stall.
                if (modelJustPast) {
                    u = uLo * (1 - NUDGE);
                } else if (Math.abs(kept) < 2) {
                    u = modelRoot();
                    modelled = true;
                } else {
                    u = Double.NaN;
                }
                if (!(u > uHi && u < uLo)) {
                    u = uHi - gHi * (uLo - uHi) / (gLo - gHi);
                }
                if (!(u > uHi && u < uLo)) {
                    u = 0.5 * (uHi + uLo);
                }
            }
            double g = uncappedTaken(1 / (u * u)) - amount;
            tries++;
            modelJustPast = modelled && g > 0 && g <= NUDGE_TAKEN * amount;
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
        double modelled = outwardModel();
        outwardModelled = modelled >= stepped;
        if (modelled > uHi) {
            // Never less than the geometric step, which grows eightfold each time: legs that run out of liquidity
            // keep a model that creeps, and the geometric step still reaches their end in a few tries.
            outwardStep *= 8;
            return Math.max(modelled, stepped);
        }
        double atNext = Double.POSITIVE_INFINITY;
        for (int i = 0; i < legCount; i++) {
            double u = kink[i];
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

    /**
     * Where the legs taking something at hi would take the amount if each went on along its chord from its kink (its
     * rate at zero, where its input is 0) to its input at hi: what is left at hi over the chords' summed slopes. A
     * constant-product pool's input is affine in u beyond its kink, and a concentrated pool's within a tick range, so
     * for such legs the chord is the leg and one step lands on the answer (legs yet to start only add to it, so the
     * step overshoots rather than falls short). NaN when no leg takes anything at hi, or with a path.
     */
    private double outwardModel() {
        if (hasPath) {
            return Double.NaN;
        }
        double slope = 0;
        for (int i = 0; i < legCount; i++) {
            if (inputsAtHi[i] > 0 && uHi > kink[i]) {
                slope += inputsAtHi[i] / (uHi - kink[i]);
            }
        }
        double u = uHi + leftAtHi / slope;
        return slope > 0 && Double.isFinite(u) ? u : Double.NaN;
    }

    /**
     * The u in the bracket at which the legs' model takes the amount: each leg linear in u between its inputs at hi
     * and at lo, or, for a leg whose kink lies inside the bracket, nothing up to its kink and linear from there to
     * its input at lo. Exact where every leg is affine in u across the bracket beyond its kink (constant-product
     * pools; concentrated pools within a tick range), where the secant through the two ends is not once a leg starts
     * inside. The model is piecewise linear with its knots at the ends and the kinks inside, so the root is found on
     * the stretch between the two knots whose model values straddle the amount. NaN with a path, or when the model
     * does not straddle it (rounding).
     */
    private double modelRoot() {
        if (hasPath) {
            return Double.NaN;
        }
        int n = 0;
        knots[n++] = uHi;
        for (int i = 0; i < legCount; i++) {
            double k = kink[i];
            if (k > uHi && k < uLo) {
                // Insertion in order: a handful of legs.
                int at = n;
                while (at > 1 && knots[at - 1] > k) {
                    knots[at] = knots[at - 1];
                    at--;
                }
                knots[at] = k;
                n++;
            }
        }
        knots[n++] = uLo;
        double uBefore = uHi;
        double before = model(uHi);
        for (int j = 1; j < n; j++) {
            double u = knots[j];
            double at = model(u);
            if (before < amount && at >= amount) {
                return uBefore + (u - uBefore) * (amount - before) / (at - before);
            }
            uBefore = u;
            before = at;
        }
        return Double.NaN;
    }

    /** The legs' model at {@code u} in the bracket: {@link #modelRoot}. */
    private double model(double u) {
        double total = 0;
        for (int i = 0; i < legCount; i++) {
            if (!(kink[i] < uLo)) {
                continue; // takes nothing anywhere in the bracket
            }
            double from = Math.max(uHi, kink[i]);
            // A leg starting inside the bracket took nothing at hi (its input there is 0).
            double start = inputsAtHi[i];
            total += u <= from ? start : start + (inputsAtLo[i] - start) * (u - from) / (uLo - from);
        }
        return total;
    }

    /** The upper end of the bracket on λ, where the legs take at most the amount. */
    double hi() {
        return 1 / (uHi * uHi);
    }

    /** How many rates the legs were asked at so far (each a quote of every leg that takes something there). */
    int tries() {
        return tries;
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
