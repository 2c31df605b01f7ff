package dev.fracture.io.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Scenario runs: submitted, started, finished with a result or an error. Each method is one committed transaction. */
public final class RunStore {
    private static final String COLUMNS = "id, status, scenario_name, ecosystem, seed, format, scenario_text, "
            + "submitted_ms, finished_ms, result, result_sha256, error";

    private final Database db;

    public RunStore(Database db) {
        this.db = db;
    }

    /** Records a new run, queued. */
    public void submit(String id, String scenarioName, String ecosystem, long seed, String format, String text,
                       long submittedMs) {
        db.write("submitting run " + id, c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO scenario_run (id, status, scenario_name, "
                    + "ecosystem, seed, format, scenario_text, submitted_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, id);
                p.setString(2, RunStatus.QUEUED.name());
                p.setString(3, scenarioName);
                p.setString(4, ecosystem);
                p.setLong(5, seed);
                p.setString(6, format);
                p.setString(7, text);
                p.setLong(8, submittedMs);
                return p.executeUpdate();
            }
        });
    }

    public void started(String id) {
        update(id, "UPDATE scenario_run SET status = ? WHERE id = ?", RunStatus.RUNNING.name());
    }

    /** Stores the result and its SHA-256 and marks the run done, in one transaction. */
    public void done(String id, String resultJson, long finishedMs) {
        db.write("finishing run " + id, c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE scenario_run SET status = ?, result = ?, "
                    + "result_sha256 = ?, finished_ms = ? WHERE id = ?")) {
                p.setString(1, RunStatus.DONE.name());
                p.setString(2, resultJson);
                p.setString(3, Sha256.hex(resultJson));
                p.setLong(4, finishedMs);
                p.setString(5, id);
                return checkOne(p.executeUpdate(), id);
            }
        });
    }

    public void failed(String id, String error, long finishedMs) {
        db.write("failing run " + id, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE scenario_run SET status = ?, error = ?, finished_ms = ? WHERE id = ?")) {
                p.setString(1, RunStatus.FAILED.name());
                p.setString(2, error);
                p.setLong(3, finishedMs);
                p.setString(4, id);
                return checkOne(p.executeUpdate(), id);
            }
        });
    }

    /**
     * Marks runs a stopped process left queued or running as failed, so a poller is not left waiting for a run no
     * one will finish; returns how many.
     */
    public int failInterrupted(long nowMs) {
        return db.write("failing interrupted runs", c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE scenario_run SET status = ?, error = ?, "
                    + "finished_ms = ? WHERE status IN (?, ?)")) {
                p.setString(1, RunStatus.FAILED.name());
                p.setString(2, "interrupted: the service stopped before the run finished; submit it again");
                p.setLong(3, nowMs);
                p.setString(4, RunStatus.QUEUED.name());
                p.setString(5, RunStatus.RUNNING.name());
                return p.executeUpdate();
            }
        });
    }

    public Optional<RunRecord> find(String id) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM scenario_run WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(row(r)) : Optional.<RunRecord>empty();
                }
            }
        });
    }

    /** The newest runs first. */
    public List<RunRecord> recent(int limit) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM scenario_run ORDER BY submitted_ms DESC, id DESC")) {
                p.setMaxRows(limit);
                List<RunRecord> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(row(r));
                    }
                }
                return out;
            }
        });
    }

    private void update(String id, String sql, String status) {
        db.write("updating run " + id, c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, status);
                p.setString(2, id);
                return checkOne(p.executeUpdate(), id);
            }
        });
    }

    private static int checkOne(int rows, String id) throws SQLException {
        if (rows != 1) {
            throw new SQLException("run " + id + " does not exist");
        }
        return rows;
    }

    private static RunRecord row(ResultSet r) throws SQLException {
        long finished = r.getLong("finished_ms");
        Long finishedMs = r.wasNull() ? null : finished;
        return new RunRecord(r.getString("id"), RunStatus.valueOf(r.getString("status")),
                r.getString("scenario_name"), r.getString("ecosystem"), r.getLong("seed"), r.getString("format"),
                r.getString("scenario_text"), r.getLong("submitted_ms"), finishedMs, r.getString("result"),
                r.getString("result_sha256"), r.getString("error"));
    }
}
