package dev.fracture.io;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.Violation;
import dev.fracture.scenario.Scenario;
import dev.fracture.scenario.ScenarioValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a scenario from YAML or JSON, with the ecosystem it names, and checks one against the other. Either both are
 * returned, complete and valid, or a {@link SnapshotFormatException} lists every problem as
 * {@code file:line:column: path: rule}.
 *
 * <p>The stages are those of {@link SnapshotReader}: syntax, then shape and each record's own rules (the data files
 * the scenario names are read here, relative to the scenario file, their errors keeping their own file:line), then
 * the ecosystem, then the rules relating the scenario to it. A stage runs only when the earlier ones found nothing.
 * An ecosystem file with errors reports them under its own name.
 */
public final class ScenarioReader {
    private ScenarioReader() {
    }

    /** Reads a file; the format follows its extension (.yaml, .yml or .json). */
    public static LoadedScenario read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        return read(text, file.getFileName().toString(), Format.of(file), dir);
    }

    /**
     * @param sourceName the name error messages use for the text
     * @param baseDir    where relative file names in the scenario are resolved; null when it names none
     */
    public static LoadedScenario read(String text, String sourceName, Format format, Path baseDir) throws IOException {
        SourceNode root = SourceTreeReader.parse(text, sourceName, format);
        if (root == null) {
            throw located(List.of(new SourceProblem(sourceName, new SourceLocation(1, 1), "",
                    "empty document: expected a scenario object")));
        }
        Decoding decoding = new Decoding(sourceName);
        Scenario scenario = new ScenarioDecoder(decoding, baseDir).decode(root);
        if (!decoding.problems().isEmpty() || scenario == null) {
            throw located(decoding.problems());
        }
        EcosystemSnapshot snapshot = ecosystem(scenario.ecosystem(), baseDir, sourceName, decoding);
        List<Violation> violations = ScenarioValidator.DEFAULT.validate(scenario, snapshot);
        if (!violations.isEmpty()) {
            List<SourceProblem> problems = new ArrayList<>();
            for (Violation v : violations) {
                problems.add(new SourceProblem(sourceName, decoding.sourceMap().locate(v.path()), v.path(), v.rule()));
            }
            throw located(problems);
        }
        return new LoadedScenario(scenario, snapshot);
    }

    /** A bundled name first, so that a scenario naming {@code defi-2025} reads the same wherever it lies. */
    private static EcosystemSnapshot ecosystem(String name, Path baseDir, String sourceName, Decoding decoding)
            throws IOException {
        if (BundledEcosystems.names().contains(name)) {
            return BundledEcosystems.load(name);
        }
        Path file = baseDir == null ? null : baseDir.resolve(name).normalize();
        if (file == null || !Files.isRegularFile(file)) {
            throw located(List.of(new SourceProblem(sourceName, decoding.sourceMap().locate("ecosystem"), "ecosystem",
                    "'" + name + "' is neither a bundled ecosystem (" + String.join(", ", BundledEcosystems.names())
                            + ") nor a snapshot file" + (file == null ? "" : " (no file " + file + ")"))));
        }
        return SnapshotReader.read(file);
    }

    private static SnapshotFormatException located(List<SourceProblem> problems) {
        List<SourceProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(SourceProblem::location));
        return new SnapshotFormatException(sorted);
    }
}
