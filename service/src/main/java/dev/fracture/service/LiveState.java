package dev.fracture.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fracture.io.RiskReportJson;
import dev.fracture.measure.ExposureBook;
import dev.fracture.measure.Position;
import dev.fracture.measure.RiskReport;
import dev.fracture.measure.RiskReportBuilder;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.service.live.LiveCurveBook;
import dev.fracture.service.live.ReplayEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The ecosystem as the service sees it now: the snapshot it started from with every price and position update
 * applied. Liquidation curves are kept by the incremental {@link LiveCurveBook} and republished after each update;
 * the other measures come from the standard {@link RiskReport} of the current positions, built when first asked for
 * at a version and kept until the next update.
 */
public final class LiveState {
    private final EcosystemSnapshot snapshot;
    private final LiveCurveBook book;
    private final List<Consumer<Curves>> listeners = new CopyOnWriteArrayList<>();
    private volatile Curves curves;
    private Report report;

    /** The curves of every asset held, at one version, and how long recomputing them took. */
    public record Curves(long version, long computedMs, Map<AssetId, ObjectNode> byAsset, double recomputeSeconds) {
    }

    /** The report at one version: the record and its JSON tree. */
    public record Report(long version, RiskReport report, ObjectNode tree) {
    }

    public LiveState(EcosystemSnapshot snapshot) {
        this.snapshot = snapshot;
        this.book = LiveCurveBook.of(snapshot);
        this.curves = recompute(0);
    }

    public EcosystemSnapshot snapshot() {
        return snapshot;
    }

    /** Applies one update and republishes the curves; a refused update changes nothing and is thrown. */
    public Curves apply(ReplayEvent event) {
        long start = System.nanoTime();
        Curves published;
        synchronized (book) {
            if (event instanceof ReplayEvent.Price p) {
                book.applyPrice(p.asset(), p.priceUsd());
            } else {
                book.applyPosition(((ReplayEvent.PositionUpdate) event).change());
            }
            published = recompute(start);
            curves = published;
        }
        listeners.forEach(l -> l.accept(published));
        return published;
    }

    /** Called with every republication, on the updating thread. */
    public void onCurves(Consumer<Curves> listener) {
        listeners.add(listener);
    }

    public Curves curves() {
        return curves;
    }

    /** The current report, built on first use at each version. */
    public Report report() {
        EcosystemSnapshot priced;
        List<Position> positions;
        long version;
        synchronized (book) {
            version = book.version();
            Report r = cachedReport();
            if (r != null && r.version() == version) {
                return r;
            }
            priced = version == 0 ? snapshot : book.pricedSnapshot();
            positions = book.positions();
        }
        RiskReport built = RiskReportBuilder.DEFAULT.build(ExposureBook.of(priced, positions), List.of(),
                RiskReport.Options.DEFAULT);
        Report r = new Report(version, built, RiskReportJson.tree(built));
        synchronized (this) {
            if (report == null || report.version() < version) {
                report = r;
            }
            return report.version() == version ? report : r;
        }
    }

    private synchronized Report cachedReport() {
        return report;
    }

    public List<AssetId> assets() {
        synchronized (book) {
            return book.heldAssets();
        }
    }

    public double priceUsd(AssetId asset) {
        synchronized (book) {
            return book.priceUsd(asset);
        }
    }

    private Curves recompute(long startNanos) {
        long start = startNanos == 0 ? System.nanoTime() : startNanos;
        Map<AssetId, ObjectNode> out = new LinkedHashMap<>();
        for (AssetId a : book.heldAssets()) {
            out.put(a, RiskReportJson.liquidationCurve(book.curve(a)));
        }
        return new Curves(book.version(), System.currentTimeMillis(), out, (System.nanoTime() - start) / 1e9);
    }
}
