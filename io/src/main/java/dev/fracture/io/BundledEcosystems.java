package dev.fracture.io;

import dev.fracture.model.EcosystemSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Snapshots shipped inside the io jar, under {@code ecosystems/<name>.yaml}. The names are listed here rather than
 * discovered, because a jar's resources cannot be listed portably.
 */
public final class BundledEcosystems {
    private static final List<String> NAMES = List.of("defi-2025", "maker-2020");

    private BundledEcosystems() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** Reads and validates a bundled snapshot; errors name the resource, as for any file. */
    public static EcosystemSnapshot load(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown bundled ecosystem '" + name + "' (bundled: "
                    + String.join(", ", NAMES) + ")");
        }
        String resource = "ecosystems/" + name + ".yaml";
        try (InputStream in = BundledEcosystems.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled ecosystem resource missing from the classpath: " + resource);
            }
            return SnapshotReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, Format.YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
