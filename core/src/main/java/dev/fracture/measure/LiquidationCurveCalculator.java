package dev.fracture.measure;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The liquidation curve of an asset: at each shock of a {@link ShockGrid}, the positions whose protocol's own rule
 * (see {@link PositionReader}) lets them be liquidated, with the asset and everything standing on it at the shocked
 * price and every other price at its reference. The collateral counted is the position's whole seizable collateral
 * at the shocked prices — what liquidators may take, an upper bound on what is sold (close factors and bonuses decide
 * the rest, in the engine). Prices are the ones the feeds settle at: an OSM-delayed feed (Maker) reaches the shocked
 * price one hop later, which the static curve does not show.
 */
public final class LiquidationCurveCalculator {
    public static final LiquidationCurveCalculator DEFAULT = new LiquidationCurveCalculator();

    private LiquidationCurveCalculator() {
    }

    /** The curve of {@code asset} on the default grid. */
    public LiquidationCurve curve(ExposureBook book, AssetId asset) {
        return curve(book.project(book.scope(asset)), ShockGrid.DEFAULT);
    }

    public LiquidationCurve curve(ShockProjection projection, ShockGrid grid) {
        ShockScope scope = projection.scope();
        List<LiquidationCurve.Point> down = new ArrayList<>();
        for (int k = 0; k <= grid.maxDownPercent(); k++) {
            down.add(point(projection, ShockGrid.down(k)));
        }
        List<LiquidationCurve.Point> up = new ArrayList<>();
        if (owedAsDebt(projection)) {
            for (int k = 0; k <= grid.maxUpPercent(); k++) {
                up.add(point(projection, ShockGrid.up(k)));
            }
        }
        return new LiquidationCurve(scope.asset(), scope.referencePriceUsd(), scope.movedList(), down, up);
    }

    /** The curve at one shock (any finite shock above −100%). */
    public LiquidationCurve.Point point(ShockProjection projection, double shock) {
        ShockGrid.checkShock(shock, "liquidation curve");
        double m = 1 + shock;
        int count = 0;
        double collateral = 0;
        double debt = 0;
        double[] byProtocol = new double[projection.protocols().size()];
        double[] byChain = new double[projection.chains().size()];
        for (int i = 0, n = projection.size(); i < n; i++) {
            if (projection.liquidatable(i, m)) {
                double c = projection.collateralUsd(i, m);
                count++;
                collateral += c;
                debt += projection.debtUsd(i, m);
                byProtocol[projection.protocolIndex(i)] += c;
                byChain[projection.chainIndex(i)] += c;
            }
        }
        Map<ProtocolId, Double> p = new TreeMap<>();
        for (int k = 0; k < byProtocol.length; k++) {
            if (byProtocol[k] > 0) {
                p.put(projection.protocols().get(k), byProtocol[k]);
            }
        }
        Map<ChainId, Double> c = new TreeMap<>();
        for (int k = 0; k < byChain.length; k++) {
            if (byChain[k] > 0) {
                c.put(projection.chains().get(k), byChain[k]);
            }
        }
        return new LiquidationCurve.Point(shock, projection.scope().referencePriceUsd() * m, count, collateral, debt, p,
                c);
    }

    /** The explain form: the positions behind the point at {@code shock}, largest collateral first. */
    public List<LiquidatablePosition> explain(ShockProjection projection, double shock) {
        ShockGrid.checkShock(shock, "liquidation curve");
        double m = 1 + shock;
        List<LiquidatablePosition> out = new ArrayList<>();
        for (int i = 0, n = projection.size(); i < n; i++) {
            if (projection.liquidatable(i, m)) {
                Position p = projection.position(i);
                out.add(new LiquidatablePosition(p.protocol(), p.kind(), p.chain(), p.market(), p.account(),
                        projection.margin(i, m), projection.collateralUsd(i, m), projection.debtUsd(i, m)));
            }
        }
        out.sort(Comparator.comparingDouble(LiquidatablePosition::collateralUsd).reversed()
                .thenComparing(l -> l.protocol().value()).thenComparing(l -> l.account().value()));
        return out;
    }

    private static boolean owedAsDebt(ShockProjection projection) {
        for (Position p : projection.book().positions()) {
            for (Position.Leg l : p.legs()) {
                if (l.debtUsd() > 0 && projection.scope().moves(l.asset())) {
                    return true;
                }
            }
        }
        return false;
    }
}
