package dev.fracture.measure;

import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Assembles the {@link RiskReport} of a snapshot: for each asset asked for (by default every asset held as collateral
 * or owed as debt by some position) every per-asset measure, then the oracle dependencies and the contagion network.
 * Stateless; the same snapshot and options give the same report.
 */
public final class RiskReportBuilder {
    public static final RiskReportBuilder DEFAULT = new RiskReportBuilder();

    private RiskReportBuilder() {
    }

    /**
     * @throws IllegalArgumentException when the ecosystem has no lending or CDP position to measure, or names an
     *                                  asset it does not have
     */
    public RiskReport build(EcosystemSnapshot snapshot, List<AssetId> assets, RiskReport.Options options) {
        return build(ExposureBook.of(snapshot), assets, options);
    }

    /**
     * The report of a book whose positions the caller holds (the service's live positions, valued at the book
     * snapshot's reference prices); venues, feeds and protocols come from the book's snapshot.
     */
    public RiskReport build(ExposureBook book, List<AssetId> assets, RiskReport.Options options) {
        EcosystemSnapshot snapshot = book.snapshot();
        if (book.positions().isEmpty()) {
            throw new IllegalArgumentException("ecosystem '" + snapshot.name() + "' has no lending or CDP positions: "
                    + "there is nothing to measure (a report needs protocols with accounts)");
        }
        List<AssetId> chosen = assets == null || assets.isEmpty() ? usedAssets(book) : assets;
        chosen.forEach(book::scope);
        for (AssetId a : options.dailyVolatility().keySet()) {
            book.scope(a);
        }
        Market market = Market.of(snapshot, MathMode.FAST);
        List<RiskReport.AssetRisk> out = new ArrayList<>();
        for (AssetId id : chosen) {
            out.add(asset(book, market, id, options));
        }
        RiskReport.Parameters parameters = new RiskReport.Parameters(options.grid().maxDownPercent(),
                options.grid().maxUpPercent(), options.jumpThreshold(), options.boundaryBand(),
                options.lvarHorizonDays(), options.lvarConfidence(), options.fragmentationSizesUsd());
        RiskReport.SnapshotRef ref = new RiskReport.SnapshotRef(snapshot.name(), snapshot.asOf(),
                snapshot.protocols().size(), book.positions().size());
        return new RiskReport(RiskReport.SCHEMA_VERSION, ref, parameters, out,
                OracleDependencyCalculator.DEFAULT.dependencies(book), ContagionCalculator.DEFAULT.network(book));
    }

    private static RiskReport.AssetRisk asset(ExposureBook book, Market market, AssetId id, RiskReport.Options o) {
        Asset asset = book.asset(id);
        ShockScope scope = book.scope(id);
        ShockProjection projection = book.project(scope);
        Depth depth = DepthCalculator.DEFAULT.depth(market, scope);
        DepthCurve curve = DepthCalculator.DEFAULT.curve(market, scope);
        Double sigma = o.dailyVolatility().get(id);
        List<Lvar> lvar = sigma == null ? List.of()
                : LvarCalculator.DEFAULT.perAssetAndProtocol(projection, curve, sigma, o.lvarHorizonDays(),
                o.lvarConfidence());
        MonteCarloSample sample = o.samples().get(id);
        return new RiskReport.AssetRisk(id, asset.chain(), asset.symbol(), asset.referencePriceUsd(),
                LiquidationCurveCalculator.DEFAULT.curve(projection, o.grid()),
                CascadeCalculator.DEFAULT.curve(projection, new DepthImpact(curve), o.grid(), o.jumpThreshold()),
                depth,
                SolvencyBoundaryCalculator.DEFAULT.boundary(projection, curve, o.grid(), o.boundaryBand()),
                sigma, lvar, ConcentrationCalculator.DEFAULT.concentration(projection),
                FragmentationCalculator.DEFAULT.fragmentation(market, depth, o.fragmentationSizesUsd()),
                sample == null ? null : TailRiskCalculator.DEFAULT.tailRisk(sample));
    }

    /** Assets some position holds as collateral or owes, in snapshot order. */
    static List<AssetId> usedAssets(ExposureBook book) {
        Set<AssetId> used = new LinkedHashSet<>();
        for (Position p : book.positions()) {
            for (Position.Leg l : p.legs()) {
                if (l.collateralUsd() > 0 || l.debtUsd() > 0) {
                    used.add(l.asset());
                }
            }
        }
        List<AssetId> ordered = new ArrayList<>();
        for (Asset a : book.snapshot().assets()) {
            if (used.contains(a.id())) {
                ordered.add(a.id());
            }
        }
        return ordered;
    }
}
