package dev.fracture.measure;

import dev.fracture.model.AssetId;
import dev.fracture.model.SortedMaps;
import java.util.List;
import java.util.Map;

/**
 * The cascade-adjusted curve: for each initial shock, where forced selling and its impact bring the price to rest, and
 * the critical shock — the smallest initial fall at which that resting price jumps (the fracture point); null when no
 * jump of at least {@code jumpThreshold} happens on the grid.
 *
 * @param jumpThreshold the smallest jump, as a fraction of the reference price, that counts as a fracture
 */
public record CascadeCurve(AssetId asset, String impactModel, Map<String, Double> impactParameters,
                           double jumpThreshold, List<Point> points, CriticalShock critical) {
    public CascadeCurve {
        // By name, so the text report lists them in the same order on every run (as the JSON does).
        impactParameters = SortedMaps.copyOf(impactParameters);
        points = List.copyOf(points);
    }

    /**
     * One initial shock and its fixpoint.
     *
     * @param finalShock          the resting price as a shock from the reference (−0.4 = 40% below)
     * @param forcedSalesUsd      the moved collateral of the liquidated positions, tokens at reference prices
     * @param liquidatedCollateralUsd their whole seizable collateral at the resting prices
     * @param iterations          rounds of price → liquidations → impact until no new position fell
     */
    public record Point(double initialShock, double finalShock, double finalPriceUsd, int positions,
                        double forcedSalesUsd, double liquidatedCollateralUsd, int iterations) {
    }

    /**
     * The fracture point: an initial shock of {@code shock} or more sends the price from about
     * {@code finalShockAbove} to {@code finalShockBelow}.
     *
     * @param liquidatedBelow the explain form: the positions liquidated just past the point, largest first
     */
    public record CriticalShock(double shock, double finalShockAbove, double finalShockBelow,
                                List<String> liquidatedBelow) {
        public CriticalShock {
            liquidatedBelow = List.copyOf(liquidatedBelow);
        }
    }
}
