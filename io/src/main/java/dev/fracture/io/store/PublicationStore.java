package dev.fracture.io.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Published parameters and the log of every publication attempt. An accepted attempt writes its log row and the new
 * value in one transaction; a refused one writes its log row only.
 */
public final class PublicationStore {
    private final Database db;

    public PublicationStore(Database db) {
        this.db = db;
    }

    public Optional<ParameterValue> current(String name) {
        return db.read(c -> current(c, name));
    }

    public List<ParameterValue> values() {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT name, value_num, updated_ms FROM parameter_value ORDER BY name");
                 ResultSet r = p.executeQuery()) {
                List<ParameterValue> out = new ArrayList<>();
                while (r.next()) {
                    out.add(new ParameterValue(r.getString(1), r.getDouble(2), r.getLong(3)));
                }
                return out;
            }
        });
    }

    /**
     * Logs an attempt; when {@code accepted}, also sets the parameter to {@code value}.
     *
     * @return the logged publication
     */
    public Publication record(long atMs, String parameter, String requested, Double previous, boolean accepted,
                              double value, String reason) {
        return db.write("recording a publication of " + parameter, c -> {
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO publication (at_ms, parameter, requested, "
                    + "previous_num, accepted, reason) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                p.setLong(1, atMs);
                p.setString(2, parameter);
                p.setString(3, requested);
                if (previous == null) {
                    p.setNull(4, Types.DOUBLE);
                } else {
                    p.setDouble(4, previous);
                }
                p.setBoolean(5, accepted);
                p.setString(6, reason);
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (accepted) {
                set(c, parameter, value, atMs);
            }
            return new Publication(id, atMs, parameter, requested, previous, accepted, reason);
        });
    }

    /** The log, newest first. */
    public List<Publication> log(int limit) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, at_ms, parameter, requested, previous_num, "
                    + "accepted, reason FROM publication ORDER BY id DESC")) {
                p.setMaxRows(limit);
                List<Publication> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        double prev = r.getDouble(5);
                        Double previous = r.wasNull() ? null : prev;
                        out.add(new Publication(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), previous,
                                r.getBoolean(6), r.getString(7)));
                    }
                }
                return out;
            }
        });
    }

    private static Optional<ParameterValue> current(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT name, value_num, updated_ms FROM parameter_value WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new ParameterValue(r.getString(1), r.getDouble(2), r.getLong(3)))
                        : Optional.empty();
            }
        }
    }

    private static void set(Connection c, String name, double value, long atMs) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE parameter_value SET value_num = ?, updated_ms = ? WHERE name = ?")) {
            u.setDouble(1, value);
            u.setLong(2, atMs);
            u.setString(3, name);
            if (u.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement i = c.prepareStatement(
                "INSERT INTO parameter_value (name, value_num, updated_ms) VALUES (?, ?, ?)")) {
            i.setString(1, name);
            i.setDouble(2, value);
            i.setLong(3, atMs);
            i.executeUpdate();
        }
    }
}
