package dev.fracture.model;

/**
 * Identifier of a asset within one ecosystem snapshot. Ids are case-sensitive, non-blank and contain no
 * whitespace, so they can appear unquoted on a command line and in file formats.
 */
public record AssetId(String value) implements Comparable<AssetId> {
    public AssetId {
        Ids.requireValid(value, "asset id");
    }

    /**
     * One instance per text (up to 65,536 texts; past that new ones, equal as ever): one asset's ids, read from
     * different books, markets and venues of one ecosystem, are then one object, and the engine's hottest comparisons
     * of ids (a position's pair against the pairs of its round, for every listed position of every block) end at the
     * reference check instead of comparing texts.
     */
    private static final KeptInstances<AssetId> KEPT = new KeptInstances<>(1 << 16, AssetId::new);

    /** The id of {@code value}: the same instance for the same text ({@link #KEPT}). */
    public static AssetId of(String value) {
        return KEPT.of(value);
    }

    @Override
    public int compareTo(AssetId other) {
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
        return this == o || o instanceof AssetId other && value.equals(other.value);
    }

    /** The generated record hash, {@code value.hashCode()}: the same number, so every map's order stays. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
