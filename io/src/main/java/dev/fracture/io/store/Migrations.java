package dev.fracture.io.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A small versioned-migration runner: the scripts {@code db/migration/V<n>__<what>.sql} on the classpath are applied in
 * order, each at most once, and {@code fracture_schema_version} records which ran. It does what Flyway's core does for
 * a store of a few tables written by this project alone, in portable SQL that H2 and PostgreSQL both accept, without
 * a dependency (Flyway 10 also splits each database's support into its own artifact).
 *
 * <p>A script is applied in one transaction with its version row: on PostgreSQL, whose DDL is transactional, a
 * failure leaves nothing behind; on H2, DDL commits itself, so a half-applied script is reported with its version.
 */
final class Migrations {
    /** Every migration, oldest first. A new one is appended, never edited once released. */
    static final List<String> SCRIPTS = List.of("V1__history_runs_publications.sql");

    private Migrations() {
    }

    /** Applies the scripts not yet applied; returns the schema version reached. */
    static int migrate(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS fracture_schema_version (version INT PRIMARY KEY, "
                        + "script VARCHAR(256) NOT NULL, applied_ms BIGINT NOT NULL)");
            }
            c.commit();
            int current = current(c);
            if (current > SCRIPTS.size()) {
                throw new StoreException("the database's schema is version " + current + ", newer than this build's "
                        + SCRIPTS.size() + ": use a newer fracture or another database");
            }
            for (int v = current + 1; v <= SCRIPTS.size(); v++) {
                apply(c, v, SCRIPTS.get(v - 1));
            }
            return SCRIPTS.size();
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM fracture_schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void apply(Connection c, int version, String script) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements(read(script))) {
                s.execute(sql);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO fracture_schema_version (version, script, applied_ms) VALUES (?, ?, ?)")) {
                p.setInt(1, version);
                p.setString(2, script);
                p.setLong(3, System.currentTimeMillis());
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new StoreException("migration " + script + " (schema version " + version + ") failed: "
                    + e.getMessage(), e);
        }
    }

    /** The script's statements: split at semicolons ending a line, with {@code --} comment lines dropped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (t.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new StoreException("migration script ends without ';' after: " + current.toString().strip());
        }
        return out;
    }

    private static String read(String script) {
        String resource = "db/migration/" + script;
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StoreException("migration " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + resource + ": " + e.getMessage(), e);
        }
    }
}
