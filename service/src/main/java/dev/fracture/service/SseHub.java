package dev.fracture.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Server-Sent Events stream {@code /api/stream}: each client gets the current curves when it connects, then an
 * event {@code curves} after every live update, its {@code id} the live version. A client whose connection fails is
 * dropped.
 */
final class SseHub {
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final MeasureViews views;

    SseHub(MeasureViews views) {
        this.views = views;
    }

    void connect(SseClient client, LiveState.Curves current) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        send(client, current);
    }

    void publish(LiveState.Curves c) {
        for (SseClient client : clients) {
            send(client, c);
        }
    }

    int clients() {
        return clients.size();
    }

    private void send(SseClient client, LiveState.Curves c) {
        String data = Json.write(event(c));
        synchronized (client) {
            if (client.terminated()) {
                clients.remove(client);
                return;
            }
            client.sendEvent("curves", data, Long.toString(c.version()));
        }
    }

    /** {@code {liveVersion, computedMs, recomputeSeconds, snapshot, curves: [{asset, schemaPointer, value}]}}. */
    ObjectNode event(LiveState.Curves c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("$schema", dev.fracture.io.RiskReportJson.SCHEMA_ID);
        o.put("schemaVersion", dev.fracture.measure.RiskReport.SCHEMA_VERSION);
        o.set("snapshot", views.snapshotRef());
        o.put("liveVersion", c.version());
        o.put("computedMs", c.computedMs());
        o.put("recomputeSeconds", c.recomputeSeconds());
        ArrayNode curves = o.putArray("curves");
        c.byAsset().forEach((a, v) -> {
            ObjectNode n = curves.addObject();
            n.put("asset", a.value());
            n.put("priceUsd", v.get("down").get(0).get("priceUsd").asDouble());
            n.put("schemaPointer", Measure.LIQUIDATION_CURVE.schemaPointer());
            n.set("value", v);
        });
        return o;
    }
}
