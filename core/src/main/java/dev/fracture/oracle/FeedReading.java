package dev.fracture.oracle;

/**
 * What a fallback rule sees of one source at a block: its answer and when it was written, and for a round-based
 * source the previous round's answer.
 *
 * @param value          the answer; a non-finite or non-positive value marks the source broken
 * @param updatedAt      seconds; 0 or a time after now marks the source broken
 * @param previousValue  the previous round's answer, or NaN when the source has none (then no jump check)
 */
public record FeedReading(double value, long updatedAt, double previousValue) {

    public static FeedReading of(double value, long updatedAt) {
        return new FeedReading(value, updatedAt, Double.NaN);
    }
}
