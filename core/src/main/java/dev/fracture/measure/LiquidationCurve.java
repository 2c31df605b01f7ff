package dev.fracture.measure;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.SortedMaps;
import java.util.List;
import java.util.Map;

/**
 * Collateral the protocols' own rules declare liquidatable as one asset's price moves, every other price held at its
 * reference. {@code down} runs from 0 to the grid's largest fall, {@code up} (empty unless the asset is owed as debt
 * somewhere) from 0 to its largest rise.
 *
 * @param movesWith the assets that move with the shocked one (see {@link ShockScope})
 */
public record LiquidationCurve(AssetId asset, double referencePriceUsd, List<AssetId> movesWith, List<Point> down,
                               List<Point> up) {
    public LiquidationCurve {
        movesWith = List.copyOf(movesWith);
        down = List.copyOf(down);
        up = List.copyOf(up);
    }

    /**
     * One shock: the positions liquidatable there, their seizable collateral and their debt at the shocked prices,
     * and the collateral split by protocol and by chain. The splits iterate in id order (protocol ids, chain ids), as
     * the report's table and JSON print them: {@code Map.copyOf} would iterate in an order that changes from one JVM
     * to the next, and the same snapshot must give the same bytes.
     *
     * @param shock    fraction of the reference price, −0.3 = a 30% fall
     * @param priceUsd the shocked asset's price
     */
    public record Point(double shock, double priceUsd, int positions, double collateralUsd, double debtUsd,
                        Map<ProtocolId, Double> byProtocol, Map<ChainId, Double> byChain) {
        public Point {
            byProtocol = SortedMaps.copyOf(byProtocol);
            byChain = SortedMaps.copyOf(byChain);
        }
    }

    /** The point at {@code shock} on the grid, if the curve has it. */
    public java.util.Optional<Point> at(double shock) {
        List<Point> side = shock <= 0 ? down : up;
        return side.stream().filter(p -> Math.abs(p.shock() - shock) < 1e-12).findFirst();
    }
}
