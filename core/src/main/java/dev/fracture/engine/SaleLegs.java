package dev.fracture.engine;

import dev.fracture.market.GasSchedule;
import dev.fracture.market.Market;
import dev.fracture.market.RouteRequest;
import dev.fracture.market.Router;
import dev.fracture.model.AssetId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The router's legs for the sales made inside blocks ({@link BlockContext#sell}: on the seller's own chain, gas not
 * counted), found once per pair and kept for the run. Legs depend on the market's venues, assets and bridges and on
 * the request's assets, gas schedule and latency limit, never on the venues' state or the amount
 * ({@link Router#legs}), so the route over kept legs is the route found afresh, bit for bit. Sales are made on the
 * block's own thread (never by the workers that plan), so the map needs no locking.
 */
final class SaleLegs {
    private final Market market;
    private final Map<List<AssetId>, Router.Legs> legs = new HashMap<>();

    SaleLegs(Market market) {
        this.market = market;
    }

    /** The request every in-block sale of {@code amount} of {@code in} for {@code out} makes. */
    static RouteRequest request(AssetId in, AssetId out, double amount) {
        return RouteRequest.of(in, out, amount).withMaxLatency(0).withGas(GasSchedule.FREE);
    }

    /** The legs of {@link #request} for the pair, on this run's market. */
    Router.Legs of(Market on, AssetId in, AssetId out) {
        if (on != market) {
            throw new IllegalArgumentException("sale legs: kept for another market");
        }
        return legs.computeIfAbsent(List.of(in, out), k -> Router.DEFAULT.legs(market, request(in, out, 1)));
    }
}
