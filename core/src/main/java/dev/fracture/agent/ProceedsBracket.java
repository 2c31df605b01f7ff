package dev.fracture.agent;

import dev.fracture.market.Market;
import dev.fracture.model.AssetId;

/**
 * Bounds on what selling an amount brings through the router's split ({@link SaleQuotes#proceeds}), found from what
 * the split brings at the points of a fixed geometric grid around the amount, without splitting the amount itself:
 * {@code floor ≤ proceeds(amount) ≤ ceiling}. A liquidator sizing many positions of one pair in one block asks for
 * a sale of each position's own size, and most of its tests (does the sale pay after gas, is its slippage within the
 * share of the bonus) are answered by either end of the bracket; the grid's points are shared by every position of
 * the pair while the venues stand, so the quotes behind the bracket are remembered ({@link RememberedQuotes}) and the
 * router splits only the sales whose test falls inside it.
 *
 * <p>Why the bounds hold. The most a split of X over the pair's legs can bring, OPT(X), is the maximum of
 * {@code Σᵢ fᵢ(xᵢ)} over {@code Σᵢ xᵢ = X}, each venue's output fᵢ concave; maximizing a jointly concave function over
 * one of its arguments leaves a concave function of the rest (Boyd and Vandenberghe, <i>Convex Optimization</i>,
 * §3.2.5), so OPT is concave, and OPT(0) = 0. Every quote q(y) is one split's output, so q(y) ≤ OPT(y), and where
 * the router splits by water-filling ({@link SaleQuotes#splitsByWaterFilling}) q(y) falls short of OPT(y) by at most
 * 1e-10 of λ*·y ≤ OPT(y) ({@code WaterFillingSplit.PRECISION}; λ* the split's common marginal rate, which a concave
 * output's average rate is never under). With grid points {@code a0 < a ≤ X < b}:
 * <ul>
 *   <li>floor: OPT lies above its chords, so {@code OPT(X) ≥ q(a) + (q(b) − q(a))·(X − a)/(b − a)};</li>
 *   <li>ceiling: OPT's slope only falls, so {@code OPT(X) ≤ OPT(a) + (OPT(a) − OPT(a0))·t},
 *   {@code t = (X − a)/(a − a0)}, at most {@code (1 + t)·q(a)·(1 + 1e-9) − t·q(a0)};</li>
 * </ul>
 * and q(X) lies within 1e-10 of OPT(X) below it. Both ends are widened by {@value #MARGIN} of q(b), far above that and
 * the rounding of the few operations here, so {@code floor ≤ q(X) ≤ ceiling}. The points are {@code 2^(j/8)}: eight
 * to an octave, so a chord spans 9% of the amount and the bracket is a few parts in ten thousand of the slippage.
 * <p>Rounding. A venue's quote is exact only up to its arithmetic's rounding, which is relative to the venue's own
 * size, not the sale's (a concentrated-liquidity pool's output is a difference of its virtual reserves' terms; a
 * StableSwap pool's, of its invariant's): for a sale of a few units of a token's smallest denomination the quotes are
 * not concave at all. So a sale is bracketed only when it is worth at least {@value #LEAST_USD} USD — where a pool of
 * ten billion dollars rounds to a part in ten billion of it, far under the margin — and only when the three quotes
 * themselves are concave (the average rate and the chords' slopes falling, to a part in 10¹²): a bracket is never
 * built on quotes in which rounding shows.
 *
 * <p>Where the water-filling cannot finish (a venue refusing a rate, legs that cannot take the amount) the router falls
 * back to its greedy split, whose shortfall is not bounded in advance: the bracket then rests on that split being as
 * close. Checked in the benchmark's cascade at 1,000,000 accounts (docs/cascade-steps.md, step 81): each of a run's
 * 3,702,916 brackets held its amount's split, 3,257 of them split by the fallback, none of which came nearer either
 * end than the margin itself; the reference engine, whose quotes never bracket, ends in the same state on the 200
 * seeded ecosystems of {@code ReferenceEqualityTest}.
 */
