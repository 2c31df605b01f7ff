package dev.fracture.measure;

import dev.fracture.model.AssetId;
import java.util.List;

/**
 * The liquidation engine's solvency boundary — "the critical price level where the size of forced collateral sales
 * exceeds the market's instantaneous ability to absorb them without cascading slippage" (the source documents,
 * ../shared/seeds/002) — and the ratio of the two at every shock of the curve. Forced sales are the moved collateral
 * of every position liquidatable at the shocked price; the ability to absorb is the aggregated venue depth within
 * {@code band} of the price. A ratio above 1 means the sales push the price further than the band, into the next
 * liquidations: the cascade feeds itself.
 *
 * @param boundaryShock    the smallest fall at which the ratio exceeds 1 (the highest such price); null if none
 * @param boundaryPriceUsd the shocked asset's price there; null if none
 */
public record SolvencyBoundary(AssetId asset, double band, double absorbableUsd, List<Point> points,
                               Double boundaryShock, Double boundaryPriceUsd) {
    public SolvencyBoundary {
        points = List.copyOf(points);
    }

    /** One shock: the cumulative forced sales there (tokens at reference prices) and their ratio to the depth. */
    public record Point(double shock, double forcedSalesUsd, double ratio) {
    }
}
