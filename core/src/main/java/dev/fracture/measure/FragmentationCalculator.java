package dev.fracture.measure;

import dev.fracture.market.Market;
import dev.fracture.market.RouteRequest;
import dev.fracture.market.RouteResult;
import dev.fracture.market.Router;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import java.util.ArrayList;
import java.util.List;

/**
 * Fragmentation cost per asset from the router's unified-pool comparison ({@link RouteResult#fragmentationCost()}):
 * sell orders of the asset (the standard report: 1, 10 and 100 million USD) for the counter-asset of its deepest
 * venue.
 */
public final class FragmentationCalculator {
    public static final FragmentationCalculator DEFAULT = new FragmentationCalculator();

    private FragmentationCalculator() {
    }

    /** Null when no venue trades the asset against anything that does not move with it. */
    public Fragmentation fragmentation(Market market, Depth depth, List<Double> sizesUsd) {
        Depth.VenueDepth deepest = null;
        for (Depth.VenueDepth v : depth.venues()) {
            if (deepest == null || last(v) > last(deepest)) {
                deepest = v;
            }
        }
        if (deepest == null) {
            return null;
        }
        Asset sell = market.asset(depth.asset());
        AssetId buy = market.family(deepest.received());
        List<Fragmentation.Order> orders = new ArrayList<>();
        for (double size : sizesUsd) {
            if (!(size > 0) || Double.isInfinite(size)) {
                throw new IllegalArgumentException("fragmentation: order sizes must be finite and > 0, was " + size);
            }
            double amount = size / sell.referencePriceUsd();
            // The pair's own venues against their unified pool: a path through another asset is not fragmentation.
            RouteResult r = Router.DEFAULT.route(market, RouteRequest.of(sell.id(), buy, amount).withMaxHops(1));
            double buyPrice = market.asset(buy).referencePriceUsd();
            orders.add(new Fragmentation.Order(size, amount, r.routedOut(), r.bestSingleOut(), r.unifiedOut(),
                    r.fragmentationCost() * buyPrice, r.fragmentationCostBps(), r.complete()));
        }
        return new Fragmentation(sell.id(), buy, orders);
    }

    private static double last(Depth.VenueDepth v) {
        return v.bands().get(v.bands().size() - 1).absorbedUsd();
    }
}