record ProceedsBracket(double floor, double ceiling) {
    /** Grid points per doubling of the amount. */
    static final int STEPS_PER_OCTAVE = 8;
    /** Relative widening of both ends, of the quote at the grid point above the amount. */
    static final double MARGIN = 1e-6;
    /** The least value of a sale, USD, that is bracketed; a smaller one is quoted. */
    static final double LEAST_USD = 100;
    /** How far the quotes' average rates and chords' slopes may rise, relative, and still count as concave. */
    private static final double CONCAVE_TOLERANCE = 1e-12;
    /** The split's shortfall from the best split allowed at a grid point below, relative (above its 1e-10). */
    private static final double SHORTFALL = 1e-9;
    private static final double[] OCTAVE = new double[STEPS_PER_OCTAVE];

    static {
        for (int i = 0; i < STEPS_PER_OCTAVE; i++) {
            OCTAVE[i] = Math.pow(2, (double) i / STEPS_PER_OCTAVE);
        }
    }

    /**
     * The bracket of {@code quotes}' proceeds of {@code amount} of {@code in} sold for {@code out}, from its quotes at
     * grid points up to {@code most} — an amount the pair's legs take at some marginal rate (the sizing's input at
     * its rate, {@link SaleQuotes#inputAtMarginalRate}), above {@code amount}. The quotes must split by water-filling
     * ({@link SaleQuotes#splitsByWaterFilling}), and the sale be worth at least {@link #LEAST_USD} (the caller's
     * test: it knows the prices). Null when the amount is not strictly between 0 and {@code most}, or a quote is not
     * a finite number, or the three quotes are not concave; the caller then quotes the amount itself.
     */
    static ProceedsBracket around(SaleQuotes quotes, Market market, AssetId in, AssetId out, double amount,
                                  double most) {
        if (!(amount > 0 && amount < most) || Double.isInfinite(most)) {
            return null;
        }
        int j = (int) Math.floor(Math.log(amount) / Math.log(2) * STEPS_PER_OCTAVE);
        // The logarithm's rounding may put the amount a point off: the grid point below it, and the next above.
        while (point(j) > amount) {
            j--;
        }
        while (point(j + 1) <= amount) {
            j++;
        }
        double a = point(j);
        double above = point(j + 1);
        double b = Math.min(above, most);
        double a0 = point(j - 1);
        double qa = quotes.proceedsAtGridPoint(market, in, out, j);
        double qb = b == above ? quotes.proceedsAtGridPoint(market, in, out, j + 1)
                : quotes.proceeds(market, in, out, b);
        double qa0 = quotes.proceedsAtGridPoint(market, in, out, j - 1);
        if (!Double.isFinite(qa) || !Double.isFinite(qb) || !Double.isFinite(qa0) || !concave(a0, qa0, a, qa, b, qb)) {
            return null;
        }
        double chord = qa + (qb - qa) * ((amount - a) / (b - a));
        double t = (amount - a) / (a - a0);
        double secant = (1 + t) * qa * (1 + SHORTFALL) - t * qa0;
        double margin = MARGIN * Math.abs(qb);
        return new ProceedsBracket(chord - margin, secant + margin);
    }

    /**
     * Whether three quotes at {@code x0 < x1 < x2} lie on a concave curve through the origin, to
     * {@link #CONCAVE_TOLERANCE}: the average rate does not rise from one to the next, and neither does the chords'
     * slope.
     */
    private static boolean concave(double x0, double q0, double x1, double q1, double x2, double q2) {
        double rise = 1 + CONCAVE_TOLERANCE;
        double r0 = q0 / x0;
        double r1 = q1 / x1;
        double r2 = q2 / x2;
        double s1 = (q1 - q0) / (x1 - x0);
        double s2 = (q2 - q1) / (x2 - x1);
        return q0 >= 0 && r1 <= r0 * rise && r2 <= r1 * rise && s2 <= s1 + Math.abs(s1) * CONCAVE_TOLERANCE;
    }

    /** The grid's point {@code j}: {@code 2^(j / STEPS_PER_OCTAVE)}, the same bits whatever asks for it. */
    static double point(int j) {
        return Math.scalb(OCTAVE[Math.floorMod(j, STEPS_PER_OCTAVE)], Math.floorDiv(j, STEPS_PER_OCTAVE));
    }
}
