package dev.fracture.model;

/**
 * Identifier of a chain within one ecosystem snapshot. Ids are case-sensitive, non-blank and contain no
 * whitespace, so they can appear unquoted on a command line and in file formats.
 */
public record ChainId(String value) implements Comparable<ChainId> {
    public ChainId {
        Ids.requireValid(value, "chain id");
    }

    /**
     * One instance per text (up to 1,024 texts; past that new ones, equal as ever), as for {@link AssetId#of}: the
     * engine matches a position's chain against its round's pairs by reference first, and a chain's ids read from
     * different books are then one object.
     */
    private static final KeptInstances<ChainId> KEPT = new KeptInstances<>(1 << 10, ChainId::new);

    /** The id of {@code value}: the same instance for the same text ({@link #KEPT}). */
    public static ChainId of(String value) {
        return KEPT.of(value);
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
