package dev.fracture.service;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fracture.io.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stores the service tests run against: an H2 file in a temporary directory, and a real PostgreSQL server when
 * {@code fracture.pg.url} names one (CI starts one; a missing server fails there, as {@code fracture.pg.required=true}
 * is set, and skips elsewhere). Each PostgreSQL use gets a fresh schema, so tests never see each other's rows.
 */
public final class Stores {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private Stores() {
    }

    public static String h2(Path dir) {
        return Database.h2File(dir);
    }

    /** A JDBC URL of an empty schema on the PostgreSQL server, or a skip (a failure when required). */
    public static String postgres() {
        String url = System.getProperty("fracture.pg.url", "");
        boolean required = Boolean.getBoolean("fracture.pg.required");
        if (url.isBlank()) {
            String message = "skipped: no PostgreSQL server (set -Dfracture.pg.url=jdbc:postgresql://...; .ci/run "
                    + "starts one)";
            if (required) {
                fail(message + " (fracture.pg.required=true)");
            }
            assumeTrue(false, message);
        }
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet() + "_"
                + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            fail("PostgreSQL at " + url.split("\\?")[0] + " cannot be used: " + e.getMessage());
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The store named by a parameterized test's argument: "h2" or "postgresql". */
    public static String of(String kind, Path dir) {
        return kind.equals("h2") ? h2(dir) : postgres();
    }
}
