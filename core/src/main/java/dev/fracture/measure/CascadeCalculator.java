package dev.fracture.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cascade fixpoint: from an initial shock that puts the moved assets at {@code m0} times their reference price,
 * liquidate every position the rules allow at the current price, sell its moved collateral, let the impact model move
 * the price to {@code m0 · (1 − fall(cumulative sales))}, and repeat until a round liquidates no new position. A
 * liquidation is not undone when the price is later found higher, so sales only grow and the price only falls:
 * the iteration ends after at most one round per position, at the largest resting price below {@code m0}.
 *
 * <p>The resting multiplier {@code m*(m0)} is non-decreasing in {@code m0}; its jumps are the fractures. The
 * <b>critical shock</b> is located in two steps: on the grid, the first step down at which the resting price falls by
 * at least {@code jumpThreshold} more than the initial price does; then bisection on {@code m0} inside that step to
 * 1e-7 for the point where the resting price leaves the branch above (it has fallen by more than half the threshold
 * beyond the initial price's own move).
 */
public final class CascadeCalculator {
    public static final CascadeCalculator DEFAULT = new CascadeCalculator();
    /** A jump of 5% of the reference price or more in the resting price, beyond the initial shock's own step. */
    public static final double DEFAULT_JUMP_THRESHOLD = 0.05;

    private CascadeCalculator() {
    }

    /** One fixpoint. */
    public CascadeCurve.Point fixpoint(ShockProjection projection, ImpactModel impact, double initialShock) {
        ShockGrid.checkShock(initialShock, "cascade");
        return run(projection, impact, 1 + initialShock, null);
    }

    /** The cascade-adjusted curve over the grid's falls, with its critical shock. */
    public CascadeCurve curve(ShockProjection projection, ImpactModel impact, ShockGrid grid, double jumpThreshold) {
        if (!(jumpThreshold > 0 && jumpThreshold < 1)) {
            throw new IllegalArgumentException("cascade: jumpThreshold must be in (0, 1), was " + jumpThreshold);
        }
        List<CascadeCurve.Point> points = new ArrayList<>();
        for (int k = 0; k <= grid.maxDownPercent(); k++) {
            points.add(run(projection, impact, 1 + ShockGrid.down(k), null));
        }
        CascadeCurve.CriticalShock critical = null;
        for (int k = 0; k + 1 < points.size() && critical == null; k++) {
            double hi = 1 + points.get(k).initialShock();
            double lo = 1 + points.get(k + 1).initialShock();
            double restHi = 1 + points.get(k).finalShock();
            double restLo = 1 + points.get(k + 1).finalShock();
            if (restHi - restLo - (hi - lo) >= jumpThreshold) {
                critical = locate(projection, impact, lo, hi, restLo, jumpThreshold);
            }
        }
        return new CascadeCurve(projection.scope().asset(), impact.name(), impact.parameters(), jumpThreshold, points,
                critical);
    }

    private CascadeCurve.CriticalShock locate(ShockProjection projection, ImpactModel impact, double lo, double hi,
                                              double restLo, double threshold) {
        // Invariant: lo is on the low branch, hi is not.
        double a = lo;
        double b = hi;
        while (b - a > 1e-7) {
            double mid = 0.5 * (a + b);
            double rest = 1 + run(projection, impact, mid, null).finalShock();
            if (rest - restLo - (mid - lo) <= threshold / 2) {
                a = mid;
            } else {
                b = mid;
            }
        }
        List<Integer> fell = new ArrayList<>();
        CascadeCurve.Point below = run(projection, impact, a, fell);
        CascadeCurve.Point above = run(projection, impact, b, null);
        fell.sort(Comparator.comparingDouble((Integer i) -> -projection.movedCollateralReferenceUsd(i))
                .thenComparing(i -> projection.position(i).label()));
        List<String> labels = fell.stream().map(i -> projection.position(i).label()).toList();
        return new CascadeCurve.CriticalShock(b - 1, above.finalShock(), below.finalShock(), labels);
    }

    /** The fixpoint from {@code m0}; the indexes of the positions liquidated go to {@code fell} when given. */
    private static CascadeCurve.Point run(ShockProjection p, ImpactModel impact, double m0, List<Integer> fell) {
        int n = p.size();
        boolean[] liquidated = new boolean[n];
        double sold = 0;
        double m = m0;
        int count = 0;
        int iterations = 0;
        while (true) {
            boolean added = false;
            for (int i = 0; i < n; i++) {
                if (!liquidated[i] && p.liquidatable(i, m)) {
                    liquidated[i] = true;
                    sold += p.movedCollateralReferenceUsd(i);
                    count++;
                    added = true;
                }
            }
            if (!added) {
                break;
            }
            iterations++;
            m = m0 * (1 - impact.fall(sold));
        }
        double collateral = 0;
        for (int i = 0; i < n; i++) {
            if (liquidated[i]) {
                collateral += p.collateralUsd(i, m);
                if (fell != null) {
                    fell.add(i);
                }
            }
        }
        return new CascadeCurve.Point(m0 - 1, m - 1, p.scope().referencePriceUsd() * m, count, sold, collateral,
                iterations);
    }
}
