package dev.fracture.io.store;

/**
 * One attempt to publish a parameter, accepted or refused. {@code requested} is the value as sent (text, so a refused
 * non-finite value is recorded as sent); {@code previous} the published value before the attempt, null if none.
 */
public record Publication(long id, long atMs, String parameter, String requested, Double previous, boolean accepted,
                          String reason) {
}
