package dev.fracture.model;

/**
 * Identifier of a bridge within one ecosystem snapshot. Ids are case-sensitive, non-blank and contain no
 * whitespace, so they can appear unquoted on a command line and in file formats.
 */
public record BridgeId(String value) implements Comparable<BridgeId> {
    public BridgeId {
        Ids.requireValid(value, "bridge id");
    }

    public static BridgeId of(String value) {
        return new BridgeId(value);
    }

    @Override
    public int compareTo(BridgeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
