package dev.fracture.io.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two databases the store supports: an H2 file in a temporary directory, and the PostgreSQL server named by
 * {@code fracture.pg.url} (CI starts one with {@code .ci/start-postgres.sh}; without it these tests skip, unless
 * {@code fracture.pg.required=true}, as in CI, makes that a failure). Each PostgreSQL use gets a fresh schema.
 */
final class TestStores {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private TestStores() {
    }

    static String url(String kind, Path dir) {
        return kind.equals("h2") ? Database.h2File(dir) : postgres();
    }

    static String postgres() {
        String url = System.getProperty("fracture.pg.url", "");
        if (url.isBlank()) {
            String message = "skipped: no PostgreSQL server (set -Dfracture.pg.url=jdbc:postgresql://...; .ci/run "
                    + "starts one)";
            if (Boolean.getBoolean("fracture.pg.required")) {
                fail(message + " (fracture.pg.required=true)");
            }
            assumeTrue(false, message);
        }
        String schema = "s" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet() + "_"
                + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            fail("PostgreSQL at " + Database.describe(url) + " cannot be used: " + e.getMessage());
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
