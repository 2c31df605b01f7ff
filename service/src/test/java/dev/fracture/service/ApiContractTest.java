package dev.fracture.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fracture.io.BundledEcosystems;
import dev.fracture.measure.ExposureBook;
import dev.fracture.measure.LiquidationCurveCalculator;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every read endpoint answers with JSON that validates against the risk-report schema (the part its
 * {@code schemaPointer} names) or its OpenAPI component, and bad requests are refused with 4xx, a JSON error naming
 * the field and the rule, and no change to the store.
 */
class ApiContractTest {
    private static final EcosystemSnapshot DEFI = BundledEcosystems.load("defi-2025");
    @TempDir
    static Path dir;
    private static FractureService service;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        service = FractureService.start(ServiceConfig.defaults(DEFI, Stores.h2(dir)).withPort(0)
                .withHistoryEvery(Duration.ZERO));
        http = new Http(service.url());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void healthSaysWhatIsServed() {
        Http.Response r = http.get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(Schemas.component("Health", r.json())).isEmpty();
        assertThat(r.json().get("ecosystem").asText()).isEqualTo("defi-2025");
        assertThat(r.json().get("store").asText()).isEqualTo("h2");
    }

    @Test
    void assetsListEveryAssetHeldWithItsPrice() {
        Http.Response r = http.get("/api/assets");
        assertThat(r.status()).isEqualTo(200);
        assertThat(Schemas.component("AssetList", r.json())).isEmpty();
        JsonNode eth = find(r.json().get("assets"), "eth");
        assertThat(eth.get("referencePriceUsd").asDouble()).isEqualTo(3300);
        assertThat(Schemas.report("#/properties/snapshot", r.json().get("snapshot"))).isEmpty();
    }

    @Test
    void theWholeReportValidatesAgainstTheSchema() {
        Http.Response r = http.get("/api/report");
        assertThat(r.status()).isEqualTo(200);
        assertThat(Schemas.report("", r.json())).isEmpty();
    }

    @Test
    void everyMeasureOfEveryAssetSpeaksItsPartOfTheSchema() {
        List<String> assets = service.live().assets().stream().map(AssetId::value).toList();
        assertThat(assets).contains("eth", "wbtc");
        for (String a : assets) {
            for (Measure m : Measure.values()) {
                if (!m.perAsset()) {
                    continue;
                }
                Http.Response r = http.get("/api/assets/" + a + "/" + m.path());
                assertThat(r.status()).as(a + " " + m).isEqualTo(200);
                assertEnvelope(r.json(), m, a);
            }
        }
        for (Measure m : List.of(Measure.ORACLES, Measure.NETWORK)) {
            Http.Response r = http.get("/api/" + m.path());
            assertThat(r.status()).as(m.name()).isEqualTo(200);
            assertEnvelope(r.json(), m, null);
        }
    }

    @Test
    void theCurveIsTheCalculatorsCurve() {
        JsonNode v = http.get("/api/assets/eth/curve").json().get("value");
        var truth = LiquidationCurveCalculator.DEFAULT.curve(ExposureBook.of(DEFI), AssetId.of("eth"));
        assertThat(v.get("down")).hasSize(truth.down().size());
        for (int k = 0; k < truth.down().size(); k++) {
            assertThat(v.get("down").get(k).get("positions").asInt()).isEqualTo(truth.down().get(k).positions());
            assertThat(v.get("down").get(k).get("collateralUsd").asDouble())
                    .isCloseTo(truth.down().get(k).collateralUsd(), org.assertj.core.data.Offset.offset(1e-2));
        }
    }

    @Test
    void historyHoldsTheMeasuresRecordedAtStart() {
        for (Measure m : Measure.values()) {
            String q = "/api/history?measure=" + m.wire() + (m.perAsset() ? "&asset=eth" : "");
            Http.Response r = http.get(q);
            assertThat(r.status()).as(q).isEqualTo(200);
            assertThat(Schemas.component("History", r.json())).as(q).isEmpty();
            JsonNode entries = r.json().get("entries");
            assertThat(entries.size()).as(q).isGreaterThanOrEqualTo(1);
            for (JsonNode e : entries) {
                assertThat(Schemas.report(m.schemaPointer(), e.get("value"))).as(q).isEmpty();
            }
        }
        Http.Response none = http.get("/api/history?measure=depth&asset=eth&from=0&to=1");
        assertThat(none.json().get("entries")).isEmpty();
    }

