package dev.fracture.oracle;

import dev.fracture.market.clmm.TickMath;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reading a Uniswap v3 oracle array: {@code observe} as v3-core {@code Oracle.sol} ({@code observeSingle},
 * {@code getSurroundingObservations}, {@code binarySearch}) and the time-weighted mean tick as v3-periphery
 * {@code OracleLibrary.consult}.
 *
 * <p>{@code observe(secondsAgo)} at {@code now}: 0 gives the newest observation carried forward to now with the
 * current tick; a target at or after the newest observation is the newest carried forward to the target; a target
 * before the oldest observation reverts ('OLD'); otherwise the two observations around the target are found by the
 * contract's binary search and the cumulative is interpolated with the tick {@code (Δcumulative / Δt)} truncated
 * toward zero, exactly as the contract divides, times the seconds from the earlier observation.
 *
 * <p>{@code consult(window)}: mean tick = (cumulative(now) − cumulative(now − window)) / window, rounded toward
 * negative infinity ("Always round to negative infinity" in OracleLibrary): Java's long division truncates toward
 * zero like Solidity's, and a negative inexact quotient is lowered by one.
 */
public final class TwapOracle {
    private static final String FEED = "TWAP";

    private TwapOracle() {
    }

    /**
     * The observation at {@code now − secondsAgo}, given the pool's current {@code tick} and in-range
     * {@code liquidity} (used to carry the newest observation forward).
     */
    public static Observation observe(ObservationRing ring, long now, long secondsAgo, int tick, double liquidity) {
        if (ring == null) {
            throw OracleChecks.fail(FEED, "ring must not be null");
        }
        OracleChecks.nonNegative(FEED, "secondsAgo", secondsAgo);
        OracleChecks.notBefore(FEED, now, ring.newest().blockTimestamp());
        ObservationRing.requireTick(tick);
        Observation newest = ring.newest();
        if (secondsAgo == 0) {
            return newest.blockTimestamp() == now ? newest : newest.transform(now, tick, liquidity);
        }
        long target = now - secondsAgo;
        if (target >= newest.blockTimestamp()) {
            return target == newest.blockTimestamp() ? newest : newest.transform(target, tick, liquidity);
        }
        Observation oldest = ring.oldest();
        if (target < oldest.blockTimestamp()) {
            throw OracleChecks.fail(FEED, "secondsAgo " + secondsAgo + " reaches " + target
                    + ", before the oldest observation at " + oldest.blockTimestamp() + " (OLD)");
        }
        Observation[] around = binarySearch(ring, target);
        Observation before = around[0];
        Observation after = around[1];
        if (target == before.blockTimestamp()) {
            return before;
        }
        if (target == after.blockTimestamp()) {
            return after;
        }
        long span = after.blockTimestamp() - before.blockTimestamp();
        long elapsed = target - before.blockTimestamp();
        long tickCumulative = before.tickCumulative()
                + (after.tickCumulative() - before.tickCumulative()) / span * elapsed;
        double spl = before.secondsPerLiquidityCumulative()
                + (after.secondsPerLiquidityCumulative() - before.secondsPerLiquidityCumulative()) * elapsed / span;
        return new Observation(target, tickCumulative, spl, true);
    }

    /** {@code Oracle.binarySearch}: the initialized observations at or before and at or after {@code target}. */
    private static Observation[] binarySearch(ObservationRing ring, long target) {
        int cardinality = ring.cardinality();
        long l = (ring.index() + 1) % cardinality;
        long r = l + cardinality - 1;
        while (true) {
            long i = (l + r) / 2;
            Observation beforeOrAt = ring.get((int) (i % cardinality));
            if (!beforeOrAt.initialized()) {
                l = i + 1;
                continue;
            }
            Observation atOrAfter = ring.get((int) ((i + 1) % cardinality));
            boolean targetAtOrAfter = beforeOrAt.blockTimestamp() <= target;
            if (targetAtOrAfter && target <= atOrAfter.blockTimestamp()) {
                return new Observation[] {beforeOrAt, atOrAfter};
            }
            if (!targetAtOrAfter) {
                r = i - 1;
            } else {
                l = i + 1;
            }
        }
    }

    /** {@code OracleLibrary.consult}: the arithmetic mean tick over the last {@code window} seconds. */
    public static int consult(ObservationRing ring, long now, long window, int tick, double liquidity) {
        if (window <= 0) {
            throw OracleChecks.fail(FEED, "window must be > 0 seconds, got " + window + " (BP)");
        }
        long then = observe(ring, now, window, tick, liquidity).tickCumulative();
        long current = observe(ring, now, 0, tick, liquidity).tickCumulative();
        return meanTick(current - then, window);
    }

    /** Δcumulative / window rounded toward negative infinity, as consult rounds. */
    public static int meanTick(long tickCumulativeDelta, long window) {
        if (window <= 0) {
            throw OracleChecks.fail(FEED, "window must be > 0 seconds, got " + window + " (BP)");
        }
        long mean = tickCumulativeDelta / window;
        if (tickCumulativeDelta < 0 && tickCumulativeDelta % window != 0) {
            mean--;
        }
        return (int) mean;
    }

    /**
     * The price of token0 in token1, in token units, at {@code tick}: (getSqrtRatioAtTick(tick) / 2^96)² scaled by
     * 10^(decimals0 − decimals1). OracleLibrary.getQuoteAtTick computes the same ratio in integers for a given
     * base amount.
     */
    public static double priceAtTick(int tick, int decimals0, int decimals1) {
        double sqrt = TickMath.sqrtPriceAtTick(tick);
        return sqrt * sqrt * Math.pow(10, decimals0 - decimals1);
    }

    /**
     * The tick a v3 pool at {@code price} (token0 in token1, token units) would hold: the greatest tick whose sqrt
     * ratio is at most the price's, via TickMath.getTickAtSqrtRatio; prices outside the tick range clamp to it.
     */
    public static int tickAtPrice(double price, int decimals0, int decimals1) {
        OracleChecks.price(FEED, "price", price);
        double raw = price * Math.pow(10, decimals1 - decimals0);
        BigDecimal sqrtX96 = new BigDecimal(Math.sqrt(raw))
                .multiply(new BigDecimal(BigInteger.ONE.shiftLeft(96)));
        BigInteger q = sqrtX96.toBigInteger();
        if (q.compareTo(TickMath.MIN_SQRT_RATIO) < 0) {
            return TickMath.MIN_TICK;
        }
        if (q.compareTo(TickMath.MAX_SQRT_RATIO) >= 0) {
            return TickMath.MAX_TICK;
        }
        return TickMath.getTickAtSqrtRatio(q);
    }
}
