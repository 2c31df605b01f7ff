package dev.fracture.io;

import java.nio.file.Path;
import java.util.Locale;

/** The two spellings of the snapshot schema. */
public enum Format {
    YAML,
    JSON;

    /** The format a file's extension names: {@code .yaml}/{@code .yml} or {@code .json}. */
    public static Format of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        } else if (name.endsWith(".json")) {
            return JSON;
        }
        throw new IllegalArgumentException(file + ": unknown snapshot format; use a .yaml, .yml or .json file");
    }
}
