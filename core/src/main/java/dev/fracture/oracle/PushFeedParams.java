package dev.fracture.oracle;

/**
 * Parameters of a Chainlink-style push feed (Chainlink data feeds documentation, "Check the timestamp of the latest
 * answer": a feed writes a new answer when the off-chain value deviates from the last answer by the deviation
 * threshold, or when the heartbeat has elapsed since the last update).
 *
 * @param heartbeatSeconds         longest time between two reports, measured from the observation time of the
 *                                 last report; &gt; 0
 * @param deviationThresholdBps    relative move from the last answer that triggers a report, in basis points
 *                                 (50 = 0.5%); finite and &gt;= 0. With 0 every block reports.
 * @param decimals                 the answer's decimals; answers are rounded (half-even) to 10^-decimals as the
 *                                 integer answer on chain would be; in [0, 36]
 * @param reportingDelaySeconds    latency from the observation to the answer landing on chain (consensus plus
 *                                 transmission); &gt;= 0
 * @param maxAgeSeconds            the consumer's staleness bound: a value whose updatedAt is more than this many
 *                                 seconds old is stale; &gt; 0
 */
public record PushFeedParams(long heartbeatSeconds, double deviationThresholdBps, int decimals,
                             long reportingDelaySeconds, long maxAgeSeconds) {
    private static final String FEED = "push feed";

    public PushFeedParams {
        OracleChecks.positive(FEED, "heartbeatSeconds", heartbeatSeconds);
        OracleChecks.nonNegative(FEED, "deviationThresholdBps", deviationThresholdBps);
        if (decimals < 0 || decimals > 36) {
            throw OracleChecks.fail(FEED, "decimals must be in [0, 36], got " + decimals);
        }
        OracleChecks.nonNegative(FEED, "reportingDelaySeconds", reportingDelaySeconds);
        OracleChecks.positive(FEED, "maxAgeSeconds", maxAgeSeconds);
    }

    /** The threshold as a fraction (50 bps = 0.005). */
    public double deviationThreshold() {
        return deviationThresholdBps / 10_000.0;
    }
}
