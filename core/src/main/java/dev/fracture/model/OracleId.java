package dev.fracture.model;

/**
 * Identifier of an oracle feed within one ecosystem snapshot. Ids are case-sensitive, non-blank and contain no
 * whitespace, so they can appear unquoted on a command line and in file formats.
 */
public record OracleId(String value) implements Comparable<OracleId> {
    public OracleId {
        Ids.requireValid(value, "oracle id");
    }

    public static OracleId of(String value) {
        return new OracleId(value);
    }

    @Override
    public int compareTo(OracleId other) {
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
        return this == o || o instanceof OracleId other && value.equals(other.value);
    }

    /** The generated record hash, {@code value.hashCode()}: the same number, so every map's order stays. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
