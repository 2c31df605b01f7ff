package dev.fracture.io;

import dev.fracture.model.ProtocolId;
import dev.fracture.run.PathRow;
import dev.fracture.run.RunResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A run's per-path rows as CSV (docs/runs.md, "Per-path CSV"): one header line, one line per path in cell and path
 * order. Numbers are written as Java's shortest round-trip decimal ({@link Double#toString}), so reading the file
 * back gives the same bits.
 */
public final class RunCsv {
    private RunCsv() {
    }

    public static void write(RunResult result, Writer out) throws IOException {
        List<String> axes = result.plan().grid().names();
        List<ProtocolId> protocols = result.plan().protocols();
        StringBuilder h = new StringBuilder("scenario,cell");
        axes.forEach(a -> h.append(',').append(a));
        h.append(",path,seed,liquidatedUsd,badDebtUsd");
        protocols.forEach(p -> h.append(",badDebtUsd:").append(p));
        h.append(",underwaterUsd,shortfallUsd,cascadeMultiplier,insolvent\n");
        out.write(h.toString());
        for (PathRow r : result.rows()) {
            StringBuilder b = new StringBuilder(128);
            b.append(quote(r.scenario())).append(',').append(r.cell());
            for (double v : result.plan().grid().cell(r.cell()).values()) {
                b.append(',').append(v);
            }
            b.append(',').append(r.path()).append(',').append(r.seed()).append(',').append(r.liquidatedUsd())
                    .append(',').append(r.badDebtUsd());
            for (double v : r.badDebtByProtocol()) {
                b.append(',').append(v);
            }
            b.append(',').append(r.underwaterUsd()).append(',').append(r.shortfallUsd()).append(',')
                    .append(r.cascadeMultiplier()).append(',').append(r.insolvent()).append('\n');
            out.write(b.toString());
        }
        out.flush();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
