package dev.fracture.market;

import dev.fracture.model.AssetId;

/**
 * Sell exactly {@code amountIn} of {@code sell} (held on its own chain) for as much {@code buy} (delivered on
 * its own chain) as possible. Venues on other chains trade the same assets' bridged forms, reached through
 * bridges.
 *
 * @param maxLatencySeconds legs whose bridge crossings take longer are not used
 * @param chunks            the order is allocated in this many slices (more = closer to optimal, slower)
 * @param maxHops           1: only venues trading the pair itself; 2 (the default): also through one intermediate
 *                          asset on the seller's chain ({@link TwoHopPath}), a hop of which may convert through a
 *                          wrapper on its way (three venues in all, the wrapper's conversion free of price impact)
 */
public record RouteRequest(AssetId sell, AssetId buy, double amountIn, double maxLatencySeconds, GasSchedule gas,
                           int chunks, int maxHops) {
    public static final double DEFAULT_MAX_LATENCY_SECONDS = 3600;
    public static final int DEFAULT_CHUNKS = 64;
    public static final int DEFAULT_MAX_HOPS = 2;

    public RouteRequest {
        if (sell == null || buy == null) {
            throw new IllegalArgumentException("route: sell and buy assets are required");
        }
        if (sell.equals(buy)) {
            throw new IllegalArgumentException("route: sell and buy must differ (both " + sell + ")");
        }
        if (!(amountIn > 0) || Double.isInfinite(amountIn)) {
            throw new IllegalArgumentException("route: amount must be a positive finite number (was " + amountIn + ")");
        }
        if (!(maxLatencySeconds >= 0)) {
            throw new IllegalArgumentException("route: max latency must be >= 0 seconds (was " + maxLatencySeconds + ")");
        }
        if (gas == null) {
            throw new IllegalArgumentException("route: gas schedule is required");
        }
        if (chunks < 1 || chunks > 100_000) {
            throw new IllegalArgumentException("route: chunks must be between 1 and 100000 (was " + chunks + ")");
        }
        if (maxHops < 1 || maxHops > 2) {
            throw new IllegalArgumentException("route: max hops must be 1 (the pair's own venues) or 2 (also through "
                    + "one intermediate asset) (was " + maxHops + ")");
        }
    }

    /** A request of the default {@link #maxHops} (two). */
    public RouteRequest(AssetId sell, AssetId buy, double amountIn, double maxLatencySeconds, GasSchedule gas,
                        int chunks) {
        this(sell, buy, amountIn, maxLatencySeconds, gas, chunks, DEFAULT_MAX_HOPS);
    }

    public static RouteRequest of(AssetId sell, AssetId buy, double amountIn) {
        return new RouteRequest(sell, buy, amountIn, DEFAULT_MAX_LATENCY_SECONDS, GasSchedule.DEFAULT, DEFAULT_CHUNKS,
                DEFAULT_MAX_HOPS);
    }

    public RouteRequest withGas(GasSchedule schedule) {
        return new RouteRequest(sell, buy, amountIn, maxLatencySeconds, schedule, chunks, maxHops);
    }

    public RouteRequest withMaxLatency(double seconds) {
        return new RouteRequest(sell, buy, amountIn, seconds, gas, chunks, maxHops);
    }

    public RouteRequest withChunks(int n) {
        return new RouteRequest(sell, buy, amountIn, maxLatencySeconds, gas, n, maxHops);
    }

    public RouteRequest withMaxHops(int hops) {
        return new RouteRequest(sell, buy, amountIn, maxLatencySeconds, gas, chunks, hops);
    }

    /** The same terms for one hop of a path: {@code from} for {@code to}, direct venues only. */
    RouteRequest toward(AssetId from, AssetId to) {
        return new RouteRequest(from, to, amountIn, maxLatencySeconds, gas, chunks, 1);
    }
}
