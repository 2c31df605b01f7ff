package dev.fracture.engine;

import dev.fracture.market.LegFill;
import dev.fracture.market.Market;
import dev.fracture.market.OwnChainLegs;
import dev.fracture.market.RouteResult;
import dev.fracture.market.Router;
import dev.fracture.market.Venue;
import dev.fracture.model.AssetId;
import dev.fracture.model.Chain;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One block of one chain as the actors in it see it: the time, the reference prices, the oracle values, the venues,
 * the base fee and the block's share of the run's seeded generator; and what they may do: sell on this chain's
 * venues, add forced selling, log an event.
 */
final class BlockContext {
    private final long now;
    private final Chain chain;
    private final long number;
    private final ReferencePrices prices;
    private final OracleBank oracles;
    private final Market market;
    private final double baseFeeGwei;
    private final SplittableRandom rng;
    private final List<RunEvent> log;
    private final OwnChainLegs saleLegs;

    BlockContext(long now, Chain chain, long number, ReferencePrices prices, OracleBank oracles, Market market,
                 double baseFeeGwei, SplittableRandom rng, List<RunEvent> log) {
        this(now, chain, number, prices, oracles, market, baseFeeGwei, rng, log, new OwnChainLegs(Router.DEFAULT, market));
    }

    /** A block whose sales route over the run's kept legs ({@code saleLegs}, of this market). */
    BlockContext(long now, Chain chain, long number, ReferencePrices prices, OracleBank oracles, Market market,
                 double baseFeeGwei, SplittableRandom rng, List<RunEvent> log, OwnChainLegs saleLegs) {
        this.saleLegs = saleLegs;
        this.now = now;
        this.chain = chain;
        this.number = number;
        this.prices = prices;
        this.oracles = oracles;
        this.market = market;
        this.baseFeeGwei = baseFeeGwei;
        this.rng = rng;
        this.log = log;
    }

    long now() {
        return now;
    }

    Chain chain() {
        return chain;
    }

    long number() {
        return number;
    }

    ReferencePrices prices() {
        return prices;
    }

    OracleBank oracles() {
        return oracles;
    }

    Market market() {
        return market;
    }

    double baseFeeGwei() {
        return baseFeeGwei;
    }

    SplittableRandom rng() {
        return rng;
    }

    /**
     * An upper bound on what {@link #quoteSell} delivers per unit of {@code in} now: the best own-chain leg's marginal
     * rate at zero size ({@code Router.rateBound}).
     */
    double rateBound(AssetId in, AssetId out) {
        return Router.DEFAULT.rateBound(saleLegs.of(market, in, out));
    }

    /**
     * An upper bound on what {@link #quoteSell} delivers for {@code amount} now ({@code Router.proceedsBound}: the
     * split's Lagrangian dual, a few quotes per leg), searched until it is below {@code target}.
     */
    double proceedsBound(AssetId in, AssetId out, double amount, double target) {
        return Router.DEFAULT.proceedsBound(saleLegs.of(market, in, out), amount, target);
    }

    /** What {@link #sell} would receive for {@code amount} now: the same route, quoted, nothing swapped. */
    double quoteSell(AssetId in, AssetId out, double amount) {
        RouteResult route = Router.DEFAULT.routeOnly(market, OwnChainLegs.request(in, out, amount),
                saleLegs.of(market, in, out));
        double received = 0;
        for (LegFill f : route.fills()) {
            if (f.toBuyer()) {
                received += f.delivered();
            }
        }
        return received;
    }

    /**
     * Sells {@code amount} of {@code in} for {@code out} through the router on this chain's venues only (a seller
     * inside a block cannot wait for a bridge), directly or through an intermediate asset, and executes every leg;
     * returns the amount of {@code out} received.
     */
    double sell(AssetId in, AssetId out, double amount) {
        RouteResult route = Router.DEFAULT.routeOnly(market, OwnChainLegs.request(in, out, amount),
                saleLegs.of(market, in, out));
        double received = 0;
        for (LegFill f : route.fills()) {
            Venue v = market.venue(f.venue()).orElseThrow();
            // A path's first hop pays the intermediate into its second hop, whose fills sell what it quoted.
            double paid = v.swapExactIn(f.venueTokenIn(), f.venueTokenOut(), f.venueAmountIn()).amountOut();
            if (f.toBuyer()) {
                received += paid;
            }
        }
        return received;
    }

    /** Records forced selling of {@code asset} worth {@code usd}: the impact law lowers its later reference prices. */
    void forcedSale(AssetId asset, double usd) {
        prices.addForcedSale(asset, usd);
    }

    void log(String kind, String subject, String detail, double usd) {
        log.add(new RunEvent(now, chain.id(), number, kind, subject, detail, usd));
    }
}
