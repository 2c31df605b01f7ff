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
}
