package dev.fracture.oracle;

/**
 * Maker's {@code Median} (makerdao/median, {@code src/median.sol}): {@code poke} takes exactly {@code bar} signed
 * (price, age) messages, each newer than the stored age ("Median/stale-message"), prices in ascending order
 * ("Median/messages-not-in-order"), and stores {@code val_[val_.length >> 1]} with {@code age = block.timestamp}.
 * {@code setBar} only accepts a positive odd quorum ("Median/quorum-not-odd-number"), so the median is always the
 * single middle message. Signature recovery, the signer whitelist and the one-message-per-signer bloom filter are
 * not modelled: the messages here are taken to come from distinct authorized feeds.
 *
 * <p>Staleness: the contract has none; a consumer (the OSM) reads whatever was last poked. {@link #isStale} uses
 * the caller's {@code maxAgeSeconds}.
 */
public final class MakerMedian implements PriceFeed<MakerMedianState> {
    private static final String FEED = "Maker median";

    private final int bar;
    private final long maxAgeSeconds;

    private MakerMedian(int bar, long maxAgeSeconds) {
        this.bar = bar;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    public static MakerMedian of(int bar, long maxAgeSeconds) {
        if (bar <= 0) {
            throw OracleChecks.fail(FEED, "bar must be > 0, got " + bar + " (Median/quorum-is-zero)");
        }
        if (bar % 2 == 0) {
            throw OracleChecks.fail(FEED, "bar must be odd, got " + bar + " (Median/quorum-not-odd-number)");
        }
        OracleChecks.positive(FEED, "maxAgeSeconds", maxAgeSeconds);
        return new MakerMedian(bar, maxAgeSeconds);
    }

    public int bar() {
        return bar;
    }

    /** The state before any poke: no value. */
    public MakerMedianState empty() {
        return new MakerMedianState(0, 0);
    }

    /** {@code poke} at {@code now} with {@code bar} messages, prices ascending, each age newer than the stored age. */
    public MakerMedianState poke(MakerMedianState state, long now, double[] prices, long[] ages) {
        if (state == null || prices == null || ages == null) {
            throw OracleChecks.fail(FEED, "state, prices and ages must not be null");
        }
        if (prices.length != bar || ages.length != bar) {
            throw OracleChecks.fail(FEED, "exactly bar = " + bar + " messages are needed, got " + prices.length
                    + " prices and " + ages.length + " ages (Median/bar-too-low)");
        }
        double last = 0;
        for (int i = 0; i < bar; i++) {
            OracleChecks.price(FEED, "prices[" + i + "]", prices[i]);
            if (ages[i] <= state.age()) {
                throw OracleChecks.fail(FEED, "ages[" + i + "] " + ages[i] + " must be newer than the stored age "
                        + state.age() + " (Median/stale-message)");
            }
            if (prices[i] < last) {
                throw OracleChecks.fail(FEED, "prices[" + i + "] " + prices[i] + " is below prices[" + (i - 1)
                        + "] " + last + " (Median/messages-not-in-order)");
            }
            last = prices[i];
        }
        OracleChecks.notBefore(FEED, now, state.age());
        return new MakerMedianState(prices[bar >> 1], now);
    }

    @Override
    public double value(MakerMedianState state, long now) {
        return state.val();
    }

    @Override
    public long updatedAt(MakerMedianState state) {
        return state.age();
    }

    @Override
    public boolean isStale(MakerMedianState state, long now) {
        return !state.has() || now - state.age() > maxAgeSeconds;
    }
}
