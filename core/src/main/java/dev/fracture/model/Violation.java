package dev.fracture.model;

/**
 * One rule broken by an input.
 *
 * @param path the field path, JSON-Pointer-like with dots and indexes: {@code venues[2].reserve0}
 * @param rule what the rule is, in words a user can act on
 */
public record Violation(String path, String rule) {
    @Override
    public String toString() {
        return path + ": " + rule;
    }
}
