package dev.fracture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fracture.engine.RunProgress;
import dev.fracture.io.LoadedScenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden-copy regression test of the demo: the summary of {@code defi-2025-stress} at its own seed must equal, number
 * for number, the checked-in {@code cli/src/test/resources/golden/defi-2025-stress-summary.json}. Any change to the
 * engine, the bundled ecosystem or the scenario that moves a number fails it, on purpose.
 *
 * <p>When a change is meant to move the numbers, regenerate the file deliberately and explain in the commit message
 * which numbers moved and why:
 * <pre>
 *   ./mvnw -B -pl cli -am test -Dtest=DemoGoldenTest -Dsurefire.failIfNoSpecifiedTests=false \
 *       -Dfracture.golden.update=true
 * </pre>
 * (the property is passed on to the test JVM by the parent pom's surefire configuration; the file is written into
 * the source tree, found through the {@code fracture.repo} property).
 */
class DemoGoldenTest {
    private static final String RESOURCE = "golden/defi-2025-stress-summary.json";

    static String goldenText() {
        LoadedScenario loaded = DemoCommand.scenario();
        ScenarioRun run = ScenarioRun.of(loaded, loaded.scenario().seed(), RunProgress.NONE);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenario", loaded.scenario().name());
        doc.put("seed", run.seed());
        doc.put("blocks", run.result().trace().blocks());
        doc.put("summary", run.result().summary());
        return Json.sortedText(doc);
    }

    @Test
    void demoSummaryEqualsTheGoldenCopy() throws IOException {
        String actual = goldenText();
        if (Boolean.getBoolean("fracture.golden.update")) {
            Path file = Path.of(System.getProperty("fracture.repo", ".."), "cli/src/test/resources", RESOURCE);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            System.err.println("DemoGoldenTest: wrote " + file + "; explain the change in the commit message");
        }
        String golden = actual;
        if (!Boolean.getBoolean("fracture.golden.update")) {
            try (InputStream in = DemoGoldenTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                assertThat(in).as("golden file " + RESOURCE + " on the test classpath").isNotNull();
                golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode want = mapper.readTree(golden);
        JsonNode got = mapper.readTree(actual);
        List<String> diffs = new ArrayList<>();
        diff("", want, got, diffs);
        assertThat(diffs).as("the demo summary moved from the golden copy " + RESOURCE + ". If the change is meant, "
                + "regenerate it with -Dfracture.golden.update=true (see this class's Javadoc) and explain the moved "
                + "numbers in the commit message").isEmpty();
    }

    @Test
    void theGoldenRunIsReproducible() {
        assertThat(goldenText()).isEqualTo(goldenText());
    }

    /** Paths whose values differ (numbers compared exactly), with both values. */
    private static void diff(String path, JsonNode want, JsonNode got, List<String> out) {
        if (want.isObject() && got.isObject()) {
            Iterator<String> names = want.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                diff(path + "/" + n, want.get(n), got.has(n) ? got.get(n) : com.fasterxml.jackson.databind.node
                        .MissingNode.getInstance(), out);
            }
            got.fieldNames().forEachRemaining(n -> {
                if (!want.has(n)) {
                    out.add(path + "/" + n + ": not in the golden copy, now " + got.get(n));
                }
            });
        } else if (!want.equals(got)) {
            out.add(path + ": golden " + want + ", now " + got);
        }
    }
}
