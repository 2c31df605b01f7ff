package dev.fracture.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ../shared/data} beside the checkout, where CI puts the project's market data. A user's fresh clone has
 * none: tests that need it skip, saying so.
 */
final class SharedData {
    private SharedData() {
    }

    static Path dir() {
        String repo = System.getProperty("fracture.repo", System.getProperty("user.dir") + "/..");
        Path data = Path.of(repo).toAbsolutePath().normalize().resolveSibling("shared").resolve("data");
        assumeTrue(Files.isDirectory(data), "skipped: no market data at " + data
                + " (it sits beside the checkout in CI; see the data README)");
        return data;
    }
}
