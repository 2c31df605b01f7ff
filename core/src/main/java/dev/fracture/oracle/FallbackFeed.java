package dev.fracture.oracle;

/**
 * A primary source with a fallback, after Liquity v1's {@code PriceFeed.fetchPrice} (Chainlink primary, Tellor
 * fallback), with Liquity's five statuses folded into three ({@link FallbackStatus}).
 *
 * <p>Definitions, as Liquity's helpers: a source is <em>broken</em> when its value is not a positive finite number
 * or its updatedAt is 0 or in the future ({@code _chainlinkIsBroken}, {@code _tellorIsBroken}); <em>frozen</em>
 * when {@code now − updatedAt} exceeds its max age ({@code _chainlinkIsFrozen}: TIMEOUT = 4 h); <em>live</em>
 * when neither. The primary <em>jumped</em> when (max − min) / max of its last two rounds exceeds maxRoundChange
 * ({@code _chainlinkPriceChangeAboveMax}, 50%). The sources <em>agree</em> when (max − min) / min ≤
 * maxSourceDifference ({@code _bothOraclesSimilarPrice}, 5%).
 *
 * <p>Rules per fetch, by status:
 * <ul>
 * <li>PRIMARY: primary broken → FALLBACK (fallback value if live, last good if frozen), or NEITHER if the fallback
 * is broken too. Primary frozen → FALLBACK likewise, but stay PRIMARY serving the last good price if the fallback
 * is broken. Primary jumped → keep the primary's value if a live fallback agrees; otherwise FALLBACK (fallback
 * value if live, last good if frozen) or NEITHER if the fallback is broken. With crossCheckEveryRead, a live primary
 * that disagrees with a live fallback → FALLBACK (the Aave-style deviation guard the brief asks for; Liquity only
 * compares after a jump). Otherwise the primary's value.</li>
 * <li>FALLBACK: both live and unbroken, no primary jump, and agreeing → back to PRIMARY with the primary's value.
 * Otherwise the fallback's value if live, the last good price if frozen, NEITHER if broken.</li>
 * <li>NEITHER: back to PRIMARY under the same condition as from FALLBACK; otherwise the last good price.</li>
 * </ul>
 * Dropped from Liquity: the memory that the fallback was untrusted while the primary works (its
 * usingChainlinkTellorUntrusted), which here is PRIMARY; the difference is that Liquity, in that status, would
 * not switch to a fallback that came back. Scaling of the sources' decimals is the caller's.
 */
public final class FallbackFeed implements PriceFeed<FallbackState> {
    private static final String FEED = "fallback feed";

    private final FallbackParams params;

    private FallbackFeed(FallbackParams params) {
        this.params = params;
    }

    public static FallbackFeed of(FallbackParams params) {
        if (params == null) {
            throw OracleChecks.fail(FEED, "params must not be null");
        }
        return new FallbackFeed(params);
    }

    /** The first state: trusting the primary, whose reading must be live and unbroken (as Liquity's setAddresses). */
    public FallbackState start(long now, FeedReading primary) {
        if (broken(primary, now) || frozen(primary, now, params.primaryMaxAgeSeconds())) {
            throw OracleChecks.fail(FEED, "the primary must be working and current to start, got " + primary);
        }
        return new FallbackState(FallbackStatus.PRIMARY, primary.value(), primary.updatedAt());
    }

