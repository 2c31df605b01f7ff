package dev.fracture.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fracture.io.BundledEcosystems;
import dev.fracture.measure.ExposureBook;
import dev.fracture.measure.LiquidationCurveCalculator;
import dev.fracture.measure.Position;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.service.live.LiveCurveBook;
import dev.fracture.service.live.PositionChange;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live loop: a replay file's price and position updates are applied in order and each republishes the curves on
 * the SSE stream; the last event's ETH curve is the calculator's curve of the ecosystem after the same updates, and
 * the history holds the republished curves.
 */
class LiveStreamTest {
    private static final EcosystemSnapshot DEFI = BundledEcosystems.load("defi-2025");
    @TempDir
    Path dir;

    @Test
    void replayedUpdatesAreStreamedAndEqualTheCalculatorAfterThem() throws Exception {
        Position p = ExposureBook.of(DEFI).positions().stream()
                .filter(x -> x.legs().stream().anyMatch(l -> l.asset().value().equals("eth") && l.collateralUsd() > 0))
                .findFirst().orElseThrow();
        Path replay = dir.resolve("replay.jsonl");
        Files.writeString(replay, String.join("\n",
                "# ETH falls in three steps while one account adds collateral",
                "{\"atMs\": 2000, \"type\": \"price\", \"asset\": \"eth\", \"priceUsd\": 3100}",
                "{\"atMs\": 2050, \"type\": \"position\", \"protocol\": \"" + p.protocol() + "\", \"market\": \""
                        + p.market() + "\", \"account\": \"" + p.account() + "\", \"asset\": \"eth\", "
                        + "\"collateral\": 42.5}",
                "{\"atMs\": 2100, \"type\": \"price\", \"asset\": \"eth\", \"priceUsd\": 2900}",
                "{\"atMs\": 2150, \"type\": \"price\", \"asset\": \"wbtc\", \"priceUsd\": 110000}",
                "{\"atMs\": 2200, \"type\": \"price\", \"asset\": \"eth\", \"priceUsd\": 2700}", ""));
        ServiceConfig config = ServiceConfig.defaults(DEFI, Stores.h2(dir.resolve("db"))).withPort(0)
                .withReplay(replay, 1).withHistoryEvery(Duration.ZERO);
        try (FractureService s = FractureService.start(config)) {
            // The replay starts 2 s after the service: the stream sees the start version, then every update.
            List<JsonNode> events = read(s.url(), 5);
            assertThat(events).extracting(e -> e.get("liveVersion").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            for (JsonNode e : events) {
                assertThat(Schemas.component("CurvesEvent", e)).isEmpty();
            }
            JsonNode last = events.get(5);
            JsonNode eth = ApiContractTest.find(last.get("curves"), "eth");
            assertThat(eth.get("priceUsd").asDouble()).isCloseTo(2700, org.assertj.core.data.Offset.offset(1e-9));

            LiveCurveBook reference = LiveCurveBook.of(DEFI);
            reference.applyPrice(AssetId.of("eth"), 3100);
            reference.applyPosition(new PositionChange(p.protocol().value(), p.market(), p.account().value(),
                    AssetId.of("eth"), 42.5, null, null));
            reference.applyPrice(AssetId.of("eth"), 2900);
            reference.applyPrice(AssetId.of("wbtc"), 110_000);
            reference.applyPrice(AssetId.of("eth"), 2700);
            var truth = LiquidationCurveCalculator.DEFAULT.curve(ExposureBook.of(reference.pricedSnapshot(),
                    reference.positions()), AssetId.of("eth"));
            JsonNode down = eth.get("value").get("down");
            for (int k = 0; k < truth.down().size(); k++) {
                assertThat(down.get(k).get("positions").asInt()).as("shock " + k).isEqualTo(
                        truth.down().get(k).positions());
                assertThat(down.get(k).get("collateralUsd").asDouble()).isCloseTo(truth.down().get(k).collateralUsd(),
                        org.assertj.core.data.Offset.offset(1e-2));
            }
            JsonNode history = new Http(s.url()).get("/api/history?measure=liquidationCurve&asset=eth").json();
            assertThat(history.get("entries").findValuesAsText("liveVersion")).contains("0", "5");
            String metrics = new Http(s.url()).get("/metrics").body();
            assertThat(metrics).contains("fracture_recompute_duration_seconds_count{type=\"price\"} 4")
                    .contains("fracture_live_updates_total{outcome=\"applied\"} 5");
        }
    }

    @Test
    void aBadReplayFileStopsTheStartNamingTheLine() throws Exception {
        Path replay = dir.resolve("bad.jsonl");
        Files.writeString(replay, "{\"atMs\": 0, \"type\": \"price\", \"asset\": \"eth\", \"priceUsd\": 3000}\n"
                + "{\"atMs\": 5, \"type\": \"price\", \"asset\": \"eth\", \"priceUsd\": -1}\n");
        ServiceConfig config = ServiceConfig.defaults(DEFI, Stores.h2(dir.resolve("db2"))).withPort(0)
                .withReplay(replay, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FractureService.start(config))
                .hasMessageContaining("bad.jsonl:2: priceUsd: must be > 0");
        assertThat(Files.exists(dir.resolve("db2"))).as("no store was created").isFalse();
    }

    /** The stream's events up to live version {@code last}, within 30 s. */
    static List<JsonNode> read(String base, long last) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/stream")).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<JsonNode> out = new ArrayList<>();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(30_000);
                r.body().close();
            } catch (Exception e) {
                // interrupted: the stream ended in time
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ") && "curves".equals(event)) {
                    JsonNode e = Http.MAPPER.readTree(line.substring(6));
                    out.add(e);
                    if (e.get("liveVersion").asLong() >= last) {
                        break;
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("the stream stopped after " + out.size() + " events", e);
        } finally {
            watchdog.interrupt();
        }
        return out;
    }
}
