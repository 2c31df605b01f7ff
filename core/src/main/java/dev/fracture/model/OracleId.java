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
}
