package dev.fracture.measure;

import java.util.Arrays;

/**
 * Volume an asset's markets absorb as its price is pushed down: {@code absorbedUsd[k]} is the amount (tokens valued
 * at the snapshot's reference price) that moves the price down by {@code moves[k]}, both non-decreasing, piecewise
 * linear in between. Built from venue depth by {@link DepthCalculator}, or given by hand. Beyond the last point the
 * markets are exhausted: more selling moves the price by the last move and no further (the venues have nothing left).
 */
public final class DepthCurve {
    private final double[] moves;
    private final double[] absorbedUsd;

    private DepthCurve(double[] moves, double[] absorbedUsd) {
        this.moves = moves;
        this.absorbedUsd = absorbedUsd;
    }

    /**
     * A curve through the given points; the first must be (0, 0).
     *
     * @throws IllegalArgumentException for arrays of different lengths, a first point other than (0, 0), moves outside
     *                                  [0, 1) or not increasing, volumes negative, NaN or decreasing
     */
    public static DepthCurve of(double[] moves, double[] absorbedUsd) {
        if (moves.length != absorbedUsd.length || moves.length < 2) {
            throw new IllegalArgumentException("depth curve: moves and absorbedUsd must have the same length, at least 2");
        }
        if (moves[0] != 0 || absorbedUsd[0] != 0) {
            throw new IllegalArgumentException("depth curve: the first point must be (0, 0)");
        }
        for (int k = 1; k < moves.length; k++) {
            if (!(moves[k] > moves[k - 1]) || !(moves[k] < 1)) {
                throw new IllegalArgumentException("depth curve: moves must increase within [0, 1), moves[" + k + "] = "
                        + moves[k]);
            }
            if (!(absorbedUsd[k] >= absorbedUsd[k - 1]) || Double.isInfinite(absorbedUsd[k])) {
                throw new IllegalArgumentException("depth curve: absorbedUsd must be finite and non-decreasing, "
                        + "absorbedUsd[" + k + "] = " + absorbedUsd[k]);
            }
        }
        return new DepthCurve(moves.clone(), absorbedUsd.clone());
    }

    public double[] moves() {
        return moves.clone();
    }

    public double[] absorbedUsd() {
        return absorbedUsd.clone();
    }

    /** The deepest move the curve knows; selling more than {@link #totalUsd()} moves the price by this much. */
    public double maxMove() {
        return moves[moves.length - 1];
    }

    public double totalUsd() {
        return absorbedUsd[absorbedUsd.length - 1];
    }

    /** Volume absorbed within a move of {@code move}. */
    public double absorbedWithin(double move) {
        if (!(move >= 0)) {
            throw new IllegalArgumentException("depth curve: move must be >= 0, was " + move);
        }
        if (move >= maxMove()) {
            return totalUsd();
        }
        int k = Arrays.binarySearch(moves, move);
        if (k >= 0) {
            return absorbedUsd[k];
        }
        int hi = -k - 1;
        int lo = hi - 1;
        double t = (move - moves[lo]) / (moves[hi] - moves[lo]);
        return absorbedUsd[lo] + t * (absorbedUsd[hi] - absorbedUsd[lo]);
    }

    /** The move that selling {@code soldUsd} causes: the inverse of {@link #absorbedWithin}, capped at the last move. */
    public double moveFor(double soldUsd) {
        if (!(soldUsd >= 0) || Double.isInfinite(soldUsd)) {
            throw new IllegalArgumentException("depth curve: sold volume must be a finite number >= 0, was " + soldUsd);
        }
        if (soldUsd == 0) {
            return 0;
        }
        if (soldUsd >= totalUsd()) {
            return maxMove();
        }
        int k = 1;
        while (absorbedUsd[k] < soldUsd) {
            k++;
        }
        double span = absorbedUsd[k] - absorbedUsd[k - 1];
        double t = span == 0 ? 0 : (soldUsd - absorbedUsd[k - 1]) / span;
        return moves[k - 1] + t * (moves[k] - moves[k - 1]);
    }

    /**
     * What selling {@code soldUsd} in one go loses against the pre-trade price, USD at reference: each slice is
     * sold at the price the slices before it left, {@code ∫0^Q move(q) dq}; what lies beyond the curve's volume is
     * sold at the last move.
     */
    public double liquidationCostUsd(double soldUsd) {
        moveFor(soldUsd);
        double cost = 0;
        for (int k = 1; k < moves.length && absorbedUsd[k - 1] < soldUsd; k++) {
            double q0 = absorbedUsd[k - 1];
            double q1 = absorbedUsd[k];
            if (q1 == q0) {
                continue;
            }
            double qb = Math.min(q1, soldUsd);
            double fb = moves[k - 1] + (qb - q0) / (q1 - q0) * (moves[k] - moves[k - 1]);
            cost += (qb - q0) * (moves[k - 1] + fb) / 2;
        }
        if (soldUsd > totalUsd()) {
            cost += (soldUsd - totalUsd()) * maxMove();
        }
        return cost;
    }

}
