package dev.fracture.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.io.BundledEcosystems;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run executor is bounded: with one thread and no queue, a second submission while the first runs (the bundled
 * eth-crash-30 takes seconds of engine time) is refused with 503 and stores nothing; once the first is done a new one
 * is accepted.
 */
class RunQueueTest {
    @TempDir
    Path dir;

    @Test
    void aFullQueueRefusesWithoutStoring() throws Exception {
        String yaml = ScenarioRunTest.bundled("eth-crash-30");
        try (FractureService s = FractureService.start(ServiceConfig.defaults(BundledEcosystems.load("defi-2025"),
                Stores.h2(dir)).withPort(0).withRuns(1, 0))) {
            Http http = new Http(s.url());
            Http.Response first = http.post("/api/runs", "application/yaml", yaml);
            assertThat(first.status()).isEqualTo(202);
            Http.Response second = http.post("/api/runs", "application/yaml", yaml);
            ApiContractTest.assertError(second, 503, "body");
            assertThat(s.database().rowCounts()).containsEntry("scenario_run", 1L);
            ScenarioRunTest.await(http, first.json().get("id").asText());
            // The slot is released just after the run is stored as done.
            int status = 0;
            for (int i = 0; i < 100 && status != 202; i++) {
                status = http.post("/api/runs", "application/yaml", yaml).status();
                Thread.sleep(status == 202 ? 0 : 20);
            }
            assertThat(status).isEqualTo(202);
        }
    }
}
