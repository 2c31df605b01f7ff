package dev.fracture.measure;

import java.util.ArrayList;
import java.util.List;

/** Computes the {@link SolvencyBoundary} from the positions and the aggregated depth curve. */
public final class SolvencyBoundaryCalculator {
    public static final SolvencyBoundaryCalculator DEFAULT = new SolvencyBoundaryCalculator();
    /** The standard report's band: the depth within 2% of the price, the tightest band depth is quoted at. */
    public static final double DEFAULT_BAND = 0.02;

    private SolvencyBoundaryCalculator() {
    }

    public SolvencyBoundary boundary(ShockProjection projection, DepthCurve depth, ShockGrid grid, double band) {
        if (!(band > 0 && band < 1)) {
            throw new IllegalArgumentException("solvency boundary: band must be in (0, 1), was " + band);
        }
        double absorbable = depth.absorbedWithin(band);
        List<SolvencyBoundary.Point> points = new ArrayList<>();
        Double boundary = null;
        for (int k = 0; k <= grid.maxDownPercent(); k++) {
            double shock = ShockGrid.down(k);
            double m = 1 + shock;
            double sales = 0;
            for (int i = 0, n = projection.size(); i < n; i++) {
                if (projection.liquidatable(i, m)) {
                    sales += projection.movedCollateralReferenceUsd(i);
                }
            }
            double ratio = absorbable > 0 ? sales / absorbable : (sales > 0 ? Double.POSITIVE_INFINITY : 0);
            points.add(new SolvencyBoundary.Point(shock, sales, ratio));
            if (boundary == null && ratio > 1) {
                boundary = shock;
            }
        }
        Double price = boundary == null ? null : projection.scope().referencePriceUsd() * (1 + boundary);
        return new SolvencyBoundary(projection.scope().asset(), band, absorbable, points, boundary, price);
    }
}
