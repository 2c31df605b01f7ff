package dev.fracture.market;

import dev.fracture.model.AssetId;

/**
 * Sell exactly {@code amountIn} of {@code sell} (held on its own chain) for as much {@code buy} (delivered on
 * its own chain) as possible. Venues on other chains trade the same assets' bridged forms, reached through
 * bridges.
 *
 * @param maxLatencySeconds legs whose bridge crossings take longer are not used
 * @param chunks            the order is allocated in this many slices (more = closer to optimal, slower)
 */
public record RouteRequest(AssetId sell, AssetId buy, double amountIn, double maxLatencySeconds, GasSchedule gas,
                           int chunks) {
    public static final double DEFAULT_MAX_LATENCY_SECONDS = 3600;
    public static final int DEFAULT_CHUNKS = 64;

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
    }

    public static RouteRequest of(AssetId sell, AssetId buy, double amountIn) {
        return new RouteRequest(sell, buy, amountIn, DEFAULT_MAX_LATENCY_SECONDS, GasSchedule.DEFAULT, DEFAULT_CHUNKS);
    }

    public RouteRequest withGas(GasSchedule schedule) {
        return new RouteRequest(sell, buy, amountIn, maxLatencySeconds, schedule, chunks);
    }

    public RouteRequest withMaxLatency(double seconds) {
        return new RouteRequest(sell, buy, amountIn, seconds, gas, chunks);
    }

    public RouteRequest withChunks(int n) {
        return new RouteRequest(sell, buy, amountIn, maxLatencySeconds, gas, n);
    }
}
