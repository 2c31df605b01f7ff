package dev.fracture.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.ScenarioSetup;
import dev.fracture.engine.SimulationResult;
import dev.fracture.io.BundledEcosystems;
import dev.fracture.io.BundledScenarios;
import dev.fracture.io.LoadedScenario;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST a scenario, get 202 and an id, poll, fetch the result: the result is the engine's own run of the same scenario
 * and seed (same trace hash), in YAML or JSON. A scenario the reader refuses is a 400 naming its field, and nothing is
 * stored.
 */
class ScenarioRunTest {
    @TempDir
    Path dir;

    @Test
    void aScenarioRunsAndItsResultIsTheEnginesRun() throws Exception {
        String yaml = bundled("eth-crash-30");
        LoadedScenario loaded = BundledScenarios.load("eth-crash-30");
        SimulationResult direct = CascadeSimulator.DEFAULT.run(ScenarioSetup.of(loaded.scenario(), loaded.snapshot(),
                loaded.scenario().seed()).setup());
        try (FractureService s = start()) {
            Http http = new Http(s.url());
            Http.Response accepted = http.post("/api/runs", "application/yaml", yaml);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            assertThat(Schemas.component("RunAccepted", accepted.json())).isEmpty();
            JsonNode result = await(http, accepted.json().get("id").asText());
            assertThat(Schemas.component("RunResult", result)).isEmpty();
            assertThat(result.get("traceHash").asText()).isEqualTo(direct.trace().hash());
            assertThat(result.get("summary").get("liquidations").asInt()).isEqualTo(direct.summary().liquidations());
            assertThat(result.get("seed").asLong()).isEqualTo(30);
            // eth-crash-30 names its liquidators: nothing to caution about.
            assertThat(result.get("cautions")).isEmpty();

            String json = new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml));
            Http.Response asJson = http.post("/api/runs?seed=30", "application/json", json);
            assertThat(asJson.status()).isEqualTo(202);
            assertThat(await(http, asJson.json().get("id").asText()).get("traceHash").asText())
                    .isEqualTo(direct.trace().hash());

            Http.Response list = http.get("/api/runs");
            assertThat(Schemas.component("RunList", list.json())).isEmpty();
            assertThat(list.json().get("runs")).hasSize(2);
        }
    }

    @Test
    void aScenarioWithNoLiquidatorsRunsAndItsResultSaysSo() throws Exception {
        String yaml = """
                name: keeperless
                ecosystem: defi-2025
                horizonSeconds: 60
                drivers:
                  - {type: step, asset: eth, shock: -0.3, atSeconds: 12}
                """;
        try (FractureService s = start()) {
            Http http = new Http(s.url());
            Http.Response accepted = http.post("/api/runs", "application/yaml", yaml);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            JsonNode result = await(http, accepted.json().get("id").asText());
            assertThat(Schemas.component("RunResult", result)).isEmpty();
            assertThat(result.get("cautions")).hasSize(1);
            assertThat(result.get("cautions").get(0).asText()).startsWith("the scenario names no liquidators");
        }
    }

    @Test
    void aBadScenarioIsRefusedNamingItsFieldAndNothingIsStored() throws Exception {
        try (FractureService s = start()) {
            Http http = new Http(s.url());
            Map<String, Long> before = s.database().rowCounts();
            String bad = bundled("eth-crash-30").replace("horizonSeconds: 7200", "horizonSeconds: -5");
            Http.Response r = http.post("/api/runs", "application/yaml", bad);
            ApiContractTest.assertError(r, 400, "body.horizonSeconds");
            String unknownEcosystem = bundled("eth-crash-30").replace("ecosystem: defi-2025", "ecosystem: ../etc");
            ApiContractTest.assertError(http.post("/api/runs", "application/yaml", unknownEcosystem), 400,
                    "body.ecosystem");
            assertThat(s.database().rowCounts()).isEqualTo(before);
        }
    }

    private FractureService start() throws Exception {
        return FractureService.start(ServiceConfig.defaults(BundledEcosystems.load("defi-2025"), Stores.h2(dir))
                .withPort(0));
    }

    static JsonNode await(Http http, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Http.Response st = http.get("/api/runs/" + id);
            assertThat(Schemas.component("RunStatus", st.json())).isEmpty();
            String status = st.json().get("status").asText();
            if (status.equals("done")) {
                return http.get("/api/runs/" + id + "/result").json();
            }
            assertThat(status).as(st.body()).isNotEqualTo("failed");
            if (status.equals("queued") || status.equals("running")) {
                Http.Response early = http.get("/api/runs/" + id + "/result");
                assertThat(early.status()).isIn(200, 409);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish in 60 s");
    }

    static String bundled(String name) throws Exception {
        try (InputStream in = ScenarioRunTest.class.getResourceAsStream("/scenarios/" + name + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