    @Test
    void metricsAreInTheExpositionFormat() {
        http.get("/api/assets/eth/curve");
        Http.Response r = http.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        assertThat(r.body()).contains("# TYPE http_requests_total counter")
                .contains("http_requests_total{method=\"GET\",route=\"/api/assets/{asset}/curve\",status=\"200\"}")
                .contains("# TYPE http_request_duration_seconds histogram")
                .contains("fracture_store_writes_total{table=\"measure_history\"}");
        for (String line : r.body().split("\n")) {
            assertThat(line).as("exposition line").matches("(# (HELP|TYPE) .*)|([a-z_]+(\\{.*\\})? \\S+)");
        }
    }

    @Test
    void theOpenApiDocumentIsServed() {
        Http.Response r = http.get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void badRequestsAreRefusedWithTheFieldAndTheRuleAndChangeNothing() {
        Map<String, Long> before = service.database().rowCounts();
        assertError(http.get("/api/assets/doge/curve"), 404, "asset");
        assertError(http.get("/api/assets/doge/depth"), 404, "asset");
        assertError(http.get("/api/history"), 400, "measure");
        assertError(http.get("/api/history?measure=volume"), 400, "measure");
        assertError(http.get("/api/history?measure=depth"), 400, "asset");
        assertError(http.get("/api/history?measure=network&asset=eth"), 400, "asset");
        assertError(http.get("/api/history?measure=depth&asset=eth&from=x"), 400, "from");
        assertError(http.get("/api/history?measure=depth&asset=eth&from=5&to=1"), 400, "from");
        assertError(http.get("/api/history?measure=depth&asset=eth&limit=0"), 400, "limit");
        assertError(http.get("/api/runs/not-a-run"), 400, "id");
        assertError(http.get("/api/runs/00000000-0000-0000-0000-000000000000"), 404, "id");
        assertError(http.get("/api/runs/00000000-0000-0000-0000-000000000000/result"), 404, "id");
        assertError(http.get("/api/runs?limit=-1"), 400, "limit");
        assertError(http.get("/api/nowhere"), 404, "path");
        assertError(http.post("/api/runs", "text/plain", "name: x"), 415, "Content-Type");
        assertError(http.post("/api/runs", "application/yaml", ""), 400, "body");
        assertError(http.post("/api/runs", "application/yaml", "name: [unclosed"), 400, "body");
        assertError(http.post("/api/runs?seed=abc", "application/yaml", "name: x"), 400, "seed");
        assertError(http.post("/api/parameters/x", "application/json", "{\"value\": 1}"), 403, "Authorization");
        assertThat(service.database().rowCounts()).isEqualTo(before);
    }

    static void assertError(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(Schemas.component("Error", r.json())).as(r.body()).isEmpty();
        assertThat(r.json().get("error").get("field").asText()).as(r.body()).isEqualTo(field);
        assertThat(r.json().get("error").get("rule").asText()).as(r.body()).isNotBlank();
    }

    private static void assertEnvelope(JsonNode doc, Measure m, String asset) {
        assertThat(Schemas.component("MeasureEnvelope", doc)).as(m + " " + asset).isEmpty();
        assertThat(doc.get("measure").asText()).isEqualTo(m.wire());
        assertThat(doc.get("schemaPointer").asText()).isEqualTo(m.schemaPointer());
        assertThat(Schemas.report(m.schemaPointer(), doc.get("value"))).as(m + " " + asset).isEmpty();
        if (asset != null) {
            assertThat(doc.get("asset").asText()).isEqualTo(asset);
        }
    }

    static JsonNode find(JsonNode list, String asset) {
        for (JsonNode n : list) {
            if (n.get("asset").asText().equals(asset)) {
                return n;
            }
        }
        throw new AssertionError("no " + asset + " in " + list);
    }
}
