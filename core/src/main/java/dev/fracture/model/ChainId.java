package dev.fracture.model;

/**
 * Identifier of a chain within one ecosystem snapshot. Ids are case-sensitive, non-blank and contain no
 * whitespace, so they can appear unquoted on a command line and in file formats.
 */
public record ChainId(String value) implements Comparable<ChainId> {
    public ChainId {
        Ids.requireValid(value, "chain id");
    }

    public static ChainId of(String value) {
        return new ChainId(value);
    }

    @Override
    public int compareTo(ChainId other) {
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
        return this == o || o instanceof ChainId other && value.equals(other.value);
    }

    /** The generated record hash, {@code value.hashCode()}: the same number, so every map's order stays. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
