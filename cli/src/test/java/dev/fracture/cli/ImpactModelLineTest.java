package dev.fracture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's impact-model line: the model's name, docs/measures.md's words for it, its parameters. */
class ImpactModelLineTest {

    @Test
    void namesTheModelAndItsParametersInTheirUnits() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("coefficientY", 0.5);
        p.put("dailyVolumeUsd", 2.5e9);
        p.put("dailyVolatility", 0.045);
        p.put("maxFall", 0.9500000000000001); // 1 - 0.05 in doubles: printed as the 95% it means
        assertThat(ImpactModelLine.of("square-root", p)).isEqualTo("impact model: square-root, the engine's "
                + "SquareRootImpact, dP/P = Y*sigma*sqrt(Q/V) (coefficientY 0.5, dailyVolumeUsd 2,500,000,000.00, "
                + "dailyVolatility 0.045, maxFall 0.95)");
    }

    @Test
    void aModelTheDocsDoNotListIsNamedOnly() {
        assertThat(ImpactModelLine.of("linear", Map.of())).isEqualTo("impact model: linear");
    }

    /** The venue-depth words are the docs' own, so the text and docs/measures.md cannot drift apart unnoticed. */
    @Test
    void theVenueDepthWordsAreThoseOfDocsMeasures() throws Exception {
        String repo = System.getProperty("fracture.repo", System.getProperty("user.dir") + "/..");
        String docs = Files.readString(Path.of(repo, "docs", "measures.md")).replaceAll("\\s+", " ");
        String line = ImpactModelLine.of("venue-depth", Map.of());
        String words = line.substring("impact model: venue-depth, ".length());
        assertThat(words).startsWith("as if all venues");
        assertThat(docs).contains("`venue-depth` (the report's): `fall(Q)` is the move at which the aggregated "
                + "depth curve has absorbed Q — " + words);
    }
}
