package dev.fracture.oracle;

/**
 * State of a push feed: the latest landed round and, when a report is in flight, the report that will land.
 *
 * @param latest   the round a consumer reads
 * @param pending  the report observed but not yet on chain, or null when none is in flight
 */
public record PushFeedState(RoundData latest, Pending pending) {

    public PushFeedState {
        if (latest == null) {
            throw new IllegalArgumentException("push feed: latest round must not be null");
        }
    }

    public boolean hasPending() {
        return pending != null;
    }

    /**
     * A report between observation and landing.
     *
     * @param answer      the rounded observed value
     * @param observedAt  observation time (seconds); becomes the round's startedAt
     * @param landsAt     observedAt plus the reporting delay; becomes the round's updatedAt
     */
    public record Pending(double answer, long observedAt, long landsAt) {
    }
}
