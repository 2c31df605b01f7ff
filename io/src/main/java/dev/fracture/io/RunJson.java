package dev.fracture.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fracture.run.CellSummary;
import dev.fracture.run.Estimate;
import dev.fracture.run.Estimators;
import dev.fracture.run.GridAxis;
import dev.fracture.run.GridCell;
import dev.fracture.run.MetricStats;
import dev.fracture.run.PathRow;
import dev.fracture.run.RunPlan;
import dev.fracture.run.RunResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A run as one JSON document (docs/runs.md, "JSON"): the plan, each cell's statistics with their intervals, and
 * every per-path row. A bound the data cannot give (NaN, ±∞) is written as {@code null}.
 */
public final class RunJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunJson() {
    }

    public static void write(RunResult result, List<String> notSimulated, Writer out) throws IOException {
        MAPPER.writeValue(out, tree(result, notSimulated));
    }

    public static ObjectNode tree(RunResult result, List<String> notSimulated) {
        RunPlan plan = result.plan();
        ObjectNode doc = header(result, notSimulated);
        doc.set("cells", cells(result));
        ArrayNode rows = doc.putArray("rows");
        for (PathRow r : result.rows()) {
            ObjectNode n = rows.addObject();
            n.put("scenario", r.scenario());
            n.put("cell", r.cell());
            n.put("path", r.path());
            n.put("seed", r.seed());
            n.put("liquidatedUsd", r.liquidatedUsd());
            n.put("badDebtUsd", r.badDebtUsd());
            ObjectNode by = n.putObject("badDebtUsdByProtocol");
            double[] bad = r.badDebtByProtocol();
            for (int i = 0; i < bad.length; i++) {
                by.put(plan.protocols().get(i).value(), bad[i]);
            }
            n.put("underwaterUsd", r.underwaterUsd());
            n.put("shortfallUsd", r.shortfallUsd());
            number(n, "cascadeMultiplier", r.cascadeMultiplier());
            n.put("insolvent", r.insolvent());
        }
        return doc;
    }

    /** The document's fields before {@code cells}: the plan, what the engine leaves out, the scenario's cautions. */
    public static ObjectNode header(RunResult result, List<String> notSimulated) {
        RunPlan plan = result.plan();
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("scenario", plan.scenarioId());
        doc.put("scenarioName", plan.scenario().name());
        doc.put("ecosystem", plan.snapshot().name());
        doc.put("horizonSeconds", plan.scenario().horizonSeconds());
        doc.put("rootSeed", plan.rootSeed());
        doc.put("paths", plan.paths());
        doc.put("insolvencyThresholdUsd", plan.insolvencyThresholdUsd());
        doc.put("confidence", Estimators.CONFIDENCE);
        ArrayNode axes = doc.putArray("axes");
        for (GridAxis a : plan.grid().axes()) {
            ObjectNode n = axes.addObject();
            n.put("parameter", a.parameter().name());
            ArrayNode values = n.putArray("values");
            for (double v : a.values()) {
                values.add(v);
            }
        }
        ArrayNode protocols = doc.putArray("protocols");
        plan.protocols().forEach(p -> protocols.add(p.value()));
        ArrayNode missing = doc.putArray("notSimulated");
        notSimulated.forEach(missing::add);
        ArrayNode cautions = doc.putArray("cautions");
        plan.scenario().cautions().forEach(cautions::add);
        return doc;
    }

    /** Each cell's parameters and statistics with their intervals: the document's {@code cells}. */
    public static ArrayNode cells(RunResult result) {
        ArrayNode cells = MAPPER.createArrayNode();
        for (CellSummary c : result.cells()) {
            ObjectNode n = cells.addObject();
            n.put("cell", c.cell().index());
            n.set("parameters", parameters(result.plan(), c.cell()));
            n.put("paths", c.paths());
            n.put("borrowingPowerUsd", c.borrowingPowerUsd());
            n.set("liquidatedUsd", metric(c.liquidatedUsd()));
            n.set("badDebtUsd", metric(c.badDebtUsd()));
            n.set("shortfallUsd", metric(c.shortfallUsd()));
            n.set("cascadeMultiplier", metric(c.cascadeMultiplier()));
            n.set("insolvencyProbability", estimate(c.insolvencyProbability()));
        }
        return cells;
    }

    /** A cell's grid values by axis name. */
    public static ObjectNode parameters(RunPlan plan, GridCell cell) {
        ObjectNode n = MAPPER.createObjectNode();
        List<String> names = plan.grid().names();
        for (int a = 0; a < names.size(); a++) {
            n.put(names.get(a), cell.value(a));
        }
        return n;
    }

    static ObjectNode metric(MetricStats m) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("mean", estimate(m.mean()));
        n.set("median", estimate(m.median()));
        n.set("var95", estimate(m.var95()));
        n.set("var99", estimate(m.var99()));
        n.set("es95", estimate(m.es95()));
        n.set("es99", estimate(m.es99()));
        number(n, "min", m.min());
        number(n, "max", m.max());
        return n;
    }

    /** {@code {value, lower, upper}}, null where the data cannot give a bound. */
    public static ObjectNode estimate(Estimate e) {
        ObjectNode n = MAPPER.createObjectNode();
        number(n, "value", e.value());
        number(n, "lower", e.lower());
        number(n, "upper", e.upper());
        return n;
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }
}