    /** One fetchPrice at {@code now}. */
    public FallbackState fetch(FallbackState state, long now, FeedReading primary, FeedReading fallback) {
        if (state == null || primary == null || fallback == null) {
            throw OracleChecks.fail(FEED, "state, primary and fallback must not be null");
        }
        boolean pBroken = broken(primary, now);
        boolean pFrozen = !pBroken && frozen(primary, now, params.primaryMaxAgeSeconds());
        boolean fBroken = broken(fallback, now);
        boolean fFrozen = !fBroken && frozen(fallback, now, params.fallbackMaxAgeSeconds());
        boolean pJumped = !pBroken && jumped(primary);
        return switch (state.status()) {
            case PRIMARY -> {
                if (pBroken || pFrozen) {
                    if (fBroken) {
                        yield pBroken ? keep(state, FallbackStatus.NEITHER) : keep(state, FallbackStatus.PRIMARY);
                    }
                    yield useFallback(state, fallback, fFrozen);
                }
                if (pJumped) {
                    if (fBroken) {
                        yield keep(state, FallbackStatus.NEITHER);
                    }
                    if (!fFrozen && agree(primary, fallback)) {
                        yield use(FallbackStatus.PRIMARY, primary);
                    }
                    yield useFallback(state, fallback, fFrozen);
                }
                if (params.crossCheckEveryRead() && !fBroken && !fFrozen && !agree(primary, fallback)) {
                    yield use(FallbackStatus.FALLBACK, fallback);
                }
                yield use(FallbackStatus.PRIMARY, primary);
            }
            case FALLBACK -> {
                if (bothLiveAndAgreeing(pBroken, pFrozen, pJumped, fBroken, fFrozen, primary, fallback)) {
                    yield use(FallbackStatus.PRIMARY, primary);
                }
                yield fBroken ? keep(state, FallbackStatus.NEITHER) : useFallback(state, fallback, fFrozen);
            }
            case NEITHER -> bothLiveAndAgreeing(pBroken, pFrozen, pJumped, fBroken, fFrozen, primary, fallback)
                    ? use(FallbackStatus.PRIMARY, primary)
                    : state;
        };
    }

    private boolean bothLiveAndAgreeing(boolean pBroken, boolean pFrozen, boolean pJumped, boolean fBroken,
                                        boolean fFrozen, FeedReading primary, FeedReading fallback) {
        return !pBroken && !pFrozen && !pJumped && !fBroken && !fFrozen && agree(primary, fallback);
    }

    private static FallbackState use(FallbackStatus status, FeedReading r) {
        return new FallbackState(status, r.value(), r.updatedAt());
    }

    private static FallbackState keep(FallbackState state, FallbackStatus status) {
        return new FallbackState(status, state.lastGoodPrice(), state.lastGoodAt());
    }

    private static FallbackState useFallback(FallbackState state, FeedReading fallback, boolean frozen) {
        return frozen ? keep(state, FallbackStatus.FALLBACK) : use(FallbackStatus.FALLBACK, fallback);
    }

    static boolean broken(FeedReading r, long now) {
        return !(r.value() > 0) || Double.isInfinite(r.value()) || r.updatedAt() <= 0 || r.updatedAt() > now;
    }

    static boolean frozen(FeedReading r, long now, long maxAge) {
        return now - r.updatedAt() > maxAge;
    }

    private boolean jumped(FeedReading r) {
        double prev = r.previousValue();
        if (!(prev > 0) || Double.isInfinite(prev)) {
            return false;
        }
        double max = Math.max(prev, r.value());
        double min = Math.min(prev, r.value());
        return (max - min) / max > params.maxRoundChange();
    }

    private static boolean agree(FeedReading a, FeedReading b, double limit) {
        double max = Math.max(a.value(), b.value());
        double min = Math.min(a.value(), b.value());
        return (max - min) / min <= limit;
    }

    private boolean agree(FeedReading a, FeedReading b) {
        return agree(a, b, params.maxSourceDifference());
    }

    @Override
    public double value(FallbackState state, long now) {
        return state.lastGoodPrice();
    }

    @Override
    public long updatedAt(FallbackState state) {
        return state.lastGoodAt();
    }

    /** Stale when no source is trusted, or the served price is older than the trusted source's max age. */
    @Override
    public boolean isStale(FallbackState state, long now) {
        long maxAge = state.status() == FallbackStatus.FALLBACK
                ? params.fallbackMaxAgeSeconds() : params.primaryMaxAgeSeconds();
        return state.status() == FallbackStatus.NEITHER || now - state.lastGoodAt() > maxAge;
    }
}
