package dev.fracture.cli;

import dev.fracture.io.BundledScenarios;
import dev.fracture.io.LoadedScenario;
import dev.fracture.io.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The SCENARIO argument of the commands that run one: a scenario file, or else a bundled scenario's name. */
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

    /** The bundled scenario names, for help texts. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return BundledScenarios.names().iterator();
        }
    }
}
