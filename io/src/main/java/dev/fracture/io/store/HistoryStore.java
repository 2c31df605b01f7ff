package dev.fracture.io.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The history of every measure the service publishes: one row per measure, asset and recomputation, its body the
 * measure's JSON in the risk-report schema. Ecosystem-wide measures (oracle dependency, the network) use asset "".
 */
public final class HistoryStore {
    private final Database db;

    public HistoryStore(Database db) {
        this.db = db;
    }

    /** Appends entries in one transaction. */
    public void record(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        db.write("recording " + entries.size() + " measures", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO measure_history (measure, asset, ecosystem, "
                    + "live_version, recorded_ms, body) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (HistoryEntry e : entries) {
                    p.setString(1, e.measure());
                    p.setString(2, e.asset());
                    p.setString(3, e.ecosystem());
                    p.setLong(4, e.liveVersion());
                    p.setLong(5, e.recordedMs());
                    p.setString(6, e.body());
                    p.addBatch();
                }
                return p.executeBatch().length;
            }
        });
    }

    /** Entries of {@code measure} for {@code asset} recorded in [fromMs, toMs], oldest first, at most {@code limit}. */
    public List<HistoryEntry> history(String measure, String asset, long fromMs, long toMs, int limit) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT measure, asset, ecosystem, live_version, "
                    + "recorded_ms, body FROM measure_history WHERE measure = ? AND asset = ? AND recorded_ms >= ? "
                    + "AND recorded_ms <= ? ORDER BY recorded_ms, id")) {
                p.setString(1, measure);
                p.setString(2, asset);
                p.setLong(3, fromMs);
                p.setLong(4, toMs);
                p.setMaxRows(limit);
                List<HistoryEntry> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new HistoryEntry(r.getString(1), r.getString(2), r.getString(3), r.getLong(4),
                                r.getLong(5), r.getString(6)));
                    }
                }
                return out;
            }
        });
    }
}
