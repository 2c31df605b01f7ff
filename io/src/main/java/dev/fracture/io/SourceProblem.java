package dev.fracture.io;

/**
 * One thing wrong with a snapshot file.
 *
 * @param path the field path ({@code assets[2].decimals}); empty for a syntax error, which has no field
 */
public record SourceProblem(String source, SourceLocation location, String path, String rule) {
    /** {@code demo.yaml:14:7: assets[2].decimals: must be between 0 and 36 (was 40)}. */
    @Override
    public String toString() {
        return source + ":" + location + ": " + (path.isEmpty() ? "" : path + ": ") + rule;
    }
}
