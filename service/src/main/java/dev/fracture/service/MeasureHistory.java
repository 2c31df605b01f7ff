package dev.fracture.service;

import dev.fracture.io.store.HistoryEntry;
import dev.fracture.io.store.HistoryStore;
import dev.fracture.model.AssetId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes measures to the history: every asset's curve when the live book republishes (at most once per
 * {@code every}), and every measure of a report when one is built at a new live version (at start, and then whenever
 * the report is asked for after an update).
 */
final class MeasureHistory {
    private final HistoryStore store;
    private final MeasureViews views;
    private final Metrics metrics;
    private final String ecosystem;
    private final long everyMs;
    private long lastCurvesMs = Long.MIN_VALUE;
    private long lastReportVersion = -1;

    MeasureHistory(HistoryStore store, MeasureViews views, Metrics metrics, String ecosystem, Duration every) {
        this.store = store;
        this.views = views;
        this.metrics = metrics;
        this.ecosystem = ecosystem;
        this.everyMs = every.toMillis();
    }

    synchronized void curves(LiveState.Curves c, boolean force) {
        if (!force && c.computedMs() - lastCurvesMs < everyMs) {
            return;
        }
        lastCurvesMs = c.computedMs();
        List<HistoryEntry> entries = new ArrayList<>();
        c.byAsset().forEach((a, v) -> entries.add(new HistoryEntry(Measure.LIQUIDATION_CURVE.wire(), a.value(),
                ecosystem, c.version(), c.computedMs(), Json.write(v))));
        write(entries);
    }

    synchronized void report(LiveState.Report r) {
        if (r.version() <= lastReportVersion) {
            return;
        }
        lastReportVersion = r.version();
        long now = System.currentTimeMillis();
        List<HistoryEntry> entries = new ArrayList<>();
        for (MeasureViews.Entry e : views.all(r)) {
            entries.add(new HistoryEntry(e.measure().wire(), e.asset() == null ? "" : e.asset().value(), ecosystem,
                    r.version(), now, Json.write(e.value())));
        }
        write(entries);
    }

    List<HistoryEntry> read(Measure m, AssetId asset, long from, long to, int limit) {
        return store.history(m.wire(), asset == null ? "" : asset.value(), from, to, limit);
    }

    private void write(List<HistoryEntry> entries) {
        store.record(entries);
        metrics.count("fracture_store_writes_total", "Rows written to the store.", Map.of("table", "measure_history"),
                entries.size());
    }
}
