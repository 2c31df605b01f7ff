package dev.fracture.cli;

import dev.fracture.io.BundledScenarios;
import dev.fracture.io.LoadedScenario;
import java.io.IOException;

/** The SCENARIO argument of the commands that run one: a scenario file, or else a bundled scenario's name. */
final class ScenarioSource {
    private ScenarioSource() {
    }

    static LoadedScenario load(String nameOrFile) throws IOException {
        return BundledScenarios.fileOrBundled(nameOrFile);
    }

    /** The bundled scenario names, for help texts. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return BundledScenarios.names().iterator();
        }
    }
}
