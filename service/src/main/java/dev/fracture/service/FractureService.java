package dev.fracture.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fracture.io.store.Database;
import dev.fracture.io.store.HistoryEntry;
import dev.fracture.io.store.HistoryStore;
import dev.fracture.io.store.ParameterValue;
import dev.fracture.io.store.Publication;
import dev.fracture.io.store.PublicationStore;
import dev.fracture.io.store.RunRecord;
import dev.fracture.io.store.RunStatus;
import dev.fracture.io.store.RunStore;
import dev.fracture.model.AssetId;
import dev.fracture.service.live.ReplayEvent;
import dev.fracture.service.live.ReplayReader;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The Systemic Risk Oracle service: the JSON API (described by {@code /openapi.json}), the SSE stream, metrics,
 * health and the dashboard, over the live state of one ecosystem and a store. Everything is read-only but scenario
 * submissions (which only add runs) and publishing, which needs the bearer token.
 */
public final class FractureService implements AutoCloseable {
    /** Every route, as {@code METHOD path}, in the order registered: the OpenAPI test checks each is documented. */
    private final List<String> routes = new ArrayList<>();
    private final ServiceConfig config;
    private final Database db;
    private final LiveState live;
    private final MeasureViews views;
    private final MeasureHistory history;
    private final ScenarioRuns runs;
    private final Publisher publisher;
    private final Metrics metrics = new Metrics();
    private final SseHub sse;
    private final UpdateLoop loop;
    private final Javalin app;
    private final String openApi;
    private final String dashboard;

