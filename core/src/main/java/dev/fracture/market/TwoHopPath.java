package dev.fracture.market;

import dev.fracture.model.Asset;
import dev.fracture.model.VenueId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A sale through an intermediate asset on one chain: the sell asset is split over every venue trading it against the
 * intermediate, and what that delivers is split over every venue trading the intermediate against the buy asset — the
 * route a DEX aggregator takes when the pair itself trades thinly or nowhere (wstETH to USDC through WETH, for
 * example; Angeris, Evans, Chitra et al., <i>Optimal Routing for Constant Function Market Makers</i>, 2022, route
 * over such paths in the same way).
 *
 * <p>Each hop is the router's own optimal split over that hop's venues, so each hop's output is concave and increasing
 * in its input, and so is their composition: the router can hand a path a share of an order beside the direct venues
 * and equalize marginal rates across both. A path never shares a venue with a direct leg or another path of the same
 * route (the router keeps only disjoint ones), so quoting it never double-counts a pool.
 *
 * <p>Both hops stay on the seller's chain and cross no bridge; each hop's gas is counted as the router counts a leg's,
 * the first hop's converted to the buy asset at reference prices.
 *
 * <p>A hop's legs may themselves be a path of a wrapper and the venues of one pair (the router's conversions: wstETH
 * unwrapped to stETH and sold for WETH, beside a wstETH/WETH pool, before WETH is sold for USDC) — three hops in all,
 * the wrapper's conversion taking no price impact. Such a leg is quoted, sized and filled as a path is at the top of a
 * route: its own hops split ideally, its fills executed in stage order ({@link LegFill#stage}).
 */
final class TwoHopPath {
    /** Enough halvings to bring any bracket of doubles to its last bits. */
    private static final int BISECTION_STEPS = 200;

    final Asset sell;
    final Asset via;
    final Asset buy;
    final List<RouteLeg> first;
    final List<RouteLeg> second;
    private final RouteRequest template;

    TwoHopPath(Asset sell, Asset via, Asset buy, List<RouteLeg> first, List<RouteLeg> second, RouteRequest template) {
        if (first.isEmpty() || second.isEmpty()) {
            throw new IllegalArgumentException("two-hop path: each hop needs a venue");
        }
        this.sell = sell;
        this.via = via;
        this.buy = buy;
        this.first = List.copyOf(first);
        this.second = List.copyOf(second);
        this.template = template;
    }

    /**
     * One amount of the sell asset through the path: each hop's allocation over its legs, what reaches the buyer net
     * of both hops' gas, and whether both hops filled.
     */
    record Split(double[] firstAlloc, double[] secondAlloc, double delivered, boolean complete) {
    }

    /** What the path delivers for {@code amount} of the sell asset, net of both hops' gas (0 for nothing). */
    double delivered(double amount) {
        return split(amount).delivered();
    }

    Split split(double amount) {
        double[] none2 = new double[second.size()];
        if (!(amount > 0)) {
            return new Split(new double[first.size()], none2, 0, true);
        }
        Router.Allocation a1 = allocate(first, hop(sell, via, amount), sell, via);
        double gas1 = gasOf(first, a1.alloc());
        double gross1 = a1.routed() + gas1;
        boolean complete = Router.sum(a1.alloc()) >= amount * (1 - 1e-12);
        if (!(gross1 > 0)) {
            return new Split(a1.alloc(), none2, 0, complete);
        }
        Router.Allocation a2 = allocate(second, hop(via, buy, gross1), via, buy);
        complete &= Router.sum(a2.alloc()) >= gross1 * (1 - 1e-12);
        double out = a2.routed() - gas1 * via.referencePriceUsd() / buy.referencePriceUsd();
        return new Split(a1.alloc(), a2.alloc(), out, complete);
    }

    /**
     * The path's fills for {@code amount}: the first hop's (nothing delivered to the buyer), then the second's. A hop's
     * leg that is itself a path contributes its own fills, its inner end marked as a middle hop: the first hop's inner
     * path delivers the intermediate from a middle hop, the second hop's takes it in one.
     */
    List<LegFill> fills(double amount) {
        Split s = split(amount);
        List<LegFill> fills = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            if (s.firstAlloc()[i] > 0) {
                addHopFills(first.get(i), s.firstAlloc()[i], LegFill.Hop.TO_INTERMEDIATE, fills);
            }
        }
        for (int i = 0; i < second.size(); i++) {
            if (s.secondAlloc()[i] > 0) {
                addHopFills(second.get(i), s.secondAlloc()[i], LegFill.Hop.FROM_INTERMEDIATE, fills);
            }
        }
        return fills;
    }

    /** {@code leg}'s fills for {@code amount} as part {@code hop} of this path. */
    private static void addHopFills(RouteLeg leg, double amount, LegFill.Hop hop, List<LegFill> into) {
        if (leg.path == null) {
            into.add(leg.fill(amount).asHop(hop));
            return;
        }
        for (LegFill inner : leg.path.fills(amount)) {
            boolean outerEnd = hop == LegFill.Hop.TO_INTERMEDIATE ? inner.fromSeller() : inner.toBuyer();
            into.add(outerEnd ? inner.asHop(hop) : inner.asHop(LegFill.Hop.BETWEEN_INTERMEDIATES));
        }
    }

    /** Adds the id of every venue of both hops, an inner path's included. */
    void addVenueIds(Collection<VenueId> into) {
        for (RouteLeg leg : first) {
            leg.addVenueIds(into);
        }
        for (RouteLeg leg : second) {
            leg.addVenueIds(into);
        }
    }

    /** The path's marginal rate at zero size: the product of its hops' best ones. */
    double marginalRate() {
        return best(first) * best(second);
    }

    /**
     * A rate at and above which the path sells nothing at the margin: the product of the hops' own
     * ({@link RouteLeg#rateSellingNothing}), an upper bound on its marginal rate at zero.
     */
    double rateSellingNothing() {
        return maxRateSellingNothing(first) * maxRateSellingNothing(second);
    }

    /**
     * The amount of the sell asset at which the path, each hop split ideally, delivers its next unit at {@code rate}.
     * With the first hop's common marginal rate at r1, it takes {@code I1(r1)} (the sum of its legs' inputs at that
     * rate, {@link RouteLeg#inputAtMarginalRate}) and delivers {@code O1(r1)}, the sum of those legs' outputs; the
     * second hop then sells that at a common rate r2 with {@code I2(r2) = O1(r1)}, and the path's marginal rate is
     * r1·r2 (the chain rule). The r1 with {@code O1(r1) = I2(rate / r1)} is found by bisection: as r1 falls, O1
     * grows and I2(rate / r1) shrinks, so the difference changes sign once. 0 when the rate is at or above the one
     * at which the path sells nothing.
     */
    double inputAtMarginalRate(double rate) {
        double top1 = maxRateSellingNothing(first);
        double top2 = maxRateSellingNothing(second);
        if (!(rate > 0) || rate >= top1 * top2) {
            return rate > 0 ? 0 : Double.NaN;
        }
        // A wrapper's hop converts every unit at its rate ρ (its output is ρ times its input, whatever the size), so
        // the chain rule needs no search: the other hop's own answer at rate / ρ, scaled through the wrapper.
        if (fixedRate(first)) {
            return secondHopInput(rate / top1) / top1;
        }
        if (fixedRate(second)) {
            return firstHopInput(rate / top2);
        }
        double lo = rate / top2;
        double hi = top1;
        for (int i = 0; i < BISECTION_STEPS && hi - lo > 1e-15 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (firstHopOutput(mid) > secondHopInput(rate / mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return firstHopInput(0.5 * (lo + hi));
    }

    /** Whether the hop is one fixed-rate venue (a wrapper; the router gives such a hop no other venue). */
    private static boolean fixedRate(List<RouteLeg> hop) {
        return hop.size() == 1 && hop.get(0).fixedRate();
    }

    private double firstHopInput(double r1) {
        double total = 0;
        for (RouteLeg leg : first) {
            total += leg.inputAtMarginalRate(r1);
        }
        return total;
    }

    private double firstHopOutput(double r1) {
        double total = 0;
        for (RouteLeg leg : first) {
            double x = leg.inputAtMarginalRate(r1);
            if (x > 0) {
                total += leg.output(x);
            }
        }
        return total;
    }

    private double secondHopInput(double r2) {
        double total = 0;
        for (RouteLeg leg : second) {
            total += leg.inputAtMarginalRate(r2);
        }
        return total;
    }

    private static double maxRateSellingNothing(List<RouteLeg> legs) {
        double most = 0;
        for (RouteLeg leg : legs) {
            most = Math.max(most, leg.rateSellingNothing());
        }
        return most;
    }

    /** The sum of both hops' venues' versions; -1 when a venue does not count its changes. */
    long stateVersion() {
        long sum = 0;
        for (List<RouteLeg> hop : List.of(first, second)) {
            for (RouteLeg leg : hop) {
                long v = leg.stateVersion();
                if (v < 0) {
                    return -1;
                }
                sum += v;
            }
        }
        return sum;
    }

    /**
     * One hop's split: the router's over several legs; the whole amount on a hop's only venue (what the router's
     * slices would add up to, without their rounding), or through its only path as the router sends it.
     */
    private static Router.Allocation allocate(List<RouteLeg> legs, RouteRequest request, Asset from, Asset to) {
        if (legs.size() == 1 && legs.get(0).path == null) {
            RouteLeg leg = legs.get(0);
            double amount = request.amountIn();
            Quote q = leg.venueQuote(amount);
            double[] alloc = {q.complete() ? amount : q.amountIn()}; // a hop crosses no bridge: nothing kept back
            double net = leg.delivered(q) - leg.gasCost;
            return new Router.Allocation(alloc, net, new double[] {0, net, alloc[0]});
        }
        return Router.allocate(legs, request, new Router.Capacity(from, to), false);
    }

    private RouteRequest hop(Asset from, Asset to, double amount) {
        return new RouteRequest(from.id(), to.id(), amount, template.maxLatencySeconds(), template.gas(),
                template.chunks(), 1);
    }

    private static double best(List<RouteLeg> legs) {
        double best = 0;
        for (RouteLeg leg : legs) {
            best = Math.max(best, leg.marginalRate());
        }
        return best;
    }

    private static double gasOf(List<RouteLeg> legs, double[] alloc) {
        double gas = 0;
        for (int i = 0; i < legs.size(); i++) {
            if (alloc[i] > 0) {
                gas += legs.get(i).gasCost;
            }
        }
        return gas;
    }
}
