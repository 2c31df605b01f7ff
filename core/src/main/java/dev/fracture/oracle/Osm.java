package dev.fracture.oracle;

/**
 * Maker's Oracle Security Module (makerdao/osm, {@code src/osm.sol}): a one-hop delay in front of a source
 * (normally a {@link MakerMedian}).
 *
 * <p>{@code poke} reverts unless {@code now >= zzz + hop} ("OSM/not-passed") and unless running
 * ("OSM/is-stopped"); it reads the source's (value, has) and, when has, moves {@code nxt} into {@code cur}, stores
 * the source value as {@code nxt}, and sets {@code zzz = prev(now) = now − now % hop}. An invalid source value
 * leaves everything unchanged. Because zzz is aligned to the hop grid, a poke late within an hour still allows the
 * next poke at the next hour boundary. A value read by a protocol therefore entered as nxt one poke earlier: with a
 * keeper poking at each boundary, the value read during [T, T + hop) is the source at T − hop, a lag between one
 * and two hops behind the source's current value.
 *
 * <p>{@code stop} sets the flag (pokes revert), {@code start} clears it, {@code void} zeroes cur and nxt and stops.
 * Staleness (the contract has no such notion): the value is stale when it is invalid or when a whole hop passed
 * after a poke became possible without one, {@code now − zzz ≥ 2·hop}.
 */
public final class Osm implements PriceFeed<OsmState> {
    private static final String FEED = "OSM";
    /** osm.sol's default hop, ONE_HOUR. */
    public static final long DEFAULT_HOP = 3600;

    private final long hop;

    private Osm(long hop) {
        this.hop = hop;
    }

    /** {@code hop} as {@code step} accepts it: a uint16 &gt; 0 ("OSM/ts-is-zero"). */
    public static Osm of(long hop) {
        if (hop <= 0 || hop > 65_535) {
            throw OracleChecks.fail(FEED, "hop must be in [1, 65535] seconds, got " + hop + " (OSM/ts-is-zero)");
        }
        return new Osm(hop);
    }

    public static Osm hourly() {
        return of(DEFAULT_HOP);
    }

    public long hop() {
        return hop;
    }

    /** A freshly deployed OSM: no value, zzz = 0, running (osm.sol's constructor only sets the source). */
    public OsmState empty() {
        return new OsmState(0, false, 0, false, 0, false);
    }

    /**
     * An OSM whose source has shown {@code value} for at least two hops, last poked at {@code now}: cur = nxt =
     * value. The 2018 osm.sol constructor started the same way from a valid source.
     */
    public OsmState primed(long now, double value) {
        OracleChecks.price(FEED, "value", value);
        return new OsmState(value, true, value, true, prev(now), false);
    }

    /** prev(ts) = ts − ts % hop. */
    public long prev(long ts) {
        OracleChecks.nonNegative(FEED, "timestamp", ts);
        return ts - ts % hop;
    }

    /** pass(): now ≥ zzz + hop. */
    public boolean pass(OsmState state, long now) {
        return now >= state.zzz() + hop;
    }

    /** poke() with the source's (value, has); reverts as osm.sol does when stopped or too early. */
    public OsmState poke(OsmState state, long now, double sourceValue, boolean sourceHas) {
        if (state.stopped()) {
            throw OracleChecks.fail(FEED, "poke while stopped (OSM/is-stopped)");
        }
        if (!pass(state, now)) {
            throw OracleChecks.fail(FEED, "poke at " + now + " before zzz + hop = " + (state.zzz() + hop)
                    + " (OSM/not-passed)");
        }
        if (!sourceHas) {
            return state;
        }
        OracleChecks.price(FEED, "sourceValue", sourceValue);
        return new OsmState(state.nxt(), state.nxtHas(), sourceValue, true, prev(now), false);
    }

    /** A keeper's block: poke when poke would succeed, otherwise leave the state as it is. */
    public OsmState advance(OsmState state, long now, double sourceValue, boolean sourceHas) {
        return !state.stopped() && pass(state, now) ? poke(state, now, sourceValue, sourceHas) : state;
    }

    public OsmState stop(OsmState state) {
        return new OsmState(state.cur(), state.curHas(), state.nxt(), state.nxtHas(), state.zzz(), true);
    }

    public OsmState start(OsmState state) {
        return new OsmState(state.cur(), state.curHas(), state.nxt(), state.nxtHas(), state.zzz(), false);
    }

    /** void(): cur = nxt = (0, invalid), stopped. */
    public OsmState voidFeed(OsmState state) {
        return new OsmState(0, false, 0, false, state.zzz(), true);
    }

    /** peek(): the current value (0 when invalid). */
    public double peek(OsmState state) {
        return state.cur();
    }

    /** peep(): the queued next value. */
    public double peep(OsmState state) {
        return state.nxt();
    }

    @Override
    public double value(OsmState state, long now) {
        return state.cur();
    }

    @Override
    public long updatedAt(OsmState state) {
        return state.zzz();
    }

    @Override
    public boolean isStale(OsmState state, long now) {
        return !state.curHas() || now - state.zzz() >= 2 * hop;
    }
}
