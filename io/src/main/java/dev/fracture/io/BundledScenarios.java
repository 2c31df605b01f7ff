package dev.fracture.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scenarios shipped inside the io jar, under {@code scenarios/<name>.yaml}, each naming a bundled ecosystem and
 * carrying its price paths inline, since a jar's resources are not files another file can name.
 */
public final class BundledScenarios {
    private static final List<String> NAMES = List.of("eth-crash-30", "black-thursday-2020", "black-thursday-2020-maker",
            "defi-2025-stress");

    private BundledScenarios() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /**
     * What the commands' SCENARIO argument names: a scenario file when one exists at that path, or else a bundled
     * scenario; neither is an error that lists the bundled names.
     */
    public static LoadedScenario fileOrBundled(String nameOrFile) throws IOException {
        Path path = Path.of(nameOrFile);
        if (Files.isRegularFile(path)) {
            return ScenarioReader.read(path);
        }
        if (NAMES.contains(nameOrFile)) {
            return load(nameOrFile);
        }
        throw new IllegalArgumentException("scenario '" + nameOrFile + "' is neither a file nor a bundled scenario ("
                + String.join(", ", NAMES) + ")");
    }

    /** Reads a bundled scenario and its ecosystem, checked against each other; errors name the resource. */
    public static LoadedScenario load(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown bundled scenario '" + name + "' (bundled: "
                    + String.join(", ", NAMES) + ")");
        }
        String resource = "scenarios/" + name + ".yaml";
        try (InputStream in = BundledScenarios.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled scenario resource missing from the classpath: " + resource);
            }
            return ScenarioReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, Format.YAML,
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