    private FractureService(ServiceConfig config, LongSupplier clock) throws IOException {
        this.config = config;
        List<ReplayEvent> replay = config.replay() == null ? List.of()
                : ReplayReader.read(config.replay(), config.snapshot().assets().stream().map(a -> a.id()).toList());
        this.db = Database.open(config.jdbcUrl());
        try {
            RunStore runStore = new RunStore(db);
            runStore.failInterrupted(clock.getAsLong());
            this.live = new LiveState(config.snapshot());
            this.views = new MeasureViews(live);
            this.history = new MeasureHistory(new HistoryStore(db), views, metrics, config.snapshot().name(),
                    config.historyEvery());
            this.runs = new ScenarioRuns(runStore, metrics, config.runThreads(), config.runQueue());
            Map<String, PublishRule> rules = new LinkedHashMap<>();
            config.publishRules().forEach(r -> rules.put(r.parameter(), r));
            this.publisher = new Publisher(config.publishToken(), rules, config.publishInterval(),
                    new PublicationStore(db), metrics, clock);
            this.sse = new SseHub(views);
            history.report(live.report());
            history.curves(live.curves(), true);
            live.onCurves(c -> {
                sse.publish(c);
                history.curves(c, false);
            });
            metrics.gauge("fracture_live_version", "Updates applied to the live state.", () -> live.curves().version());
            metrics.gauge("fracture_sse_clients", "Clients connected to the event stream.", () -> sse.clients());
            this.openApi = resource("openapi.json");
            this.dashboard = resource("dashboard.html").replace("${chartjs.version}", chartJsVersion());
            this.app = Javalin.create(c -> {
                c.showJavalinBanner = false;
                c.staticFiles.add(s -> {
                    s.hostedPath = "/";
                    s.directory = "/public";
                    s.location = Location.CLASSPATH;
                });
                c.staticFiles.enableWebjars();
                c.requestLogger.http((ctx, ms) -> {
                    String route = routeOf(ctx);
                    metrics.count("http_requests_total", "HTTP requests by route, method and status.",
                            Map.of("route", route,
                                    "method", ctx.method().name(), "status", Integer.toString(ctx.statusCode())), 1);
                    metrics.observe("http_request_duration_seconds", "Time to answer an HTTP request.",
                            Map.of("route", route), ms / 1000.0);
                });
            });
            routes();
            this.loop = replay.isEmpty() ? null : new UpdateLoop(live, replay, config.replaySpeed(), metrics);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens the store, builds the live state and starts listening (and replaying, if a replay file was given). */
    public static FractureService start(ServiceConfig config) throws IOException {
        return start(config, System::currentTimeMillis);
    }

    /** As {@link #start(ServiceConfig)} with the clock publishing rules are judged by (tests move it). */
    static FractureService start(ServiceConfig config, LongSupplier clock) throws IOException {
        FractureService s = new FractureService(config, clock);
        try {
            s.app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        if (s.loop != null) {
            s.loop.start();
        }
        return s;
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return "http://" + config.host() + ":" + port();
    }

    List<String> routeList() {
        return List.copyOf(routes);
    }

    Database database() {
        return db;
    }

    LiveState live() {
        return live;
    }

    UpdateLoop loop() {
        return loop;
    }

    private void routes() {
        app.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).contentType("application/json")
                .result(Json.write(e.body())));
        app.exception(dev.fracture.io.store.StoreException.class, (e, ctx) -> ctx.status(503)
                .contentType("application/json").result(Json.write(new ApiError(503, "store", e.getMessage()).body())));
        app.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                ctx.contentType("application/json").result(Json.write(ApiError.notFound("path", "no such endpoint: "
                        + ctx.method() + " " + ctx.path() + " (see /openapi.json)").body()));
            }
        });
        route(HandlerType.GET, "/", ctx -> ctx.contentType("text/html; charset=utf-8").result(dashboard));
        route(HandlerType.GET, "/health", ctx -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("status", "ok");
            o.put("ecosystem", config.snapshot().name());
            o.put("liveVersion", live.curves().version());
            o.put("schemaVersion", db.schemaVersion());
            o.put("store", db.postgres() ? "postgresql" : "h2");
            o.put("replay", loop == null ? "none" : loop.finished() ? "finished" : "running");
            json(ctx, o);
        });
        route(HandlerType.GET, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.exposition()));
        route(HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        route(HandlerType.GET, "/api/assets", ctx -> json(ctx, views.assets()));
        route(HandlerType.GET, "/api/report", ctx -> json(ctx, views.report()));
        for (Measure m : Measure.values()) {
            if (m.perAsset()) {
                route(HandlerType.GET, "/api/assets/{asset}/" + m.path(), ctx -> json(ctx, measure(m,
                        AssetId.of(ctx.pathParam("asset")))));
            } else {
                route(HandlerType.GET, "/api/" + m.path(), ctx -> json(ctx, measure(m, null)));
            }
        }
        route(HandlerType.GET, "/api/history", this::history);
        route(HandlerType.POST, "/api/runs", ctx -> {
            String id = runs.submit(ctx.body(), ctx.header("Content-Type"), ctx.queryParam("seed"));
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("id", id);
            o.put("status", RunStatus.QUEUED.wire());
            o.put("statusUrl", "/api/runs/" + id);
            o.put("resultUrl", "/api/runs/" + id + "/result");
            ctx.status(202).header("Location", "/api/runs/" + id);
            json(ctx, o);
        });
        route(HandlerType.GET, "/api/runs", ctx -> {
            int limit = intParam(ctx, "limit", 50, 1, 1000);
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            ArrayNode list = o.putArray("runs");
            runs.recent(limit).forEach(r -> list.add(status(r)));
            json(ctx, o);
        });
        route(HandlerType.GET, "/api/runs/{id}", ctx -> json(ctx, status(run(ctx))));
        route(HandlerType.GET, "/api/runs/{id}/result", ctx -> {
            RunRecord r = run(ctx);
            if (r.status() == RunStatus.FAILED) {
                throw new ApiError(409, "id", "run " + r.id() + " failed: " + r.error());
            }
            if (r.status() != RunStatus.DONE) {
                throw new ApiError(409, "id", "run " + r.id() + " is " + r.status().wire() + "; poll /api/runs/"
                        + r.id() + " until it is done");
            }
            ctx.contentType("application/json").result(r.result());
        });
        route(HandlerType.GET, "/api/parameters", ctx -> json(ctx, parameters()));
        route(HandlerType.GET, "/api/publications", ctx -> {
            int limit = intParam(ctx, "limit", 100, 1, 10_000);
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            ArrayNode list = o.putArray("publications");
            for (Publication p : new PublicationStore(db).log(limit)) {
                list.add(publication(p));
            }
            json(ctx, o);
        });
        route(HandlerType.POST, "/api/parameters/{name}", ctx -> {
            JsonNode body = parseBody(ctx);
            Publication p = publisher.publish(ctx.pathParam("name"), ctx.header("Authorization"), body);
            json(ctx, publication(p));
        });
        routes.add("GET /api/stream");
        app.sse("/api/stream", client -> sse.connect(client, live.curves()));
    }

    /** The matched route's template, for metric labels ("unmatched" for a 404, "static" for files). */
    private static String routeOf(Context ctx) {
        try {
            String r = ctx.endpointHandlerPath();
            return r == null || r.isEmpty() ? "static" : r;
        } catch (IllegalStateException e) {
            return ctx.statusCode() == 404 ? "unmatched" : "static";
        }
    }

    private void route(HandlerType method, String path, Handler handler) {
        routes.add(method.name() + " " + path);
        app.addHttpHandler(method, path, handler);
    }

    private ObjectNode measure(Measure m, AssetId asset) {
        ObjectNode view = views.view(m, asset);
        if (m != Measure.LIQUIDATION_CURVE) {
            history.report(live.report());
        }
        return view;
    }

    private void history(Context ctx) {
        String name = ctx.queryParam("measure");
        if (name == null) {
            throw ApiError.badRequest("measure", "required, one of " + measureNames());
        }
        Measure m = Measure.byWire(name).orElseThrow(() -> ApiError.badRequest("measure", "must be one of "
                + measureNames() + ", was '" + name + "'"));
        String assetParam = ctx.queryParam("asset");
        AssetId asset = null;
        if (m.perAsset()) {
            if (assetParam == null) {
                throw ApiError.badRequest("asset", "required for the per-asset measure " + m.wire());
            }
            asset = AssetId.of(assetParam);
            if (!live.assets().contains(asset)) {
                throw ApiError.notFound("asset", "'" + assetParam + "' is not an asset held in ecosystem '"
                        + config.snapshot().name() + "'");
            }
        } else if (assetParam != null) {
            throw ApiError.badRequest("asset", m.wire() + " is ecosystem-wide: give no asset");
        }
        long from = longParam(ctx, "from", 0);
        long to = longParam(ctx, "to", Long.MAX_VALUE);
        if (from > to) {
            throw ApiError.badRequest("from", "must not be after to (" + from + " > " + to + ")");
        }
        int limit = intParam(ctx, "limit", 1000, 1, 100_000);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("measure", m.wire());
        if (asset == null) {
            o.putNull("asset");
        } else {
            o.put("asset", asset.value());
        }
        o.put("schemaPointer", m.schemaPointer());
        ArrayNode entries = o.putArray("entries");
        for (HistoryEntry e : history.read(m, asset, from, to, limit)) {
            ObjectNode n = entries.addObject();
            n.put("recordedMs", e.recordedMs());
            n.put("liveVersion", e.liveVersion());
            n.set("value", Json.parse(e.body()));
        }
        json(ctx, o);
    }

    private static String measureNames() {
        List<String> names = new ArrayList<>();
        for (Measure m : Measure.values()) {
            names.add(m.wire());
        }
        return String.join(", ", names);
    }

    private RunRecord run(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9a-f-]{36}")) {
            throw ApiError.badRequest("id", "a run id is a UUID as POST /api/runs returned it, was '" + id + "'");
        }
        return runs.find(id).orElseThrow(() -> ApiError.notFound("id", "no run " + id));
    }

    private static ObjectNode status(RunRecord r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", r.id());
        o.put("status", r.status().wire());
        o.put("scenario", r.scenarioName());
        o.put("ecosystem", r.ecosystem());
        o.put("seed", r.seed());
        o.put("submittedMs", r.submittedMs());
        if (r.finishedMs() == null) {
            o.putNull("finishedMs");
        } else {
            o.put("finishedMs", r.finishedMs());
        }
        if (r.error() == null) {
            o.putNull("error");
        } else {
            o.put("error", r.error());
        }
        if (r.resultSha256() == null) {
            o.putNull("resultSha256");
        } else {
            o.put("resultSha256", r.resultSha256());
        }
        return o;
    }

    private ObjectNode parameters() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("publishing", config.publishToken() != null);
        o.put("minIntervalMs", publisher.minInterval().toMillis());
        ArrayNode list = o.putArray("parameters");
        for (PublishRule r : publisher.rules().values()) {
            ObjectNode n = list.addObject();
            n.put("parameter", r.parameter());
            n.put("value", publisher.current(r));
            n.put("maxStep", r.maxStep());
            ParameterValue v = publisher.published(r.parameter()).orElse(null);
            if (v == null) {
                n.putNull("updatedMs");
            } else {
                n.put("updatedMs", v.updatedMs());
            }
        }
        return o;
    }

    private static ObjectNode publication(Publication p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", p.id());
        o.put("atMs", p.atMs());
        o.put("parameter", p.parameter());
        o.put("requested", p.requested());
        if (p.previous() == null) {
            o.putNull("previous");
        } else {
            o.put("previous", p.previous());
        }
        o.put("accepted", p.accepted());
        o.put("reason", p.reason());
        return o;
    }

    private static JsonNode parseBody(Context ctx) {
        try {
            return Json.MAPPER.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("body", "not JSON: " + e.getOriginalMessage());
        }
    }

    private static int intParam(Context ctx, String name, int dflt, int min, int max) {
        long v = longParam(ctx, name, dflt);
        if (v < min || v > max) {
            throw ApiError.badRequest(name, "must be in " + min + ".." + max + ", was " + v);
        }
        return (int) v;
    }

    private static long longParam(Context ctx, String name, long dflt) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name, "a whole number, was '" + v + "'");
        }
    }

    private static void json(Context ctx, JsonNode node) {
        ctx.contentType("application/json").result(Json.write(node));
    }

    /** The Chart.js WebJar's version, from its Maven metadata, so the page names the file the jar serves. */
    private static String chartJsVersion() {
        java.util.Properties p = new java.util.Properties();
        try (InputStream in = FractureService.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the Chart.js WebJar is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = FractureService.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the service's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
        if (app != null) {
            app.stop();
        }
        runs.close();
        db.close();
    }
}
