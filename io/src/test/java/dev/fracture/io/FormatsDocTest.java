package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The documentation's full example is the file the reader tests load, so the documented example always reads. */
class FormatsDocTest {
    private static final String HEADING = "## Full example";
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
        assertThat(block).isEqualTo(Resources.text("/snapshots/example.yaml"));
    }

    @Test
    void derivativesExampleEqualsTheTestedResource() throws IOException {
        String doc = Files.readString(repoRoot().resolve("docs/formats.md"), StandardCharsets.UTF_8);
        int heading = doc.indexOf("### Example: perp exchange and options dealer");
        assertThat(heading).as("docs/formats.md has the derivatives example").isNotNegative();
        int start = doc.indexOf(FENCE_OPEN, heading) + FENCE_OPEN.length();
        int end = doc.indexOf(FENCE_CLOSE, start);
        assertThat(doc.substring(start, end + 1)).isEqualTo(Resources.text("/snapshots/derivatives.yaml"));
    }

    /** Surefire sets fracture.repo to the reactor root; a run from the io directory falls back to its parent. */
    private static Path repoRoot() {
        String configured = System.getProperty("fracture.repo");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..");
    }
}
