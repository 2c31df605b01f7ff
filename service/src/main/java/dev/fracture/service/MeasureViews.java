package dev.fracture.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fracture.io.RiskReportJson;
import dev.fracture.measure.RiskReport;
import dev.fracture.model.AssetId;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON the measure endpoints answer with: an envelope naming the risk-report schema, its version, the snapshot
 * measured and the live version, then the measure's value exactly as the report holds it, with the JSON pointer of
 * the value's sub-schema ({@code schemaPointer}). Curves come from the live book, the rest from the current report.
 */
final class MeasureViews {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final LiveState live;

    MeasureViews(LiveState live) {
        this.live = live;
    }

    /** The value of a measure now ({@code asset} null for ecosystem-wide ones). */
    ObjectNode view(Measure m, AssetId asset) {
        if (m == Measure.LIQUIDATION_CURVE) {
            LiveState.Curves c = live.curves();
            JsonNode curve = c.byAsset().get(asset);
            if (curve == null) {
                throw unknownAsset(asset);
            }
            return envelope(m, asset, c.version(), snapshotRef(), curve);
        }
        LiveState.Report r = live.report();
        return envelope(m, asset, r.version(), r.tree().get("snapshot"), value(r, m, asset));
    }

    /** The measures of one report, as stored in the history: per asset, then ecosystem-wide. */
    List<Entry> all(LiveState.Report r) {
        List<Entry> out = new ArrayList<>();
        for (JsonNode a : r.tree().get("assets")) {
            AssetId id = AssetId.of(a.get("asset").asText());
            for (Measure m : Measure.values()) {
                if (m.perAsset() && m != Measure.LIQUIDATION_CURVE) {
                    out.add(new Entry(m, id, value(r, m, id)));
                }
            }
        }
        out.add(new Entry(Measure.ORACLES, null, value(r, Measure.ORACLES, null)));
        out.add(new Entry(Measure.NETWORK, null, value(r, Measure.NETWORK, null)));
        return out;
    }

    record Entry(Measure measure, AssetId asset, JsonNode value) {
    }

    /** The list of assets with their prices now and, from the report, their critical shocks. */
    ObjectNode assets() {
        LiveState.Report r = live.report();
        ObjectNode o = header(r.version(), r.tree().get("snapshot"));
        ArrayNode list = o.putArray("assets");
        for (JsonNode a : r.tree().get("assets")) {
            ObjectNode n = list.addObject();
            n.put("asset", a.get("asset").asText());
            n.put("chain", a.get("chain").asText());
            n.put("symbol", a.get("symbol").asText());
            n.set("referencePriceUsd", a.get("referencePriceUsd"));
            n.set("movesWith", a.get("movesWith"));
            JsonNode k = a.get("cascade").get("criticalShock");
            n.set("criticalShock", k.isNull() ? k : k.get("shock"));
            n.set("hhiProtocols", a.get("concentration").get("hhiProtocols"));
        }
        return o;
    }

    ObjectNode report() {
        return live.report().tree();
    }

    ObjectNode snapshotRef() {
        RiskReport.SnapshotRef ref = live.report().report().snapshot();
        ObjectNode s = F.objectNode();
        s.put("ecosystem", ref.ecosystem());
        s.put("asOf", ref.asOf().toString());
        s.put("protocols", ref.protocols());
        s.put("positions", ref.positions());
        return s;
    }

    static ObjectNode envelope(Measure m, AssetId asset, long version, JsonNode snapshot, JsonNode value) {
        ObjectNode o = header(version, snapshot);
        o.put("measure", m.wire());
        if (asset == null) {
            o.putNull("asset");
        } else {
            o.put("asset", asset.value());
        }
        o.put("schemaPointer", m.schemaPointer());
        o.set("value", value);
        return o;
    }

    private static ObjectNode header(long version, JsonNode snapshot) {
        ObjectNode o = F.objectNode();
        o.put("$schema", RiskReportJson.SCHEMA_ID);
        o.put("schemaVersion", RiskReport.SCHEMA_VERSION);
        o.set("snapshot", snapshot);
        o.put("liveVersion", version);
        return o;
    }

    private JsonNode value(LiveState.Report r, Measure m, AssetId asset) {
        switch (m) {
            case ORACLES:
                return r.tree().get("oracles");
            case NETWORK:
                return r.tree().get("contagion");
            default:
                break;
        }
        for (JsonNode a : r.tree().get("assets")) {
            if (a.get("asset").asText().equals(asset.value())) {
                return switch (m) {
                    case LIQUIDATION_CURVE -> a.get("liquidationCurve");
                    case CRITICAL_SHOCK -> a.get("cascade");
                    case DEPTH -> a.get("depth");
                    case CONCENTRATION -> a.get("concentration");
                    case SOLVENCY_BOUNDARY -> a.get("solvencyBoundary");
                    default -> throw new IllegalStateException(m.name());
                };
            }
        }
        throw unknownAsset(asset);
    }

    private ApiError unknownAsset(AssetId asset) {
        return ApiError.notFound("asset", "'" + asset + "' is not an asset held as collateral or debt in ecosystem '"
                + live.snapshot().name() + "' (assets: " + String.join(", ", live.assets().stream()
                .map(AssetId::value).toList()) + ")");
    }
}
