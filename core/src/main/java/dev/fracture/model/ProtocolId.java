package dev.fracture.model;

/**
 * Identifier of a protocol within one ecosystem snapshot. Ids are case-sensitive, non-blank and contain no
 * whitespace, so they can appear unquoted on a command line and in file formats.
 */
public record ProtocolId(String value) implements Comparable<ProtocolId> {
    public ProtocolId {
        Ids.requireValid(value, "protocol id");
    }

    public static ProtocolId of(String value) {
        return new ProtocolId(value);
    }

    @Override
    public int compareTo(ProtocolId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
