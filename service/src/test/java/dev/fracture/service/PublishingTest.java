package dev.fracture.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fracture.io.BundledEcosystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Publishing: only with the token; only whitelisted parameters; no change larger than the step; none sooner than the
 * interval; every judged attempt recorded with its reason; malformed or unauthenticated requests change nothing. On
 * H2 and on PostgreSQL.
 */
class PublishingTest {
    private static final String TOKEN = "correct-horse-battery-staple";
    private static final String LT = "aave-v3.eth.liquidationThresholdBps";
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theRulesDecideAndEveryJudgedAttemptIsRecorded(String kind) throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000);
        ServiceConfig config = ServiceConfig.defaults(BundledEcosystems.load("defi-2025"), Stores.of(kind, dir))
                .withPort(0).withPublishing(TOKEN, List.of(new PublishRule(LT, 8300, 50)), Duration.ofMinutes(10));
        try (FractureService s = FractureService.start(config, clock::get)) {
            Http http = new Http(s.url());
            String auth = "Bearer " + TOKEN;
            JsonNode params = http.get("/api/parameters").json();
            assertThat(Schemas.component("Parameters", params)).isEmpty();
            assertThat(params.get("parameters").get(0).get("value").asDouble()).isEqualTo(8300);

            // Not judged, not recorded: no token, a wrong token, malformed bodies.
            Map<String, Long> before = s.database().rowCounts();
            ApiContractTest.assertError(http.post("/api/parameters/" + LT, "application/json", "{\"value\": 8280}"),
                    401, "Authorization");
            ApiContractTest.assertError(http.post("/api/parameters/" + LT, "application/json", "{\"value\": 8280}",
                    "Authorization", "Bearer correct-horse-battery-stapl"), 401, "Authorization");
            ApiContractTest.assertError(http.post("/api/parameters/" + LT, "application/json", "{\"value\": ",
                    "Authorization", auth), 400, "body");
            ApiContractTest.assertError(http.post("/api/parameters/" + LT, "application/json", "{\"value\": \"8280\"}",
                    "Authorization", auth), 400, "body.value");
            ApiContractTest.assertError(http.post("/api/parameters/" + LT, "application/json",
                    "{\"value\": 8280, \"force\": true}", "Authorization", auth), 400, "body.force");
            ApiContractTest.assertError(http.post("/api/parameters/" + LT, "application/json", "[8280]",
                    "Authorization", auth), 400, "body");
            assertThat(s.database().rowCounts()).isEqualTo(before);

            // Judged and refused: recorded, value unchanged.
            ApiContractTest.assertError(http.post("/api/parameters/aave-v3.eth.ltv", "application/json",
                    "{\"value\": 1}", "Authorization", auth), 403, "parameter");
            ApiContractTest.assertError(http.post("/api/parameters/" + LT, "application/json", "{\"value\": 8200}",
                    "Authorization", auth), 409, "body.value");
            assertThat(s.database().rowCounts()).containsEntry("publication", 2L).containsEntry("parameter_value", 0L);

            // Accepted: 8300 -> 8250 is exactly the step.
            Http.Response ok = http.post("/api/parameters/" + LT, "application/json", "{\"value\": 8250}",
                    "Authorization", auth);
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(Schemas.component("Publication", ok.json())).isEmpty();
            assertThat(ok.json().get("previous").asDouble()).isEqualTo(8300);

            // Too soon: 9 minutes later.
            clock.addAndGet(Duration.ofMinutes(9).toMillis());
            ApiContractTest.assertError(http.post("/api/parameters/" + LT, "application/json", "{\"value\": 8240}",
                    "Authorization", auth), 429, "parameter");
            // After the interval the step is measured from the new value: 8250 -> 8200 passes, 8250 -> 8190 does not.
            clock.addAndGet(Duration.ofMinutes(1).toMillis());
            ApiContractTest.assertError(http.post("/api/parameters/" + LT, "application/json", "{\"value\": 8190}",
                    "Authorization", auth), 409, "body.value");
            assertThat(http.post("/api/parameters/" + LT, "application/json", "{\"value\": 8200}", "Authorization",
                    auth).status()).isEqualTo(200);

            JsonNode log = http.get("/api/publications").json();
            assertThat(Schemas.component("PublicationList", log)).isEmpty();
            assertThat(log.get("publications")).hasSize(6);
            assertThat(log.get("publications").findValuesAsText("accepted"))
                    .containsExactly("true", "false", "false", "true", "false", "false");
            assertThat(http.get("/api/parameters").json().get("parameters").get(0).get("value").asDouble())
                    .isEqualTo(8200);
        }
    }
}
