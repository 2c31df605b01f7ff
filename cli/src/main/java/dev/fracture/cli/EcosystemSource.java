package dev.fracture.cli;

import dev.fracture.io.BundledEcosystems;
import dev.fracture.io.SnapshotReader;
import dev.fracture.model.EcosystemSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves an {@code --ecosystem} argument: a bundled ecosystem's name, or a snapshot file (YAML or JSON). */
final class EcosystemSource {
    static final String DEFAULT = "defi-2025";

    private EcosystemSource() {
    }

    static EcosystemSnapshot load(String nameOrFile) {
        Path path = Path.of(nameOrFile);
        if (Files.isRegularFile(path)) {
            try {
                return SnapshotReader.read(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + nameOrFile + ": " + e.getMessage(), e);
            }
        }
        if (BundledEcosystems.names().contains(nameOrFile)) {
            return BundledEcosystems.load(nameOrFile);
        }
        throw new IllegalArgumentException("--ecosystem '" + nameOrFile + "' is neither a file nor a bundled ecosystem ("
                + String.join(", ", BundledEcosystems.names()) + ")");
    }
}
