package dev.fracture.io.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process killed with SIGKILL while it writes runs loses none it reported committed: a child JVM writes runs as fast
 * as it can, printing each id and result hash once {@code commit()} has returned; the test kills it mid-stream
 * ({@link Process#destroyForcibly}, SIGKILL on Unix), reopens the store and finds every reported run done, its
 * result intact (the stored hash and a fresh hash of the stored text both equal the reported one).
 */
class StoreKillTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void noCommittedRunIsLostWhenTheWriterIsKilled(String kind) throws Exception {
        String url = TestStores.url(kind, dir);
        long seed = 20261121L;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), KillWriter.class.getName(), url, Long.toString(seed))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> committed = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    String[] p = line.split(" ");
                    committed.put(p[1], p[2]);
                    if (committed.size() == 40) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(committed).as("seed " + seed).hasSize(40);
        try (Database db = Database.open(url)) {
            RunStore runs = new RunStore(db);
            for (Map.Entry<String, String> e : committed.entrySet()) {
                RunRecord r = runs.find(e.getKey()).orElseThrow(() -> new AssertionError("lost " + e.getKey()));
                assertThat(r.status()).as(e.getKey()).isEqualTo(RunStatus.DONE);
                assertThat(r.resultSha256()).as(e.getKey()).isEqualTo(e.getValue());
                assertThat(Sha256.hex(r.result())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }
}
