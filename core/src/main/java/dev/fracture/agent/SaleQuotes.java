package dev.fracture.agent;

import dev.fracture.market.GasSchedule;
import dev.fracture.market.Market;
import dev.fracture.market.RouteRequest;
import dev.fracture.market.Router;
import dev.fracture.model.AssetId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What selling an amount of one asset for another returns on the market as it stands (swap gas excluded): the
 * quote a liquidator sizes its liquidation with.
 */
@FunctionalInterface
public interface SaleQuotes {

    double proceeds(Market market, AssetId in, AssetId out, double amount);

    /**
     * Routes every quote afresh through {@code router}, on the seller's chain only: a liquidator sells within its
     * transaction (a flash loan must be repaid in it), so a leg through a bridge is not one it can use — the engine
     * executes the sale the same way.
     */
    static SaleQuotes routing(Router router) {
        return (market, in, out, amount) -> amount <= 0 ? 0
                : router.routeOnly(market, RouteRequest.of(in, out, amount).withMaxLatency(0)
                        .withGas(GasSchedule.FREE)).routedOut();
    }

    /**
     * Remembers every quote of {@code quotes}: valid only while the market does not move (e.g. while the liquidators
     * of one block plan, before any of them trades), and then exact — the same arguments give the same bits. Safe for
     * concurrent planners: a quote computed twice is the same value.
     */
    static SaleQuotes memoized(SaleQuotes quotes) {
        record Key(AssetId in, AssetId out, long amountBits) {
        }
        ConcurrentHashMap<Key, Double> memo = new ConcurrentHashMap<>();
        return (market, in, out, amount) -> {
            Key key = new Key(in, out, Double.doubleToLongBits(amount));
            Double known = memo.get(key);
            if (known != null) {
                return known;
            }
            double value = quotes.proceeds(market, in, out, amount);
            memo.putIfAbsent(key, value);
            return value;
        };
    }
}
