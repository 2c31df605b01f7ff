package dev.fracture.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fracture.engine.LiquidationEvent;
import dev.fracture.engine.SimulationResult;
import dev.fracture.engine.Summary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report of one scenario run as the API returns it (OpenAPI component {@code RunResult}): the summary the engine
 * gives ({@link Summary}), the trace's size and hash, the first liquidations, what the run did not simulate and what
 * to know before reading it ({@code Scenario.cautions}).
 */
final class RunReport {
    static final int EVENTS_SHOWN = 20;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RunReport() {
    }

    static ObjectNode of(String id, String scenario, String ecosystem, long seed, SimulationResult r,
                         List<String> notSimulated, List<String> cautions) {
        ObjectNode o = F.objectNode();
        o.put("id", id);
        o.put("scenario", scenario);
        o.put("ecosystem", ecosystem);
        o.put("seed", seed);
        Summary s = r.summary();
        ObjectNode sum = o.putObject("summary");
        sum.put("liquidations", s.liquidations());
        sum.put("liquidatedUsd", s.liquidatedUsd());
        sum.set("forcedSalesUsd", byId(s.forcedSalesUsd()));
        sum.set("badDebtUsd", byId(s.badDebtUsd()));
        sum.set("underwaterUsd", byId(s.underwaterUsd()));
        sum.put("totalBadDebtUsd", s.totalBadDebtUsd());
        if (s.shockedAsset() == null) {
            sum.putNull("shockedAsset");
        } else {
            sum.put("shockedAsset", s.shockedAsset().value());
        }
        sum.put("initialMove", s.initialMove());
        sum.put("finalMove", s.finalMove());
        number(sum, "cascadeMultiplier", s.cascadeMultiplier());
        sum.put("lastLiquidationSeconds", s.lastLiquidationTime());
        o.put("blocks", r.trace().blocks());
        o.put("traceHash", r.trace().hash());
        o.put("liquidationEvents", r.events().size());
        ArrayNode events = o.putArray("firstLiquidations");
        for (LiquidationEvent e : r.events().subList(0, Math.min(EVENTS_SHOWN, r.events().size()))) {
            ObjectNode n = events.addObject();
            n.put("timeSeconds", e.time());
            n.put("protocol", e.protocol().value());
            n.put("account", e.account().value());
            n.put("liquidator", e.liquidator());
            n.put("debtAsset", e.debtAsset().value());
            n.put("repaid", e.repaid());
            n.put("collateralAsset", e.collateralAsset().value());
            n.put("seized", e.seized());
            n.put("profitUsd", e.profitUsd());
            n.put("badDebtUsd", e.badDebtUsd());
        }
        ArrayNode missing = o.putArray("notSimulated");
        notSimulated.forEach(missing::add);
        r.notSimulated().forEach(p -> missing.add("protocol " + p));
        ArrayNode cautionNodes = o.putArray("cautions");
        cautions.forEach(cautionNodes::add);
        return o;
    }

    private static ObjectNode byId(Map<?, Double> values) {
        ObjectNode o = F.objectNode();
        TreeMap<String, Double> sorted = new TreeMap<>();
        values.forEach((k, v) -> sorted.put(k.toString(), v));
        sorted.forEach((k, v) -> number(o, k, v));
        return o;
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
