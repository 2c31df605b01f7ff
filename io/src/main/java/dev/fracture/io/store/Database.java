package dev.fracture.io.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JDBC database holding the store, H2 (embedded file or memory) or PostgreSQL, migrated to this build's schema when
 * opened (see {@link Migrations}). Connections are kept in a small pool because opening one costs milliseconds on
 * PostgreSQL; each store operation borrows one, runs in its own transaction and commits before returning, so what a
 * method reports written is durable.
 *
 * <p>H2 flushes commits to its file lazily by default ({@code WRITE_DELAY}, 500 ms): a process killed in that window
 * would lose runs it had reported committed. The store sets the delay to 0 on H2 file databases, so a commit is
 * written to the file before {@code commit()} returns (H2 documentation, "Durability Problems" and
 * {@code SET WRITE_DELAY}).
 */
public final class Database implements AutoCloseable {
    static final List<String> TABLES = List.of("measure_history", "scenario_run", "parameter_value", "publication");

    private final String url;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final int schemaVersion;
    private boolean closed;

    private Database(String url) {
        this.url = url;
        Connection c = open();
        try {
            if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET WRITE_DELAY 0");
                }
            }
            schemaVersion = Migrations.migrate(c);
        } catch (SQLException e) {
            close(c);
            throw new StoreException("cannot migrate the store at " + describe(url) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
        idle.push(c);
    }

    /**
     * Opens (creating when needed) and migrates the database at {@code jdbcUrl}.
     *
     * @throws StoreException when the URL is not an H2 or PostgreSQL JDBC URL, or the database cannot be reached
     */
    public static Database open(String jdbcUrl) {
        if (jdbcUrl == null || !(jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.startsWith("jdbc:postgresql:"))) {
            throw new StoreException("--db: expected a JDBC URL starting jdbc:h2: or jdbc:postgresql:, was '"
                    + jdbcUrl + "'");
        }
        return new Database(jdbcUrl);
    }

    /** The H2 file URL of a store kept in {@code directory} (the default: {@code fracture-data/}). */
    public static String h2File(java.nio.file.Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("fracture").toString().replace('\\', '/');
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Whether this is PostgreSQL (else H2). */
    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Rows per table: tests compare these before and after a refused request to show it changed nothing. */
    public Map<String, Long> rowCounts() {
        return read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (Statement s = c.createStatement()) {
                for (String t : TABLES) {
                    try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                        r.next();
                        out.put(t, r.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction and commits it; any failure rolls it back. */
    <T> T write(String what, Work<T> work) {
        Connection c = borrow();
        boolean ok = false;
        try {
            c.setAutoCommit(false);
            T out = work.run(c);
            c.commit();
            ok = true;
            return out;
        } catch (SQLException e) {
            throw new StoreException(what + " failed on " + describe(url) + ": " + e.getMessage(), e);
        } finally {
            if (!ok) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is discarded below; the failure reported is the original one
                }
            }
            giveBack(c, ok);
        }
    }

    <T> T read(Work<T> work) {
        Connection c = borrow();
        boolean ok = false;
        try {
            c.setAutoCommit(true);
            T out = work.run(c);
            ok = true;
            return out;
        } catch (SQLException e) {
            throw new StoreException("read failed on " + describe(url) + ": " + e.getMessage(), e);
        } finally {
            giveBack(c, ok);
        }
    }

    private Connection borrow() {
        synchronized (idle) {
            if (closed) {
                throw new StoreException("the store is closed");
            }
            Connection c = idle.poll();
            if (c != null) {
                return c;
            }
        }
        return open();
    }

    private void giveBack(Connection c, boolean healthy) {
        synchronized (idle) {
            if (healthy && !closed && idle.size() < 8) {
                idle.push(c);
                return;
            }
        }
        close(c);
    }

    private Connection open() {
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store at " + describe(url) + ": " + e.getMessage(), e);
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection: nothing left to save
        }
    }

    /** The URL without its query string, which may carry a password. */
    static String describe(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public void close() {
        synchronized (idle) {
            closed = true;
            while (!idle.isEmpty()) {
                close(idle.pop());
            }
        }
    }
}
