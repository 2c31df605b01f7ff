package dev.fracture.market;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Locating the repository and Node for differential tests against npm peers. */
final class PeerSupport {
    private PeerSupport() {
    }

    /** System property fracture.repo (set by surefire), else the first ancestor of user.dir holding peer/. */
    static Path repoRoot() {
        String configured = System.getProperty("fracture.repo");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "peer"))) {
            return Path.of(configured);
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("peer"))) {
                return p;
            }
        }
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    static boolean nodeAvailable() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
