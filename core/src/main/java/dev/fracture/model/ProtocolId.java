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

    /**
     * The generated record equality written out (ids are the keys of the engine's hot maps; this JDK's generated
     * {@code equals} and {@code hashCode} go through method handles on every call).
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ProtocolId other && value.equals(other.value);
    }

    /** The generated record hash, {@code value.hashCode()}: the same number, so every map's order stays. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
