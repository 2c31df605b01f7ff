package dev.fracture.cli;

import dev.fracture.io.BundledScenarios;
import dev.fracture.io.LoadedScenario;
import dev.fracture.io.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A scenario named on the command line: a file, or a bundled scenario's name. */
final class ScenarioSource {
    private ScenarioSource() {
    }

    static LoadedScenario load(String nameOrFile) throws IOException {
        Path path = Path.of(nameOrFile);
        if (Files.isRegularFile(path)) {
            return ScenarioReader.read(path);
        }
        if (BundledScenarios.names().contains(nameOrFile)) {
            return BundledScenarios.load(nameOrFile);
        }
        throw new IllegalArgumentException("scenario '" + nameOrFile + "' is neither a file nor a bundled scenario ("
                + String.join(", ", BundledScenarios.names()) + ")");
    }
}
