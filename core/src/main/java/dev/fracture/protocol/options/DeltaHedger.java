package dev.fracture.protocol.options;

import dev.fracture.market.LegFill;
import dev.fracture.market.Market;
import dev.fracture.market.Quote;
import dev.fracture.market.RouteRequest;
import dev.fracture.market.RouteResult;
import dev.fracture.market.Router;
import dev.fracture.market.Venue;
import dev.fracture.model.AssetId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-hedges a dealer book to delta-neutral at each step and trades the difference through venues. The trade is
 * {@code Δ_hedge(new) − Δ_hedge(old)} = {@code −(Δ_options(new) − Δ_options(old))} when the book was neutral before:
 * a short-gamma book whose option delta falls as spot rises must buy, and one whose option delta rises as spot falls
 * must sell — selling that moves the venue price further down and so feeds the cascade (see {@link GammaMap}).
 *
 * <p>A band (units of underlying) skips re-hedges smaller than itself, the usual guard against paying fees and
 * slippage on noise (Whalley and Wilmott, "An asymptotic analysis of an optimal hedging model for option pricing
 * with transaction costs", Mathematical Finance 7, 1997, derive its optimal width; here it is a given number).
 */
public final class DeltaHedger {
    /** Re-hedges every non-zero difference. */
    public static final DeltaHedger DEFAULT = new DeltaHedger(0);

    /** Buys through the router are sized again from a fresh quote this many times to land close to the target. */
    private static final int BUY_SIZING_PASSES = 4;

    private final double band;

    private DeltaHedger(double band) {
        this.band = band;
    }

    /** A hedger that leaves differences of at most {@code band} units of underlying alone. */
    public static DeltaHedger withBand(double band) {
        return new DeltaHedger(Checks.nonNegative(band, "hedge band"));
    }

    public double band() {
        return band;
    }

    /** The trade that makes {@code book} delta-neutral in {@code market}, given the hedge held now. */
    public HedgePlan plan(DealerBook book, double currentHedge, PricingContext market) {
        Checks.present(book, "dealer book");
        Checks.present(market, "market");
        Checks.finite(currentHedge, "current hedge");
        double optionDelta = book.delta(market);
        double target = -optionDelta;
        double trade = target - currentHedge;
        if (Math.abs(trade) <= band) {
            trade = 0;
        }
        return new HedgePlan(market.spot(), optionDelta, currentHedge, target, trade);
    }

    /**
     * Executes the plan's trade on one venue: sells exactly {@code −trade} underlying for quote, or buys exactly
     * {@code trade} underlying with quote. The venue changes.
     */
    public HedgeFlow execute(HedgePlan plan, Venue venue, AssetId underlying, AssetId quoteAsset) {
        Checks.present(plan, "hedge plan");
        Checks.present(venue, "venue");
        if (!venue.trades(underlying, quoteAsset)) {
            throw new IllegalArgumentException("venue " + venue.id() + " must trade " + underlying + " against "
                    + quoteAsset);
        }
        if (plan.trade() == 0) {
            return HedgeFlow.none(plan);
        }
        if (plan.trade() < 0) {
            Quote q = venue.swapExactIn(underlying, quoteAsset, -plan.trade());
            return new HedgeFlow(plan, -q.amountIn(), q.amountOut(), List.of(q));
        }
        Quote q = venue.swapExactOut(quoteAsset, underlying, plan.trade());
        return new HedgeFlow(plan, q.amountOut(), -q.amountIn(), List.of(q));
    }

    /**
     * Prices the plan's trade through the router without changing any venue: a sale routes exactly {@code −trade}
     * underlying; a purchase routes the quote amount that, by the router's own quotes, buys {@code trade}
     * underlying. Empty when there is nothing to trade.
     */
    public Optional<RouteResult> quote(HedgePlan plan, Market market, AssetId underlying, AssetId quoteAsset) {
        Checks.present(plan, "hedge plan");
        Checks.present(market, "market");
        if (plan.trade() == 0) {
            return Optional.empty();
        }
        if (plan.trade() < 0) {
            return Optional.of(Router.DEFAULT.routeOnly(market, RouteRequest.of(underlying, quoteAsset, -plan.trade())));
        }
        // The router sells an exact input, so a purchase of an exact amount is found by re-sizing the quote input
        // from the rate the last route achieved; output is concave in input, so this closes in from either side.
        double spend = plan.trade() * plan.spot();
        RouteResult route = Router.DEFAULT.routeOnly(market, RouteRequest.of(quoteAsset, underlying, spend));
        for (int i = 0; i < BUY_SIZING_PASSES && route.routedOut() > 0; i++) {
            spend *= plan.trade() / route.routedOut();
            route = Router.DEFAULT.routeOnly(market, RouteRequest.of(quoteAsset, underlying, spend));
        }
        return Optional.of(route);
    }

    /**
     * Routes the plan's trade as {@link #quote} does and then executes every leg on its venue, changing them. Bridge
     * fees and gas are accounted as the router accounts them; the amounts reported are the route's delivered
     * amounts net of gas.
     */
    public HedgeFlow executeRouted(HedgePlan plan, Market market, AssetId underlying, AssetId quoteAsset) {
        Optional<RouteResult> routed = quote(plan, market, underlying, quoteAsset);
        if (routed.isEmpty()) {
            return HedgeFlow.none(plan);
        }
        RouteResult route = routed.get();
        List<Quote> fills = new ArrayList<>();
        for (LegFill leg : route.fills()) {
            Venue venue = market.venue(leg.venue()).orElseThrow();
            fills.add(venue.swapExactIn(leg.venueTokenIn(), leg.venueTokenOut(), leg.venueAmountIn()));
        }
        if (plan.trade() < 0) {
            return new HedgeFlow(plan, -route.amountFilled(), route.routedOut(), fills);
        }
        return new HedgeFlow(plan, route.routedOut(), -route.amountFilled(), fills);
    }
}
