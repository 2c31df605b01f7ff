package dev.fracture.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of the files and folders a command will write, made before a run starts so that a long run does not end
 * in "cannot write". The write itself still reports its own error (a disk can fill up meanwhile).
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** {@code file} can be created or replaced: not a folder, its folder exists and is writable. */
    static void checkFile(String option, Path file) {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new IllegalArgumentException(option + " " + file + ": is a directory, not a file");
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + file + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir) || (Files.exists(abs) && !Files.isWritable(abs))) {
            throw new IllegalArgumentException(option + " " + file + ": not writable");
        }
    }

    /** {@code dir} is a writable folder, or can be created (its nearest existing ancestor is a writable folder). */
    static void checkDirectory(String option, Path dir) {
        Path abs = dir.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IllegalArgumentException(option + " " + dir + ": exists and is not a directory");
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new IllegalArgumentException(option + " " + dir + ": cannot create or write it ("
                    + existing + " is not a writable directory)");
        }
    }
}
