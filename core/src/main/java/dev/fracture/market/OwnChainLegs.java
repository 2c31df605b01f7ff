package dev.fracture.market;

import dev.fracture.model.AssetId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The router's legs for a seller who sells within one transaction on its own chain, gas not counted — a liquidator
 * sizing or executing a sale (a flash loan must be repaid in the same transaction, so no leg may wait for a bridge),
 * an engine's in-block sale. Legs depend on the market's venues, assets and bridges and on the request's assets, gas
 * schedule, latency limit and hops, never on the venues' state or the amount ({@link Router#legs}), so they are found once
 * per pair and kept, and a route over them is the route found afresh, bit for bit. Safe for concurrent use.
 */
public final class OwnChainLegs {
    private final Router router;
    private final Market market;
    /** By asset sold, then asset bought: two lookups of ids whose hashes are kept, no key made per call. */
    private final ConcurrentHashMap<AssetId, ConcurrentHashMap<AssetId, Router.Legs>> legs =
            new ConcurrentHashMap<>();

    public OwnChainLegs(Router router, Market market) {
        if (router == null || market == null) {
            throw new IllegalArgumentException("own-chain legs: a router and a market are required");
        }
        this.router = router;
        this.market = market;
    }

    /** The request such a seller makes: {@code amount} of {@code in} for {@code out}, on its chain, gas excluded. */
    public static RouteRequest request(AssetId in, AssetId out, double amount) {
        return RouteRequest.of(in, out, amount).withMaxLatency(0).withGas(GasSchedule.FREE);
    }

    /** The legs of {@link #request} for the pair on {@code on}, which must be this market. */
    public Router.Legs of(Market on, AssetId in, AssetId out) {
        if (on != market) {
            throw new IllegalArgumentException("own-chain legs: kept for another market");
        }
        // Plain reads first: computeIfAbsent locks the bin when the key is not its first.
        ConcurrentHashMap<AssetId, Router.Legs> sold = legs.get(in);
        if (sold == null) {
            sold = legs.computeIfAbsent(in, k -> new ConcurrentHashMap<>());
        }
        Router.Legs known = sold.get(out);
        return known != null ? known : sold.computeIfAbsent(out, k -> router.legs(market, request(in, out, 1)));
    }
}
