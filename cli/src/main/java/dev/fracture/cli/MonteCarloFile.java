package dev.fracture.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fracture.measure.MonteCarloSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one grid cell of a {@code fracture sweep --json} document as a {@link MonteCarloSample}: every path's
 * liquidated USD and bad debt USD, the scenario's horizon and the sweep's root seed (docs/runs.md) — the Monte Carlo
 * results from which {@code fracture report} states LaR and VaR.
 */
final class MonteCarloFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MonteCarloFile() {
    }

    static MonteCarloSample read(Path file, int cell) {
        String where = "--monte-carlo " + file;
        JsonNode doc;
        try {
            doc = MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot read a sweep's JSON (" + e.getMessage() + ")");
        }
        if (doc == null || !doc.path("rows").isArray() || !doc.path("horizonSeconds").canConvertToLong()
                || !doc.path("rootSeed").canConvertToLong()) {
            throw new IllegalArgumentException(where + ": not a sweep's JSON (fracture sweep --json): it needs "
                    + "horizonSeconds, rootSeed and rows");
        }
        List<double[]> paths = new ArrayList<>();
        JsonNode rows = doc.path("rows");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            if (r.path("cell").asInt(-1) != cell) {
                continue;
            }
            double liquidated = number(r, "liquidatedUsd", where + ": rows[" + i + "]");
            double badDebt = number(r, "badDebtUsd", where + ": rows[" + i + "]");
            paths.add(new double[] {liquidated, badDebt});
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException(where + ": no path of cell " + cell + " in the file");
        }
        double[] liq = new double[paths.size()];
        double[] bad = new double[paths.size()];
        for (int i = 0; i < paths.size(); i++) {
            liq[i] = paths.get(i)[0];
            bad[i] = paths.get(i)[1];
        }
        return new MonteCarloSample(doc.path("horizonSeconds").asLong(), doc.path("rootSeed").asLong(), liq, bad);
    }

    private static double number(JsonNode row, String field, String where) {
        JsonNode v = row.path(field);
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
            throw new IllegalArgumentException(where + "." + field + ": must be a finite number >= 0 (was "
                    + (v.isMissingNode() ? "missing" : v.toString()) + ")");
        }
        return v.asDouble();
    }
}
