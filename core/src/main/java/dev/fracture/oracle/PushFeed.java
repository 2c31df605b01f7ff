package dev.fracture.oracle;

/**
 * A Chainlink-style push feed over the reference price.
 *
 * <p>Update rule (Chainlink data feeds documentation, docs.chain.link/data-feeds, "Check the timestamp of the latest
 * answer": rounds are triggered by the deviation threshold or the heartbeat, and may land with some latency): a
 * new report starts when |observed − last| / |last| ≥ threshold, or
 * when {@code now − last.startedAt ≥ heartbeat}, where "last" is the newest report, landed or in flight. The
 * report lands {@code reportingDelaySeconds} after its observation; until then consumers read the previous round.
 * At most one report is in flight (a new round starts only after the previous one landed): this keeps the
 * answers ordered as the aggregator requires ({@code latestEpochAndRound} only grows) at the cost of ignoring a
 * second trigger during the delay, which the next block's check picks up.
 *
 * <p>Heartbeat is measured from the observation time of the last report, so a quiet feed reports every
 * heartbeat and each answer lands a delay later. Staleness is the consumer's check
 * {@code now − updatedAt > maxAgeSeconds}, as lending protocols apply to {@code latestRoundData}.
 *
 * <p>Several sources: {@link #stepMedian} feeds the OCR median ({@link Medians#ocr}) of the nodes' observations.
 */
public final class PushFeed implements PriceFeed<PushFeedState> {
    private static final String FEED = "push feed";

    private final PushFeedParams params;
    private final double scale;

    private PushFeed(PushFeedParams params) {
        this.params = params;
        this.scale = Math.pow(10, params.decimals());
    }

    public static PushFeed of(PushFeedParams params) {
        if (params == null) {
            throw OracleChecks.fail(FEED, "params must not be null");
        }
        return new PushFeed(params);
    }

    public PushFeedParams params() {
        return params;
    }

    /** The first round: {@code price} observed and readable at {@code now} (round 1). */
    public PushFeedState start(long now, double price) {
        OracleChecks.price(FEED, "price", price);
        double answer = round(price);
        return new PushFeedState(new RoundData(1, answer, now, now, 1), null);
    }

    /**
     * One block at {@code now} with the reference price {@code observed}: first lands a report whose delay has
     * passed, then starts a report if the deviation or heartbeat rule fires (landing at once when there is no delay).
     */
    public PushFeedState step(PushFeedState state, long now, double observed) {
        if (state == null) {
            throw OracleChecks.fail(FEED, "state must not be null");
        }
        OracleChecks.price(FEED, "observed", observed);
        PushFeedState.Pending pending = state.pending();
        OracleChecks.notBefore(FEED, now, pending != null ? pending.observedAt() : state.latest().startedAt());
        RoundData latest = state.latest();
        if (pending != null) {
            if (now < pending.landsAt()) {
                return state;
            }
            latest = land(latest, pending);
        }
        if (!triggers(latest, now, round(observed))) {
            return latest == state.latest() ? state : new PushFeedState(latest, null);
        }
        PushFeedState.Pending next = new PushFeedState.Pending(round(observed), now,
                now + params.reportingDelaySeconds());
        return params.reportingDelaySeconds() == 0
                ? new PushFeedState(land(latest, next), null)
                : new PushFeedState(latest, next);
    }

    /** {@link #step} with the OCR median of several nodes' observations, {@code f} of which may be faulty. */
    public PushFeedState stepMedian(PushFeedState state, long now, double[] observations, int f) {
        return step(state, now, Medians.ocr(observations, f));
    }

    /** True when the deviation or heartbeat rule starts a new report against {@code last}. */
    public boolean triggers(RoundData last, long now, double observed) {
        double change = Math.abs(observed - last.answer()) / Math.abs(last.answer());
        return change >= params.deviationThreshold() || now - last.startedAt() >= params.heartbeatSeconds();
    }

    /** latestRoundData(): the landed round. */
    public RoundData latestRoundData(PushFeedState state) {
        return state.latest();
    }

    @Override
    public double value(PushFeedState state, long now) {
        return state.latest().answer();
    }

    @Override
    public long updatedAt(PushFeedState state) {
        return state.latest().updatedAt();
    }

    @Override
    public boolean isStale(PushFeedState state, long now) {
        return now - state.latest().updatedAt() > params.maxAgeSeconds();
    }

    /** The value rounded to the feed's decimals, half to even, as the integer answer holds it. */
    public double round(double price) {
        return Math.rint(price * scale) / scale;
    }

    private static RoundData land(RoundData latest, PushFeedState.Pending p) {
        long id = latest.roundId() + 1;
        return new RoundData(id, p.answer(), p.observedAt(), p.landsAt(), id);
    }

    @Override
    public String toString() {
        return "PushFeed[" + params + "]";
    }
}
