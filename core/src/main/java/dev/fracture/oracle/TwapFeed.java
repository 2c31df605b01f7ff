package dev.fracture.oracle;

import dev.fracture.market.ConcentratedLiquidityPool;
import dev.fracture.market.Venue;
import dev.fracture.model.AssetId;

/**
 * A TWAP feed over a venue, read as a protocol reads a Uniswap v3 pool: {@link TwapOracle#consult} over
 * {@code window} seconds, the mean tick turned into a price with TickMath ({@link TwapOracle#priceAtTick}).
 *
 * <p>Feeding it: call {@link #record} once per block. It writes an observation with the tick that held since the
 * previous record (as the pool writes with the pre-swap tick on a block's first swap), then takes the venue's
 * current tick for the time that follows. Writing every block gives the same cumulatives as the contract writing
 * only in blocks with swaps, because the tick is constant between swaps and {@code observe} carries it forward.
 * A {@link ConcentratedLiquidityPool} supplies its own tick and in-range liquidity. Any other {@link Venue}
 * supplies its spot price of token0 in token1, converted to the tick a v3 pool at that price would hold
 * ({@link TwapOracle#tickAtPrice}), with liquidity 1 (seconds-per-liquidity then counts plain seconds).
 *
 * <p>Staleness: the contract cannot serve a window reaching before its oldest observation (consult reverts
 * 'OLD'); {@link #isStale} is true exactly then. A feed that has not been written for a while is not stale: the
 * pool's tick really was constant meanwhile. {@link #updatedAt} is the newest observation's timestamp.
 */
public final class TwapFeed implements PriceFeed<TwapState> {
    private static final String FEED = "TWAP";

    private final long window;
    private final int decimals0;
    private final int decimals1;

    private TwapFeed(long window, int decimals0, int decimals1) {
        this.window = window;
        this.decimals0 = decimals0;
        this.decimals1 = decimals1;
    }

    /** A feed averaging over {@code window} seconds, pricing token0 (decimals0) in token1 (decimals1). */
    public static TwapFeed of(long window, int decimals0, int decimals1) {
        if (window <= 0) {
            throw OracleChecks.fail(FEED, "window must be > 0 seconds, got " + window + " (BP)");
        }
        for (int d : new int[] {decimals0, decimals1}) {
            if (d < 0 || d > 36) {
                throw OracleChecks.fail(FEED, "decimals must be in [0, 36], got " + d);
            }
        }
        return new TwapFeed(window, decimals0, decimals1);
    }

    public long window() {
        return window;
    }

    /** A fresh oracle array of {@code cardinality} slots initialized at {@code now} with the pool's current tick. */
    public TwapState start(long now, int cardinality, int tick, double liquidity) {
        return new TwapState(ObservationRing.initialize(now, cardinality), tick, liquidity);
    }

    public TwapState start(long now, int cardinality, ConcentratedLiquidityPool pool) {
        return start(now, cardinality, pool.tick(), pool.liquidityApprox());
    }

    /** One block: write the tick held since the last record, then take {@code tick} and {@code liquidity} as current. */
    public TwapState record(TwapState state, long now, int tick, double liquidity) {
        ObservationRing ring = state.ring().write(now, state.tick(), state.liquidity());
        return new TwapState(ring, tick, liquidity);
    }

    /** One block over a v3 pool: its current tick and in-range liquidity. */
    public TwapState record(TwapState state, long now, ConcentratedLiquidityPool pool) {
        return record(state, now, pool.tick(), pool.liquidityApprox());
    }

    /** One block over any venue: its spot price of {@code token0} in {@code token1} as a tick, liquidity 1. */
    public TwapState record(TwapState state, long now, Venue venue, AssetId token0, AssetId token1) {
        return record(state, now, tickOf(venue, token0, token1), 1);
    }

    /** The tick a v3 pool would hold at {@code venue}'s spot price of token0 in token1. */
    public int tickOf(Venue venue, AssetId token0, AssetId token1) {
        return TwapOracle.tickAtPrice(venue.spotPrice(token0, token1), decimals0, decimals1);
    }

    /** The arithmetic mean tick over the window ending at {@code now}. */
    public int meanTick(TwapState state, long now) {
        return TwapOracle.consult(state.ring(), now, window, state.tick(), state.liquidity());
    }

    @Override
    public double value(TwapState state, long now) {
        return TwapOracle.priceAtTick(meanTick(state, now), decimals0, decimals1);
    }

    @Override
    public long updatedAt(TwapState state) {
        return state.ring().newest().blockTimestamp();
    }

    @Override
    public boolean isStale(TwapState state, long now) {
        return now - window < state.ring().oldest().blockTimestamp();
    }
}
