package dev.fracture.model;

/**
 * Identifier of a venue within one ecosystem snapshot. Ids are case-sensitive, non-blank and contain no
 * whitespace, so they can appear unquoted on a command line and in file formats.
 */
public record VenueId(String value) implements Comparable<VenueId> {
    public VenueId {
        Ids.requireValid(value, "venue id");
    }

    public static VenueId of(String value) {
        return new VenueId(value);
    }

    @Override
    public int compareTo(VenueId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
