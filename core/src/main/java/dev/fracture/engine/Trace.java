package dev.fracture.engine;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The block-by-block record of a run, columnar: one row per block (of any chain), one column per measured series.
 * Columns are named {@code ref:ASSET} (reference price, USD), {@code oracle:ID} (USD), {@code venue:ID} (spot of the
 * venue's first asset in its second), {@code liquidated:PROTOCOL} (debt repaid in the block, USD),
 * {@code badDebt:PROTOCOL} (cumulative, USD), {@code sold:ASSET} (cumulative forced sales, USD).
 */
public record Trace(List<String> columns, long[] times, int[] chains, List<String> chainIds, double[][] rows) {
    public Trace {
        columns = List.copyOf(columns);
        chainIds = List.copyOf(chainIds);
    }

    public int blocks() {
        return times.length;
    }

    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("trace has no column '" + name + "' (columns: " + columns + ")");
        }
        return i;
    }

    /** The whole series of one column, block by block. */
    public double[] series(String name) {
        int c = column(name);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][c];
        }
        return out;
    }

    /** SHA-256 over every time, chain and value bit: equal hashes mean bit-identical traces. */
    public String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(16);
            for (String c : columns) {
                sha.update(c.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (int i = 0; i < times.length; i++) {
                buf.clear();
                buf.putLong(times[i]).putLong(chains[i]);
                sha.update(buf.array());
                for (double v : rows[i]) {
                    buf.clear();
                    buf.putLong(Double.doubleToLongBits(v));
                    sha.update(buf.array(), 0, 8);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
