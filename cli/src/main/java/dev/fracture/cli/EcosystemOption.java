package dev.fracture.cli;

import dev.fracture.model.EcosystemSnapshot;
import picocli.CommandLine.Option;

/** The {@code --ecosystem} option every command that reads an ecosystem shares. */
final class EcosystemOption {
    @Option(names = "--ecosystem", defaultValue = EcosystemSource.DEFAULT,
            description = "Bundled ecosystem name or snapshot file (YAML/JSON). Default: ${DEFAULT-VALUE}.")
    String ecosystem;

    EcosystemSnapshot load() {
        return EcosystemSource.load(ecosystem);
    }
}
