package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The populations example in docs/formats.md is the protocols section of the resource the population tests read. */
class PopulationsDocTest {
    private static final String HEADING = "### Populations";
    private static final String FENCE_OPEN = "```yaml\n";
    private static final String FENCE_CLOSE = "\n```\n";

    @Test
    void docExampleEqualsTheTestedResource() throws IOException {
        String doc = Files.readString(repoRoot().resolve("docs/formats.md"), StandardCharsets.UTF_8);
        int heading = doc.indexOf(HEADING);
        assertThat(heading).as("docs/formats.md has a '%s' section", HEADING).isNotNegative();
        int start = doc.indexOf(FENCE_OPEN, heading) + FENCE_OPEN.length();
        int end = doc.indexOf(FENCE_CLOSE, start);
        String block = doc.substring(start, end + 1);
        String resource = Resources.text("/snapshots/populations.yaml");
        assertThat(block).isEqualTo(resource.substring(resource.indexOf("protocols:\n")));
    }

    /** Surefire sets fracture.repo to the reactor root; a run from the io directory falls back to its parent. */
    private static Path repoRoot() {
        String configured = System.getProperty("fracture.repo");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..");
    }
}
