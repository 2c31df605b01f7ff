package dev.fracture.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch: JSON instead of a table. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;
}
