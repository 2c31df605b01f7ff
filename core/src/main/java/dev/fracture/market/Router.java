package dev.fracture.market;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.Bridge;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a sell order across every venue that trades the pair — on the seller's chain and, through bridges, on
 * other chains — to maximize what the seller receives net of fees, bridge fees and gas.
 *
 * <p>Each venue's output is a concave function of its input (AMM curves and order books both give ever worse
 * prices), so the optimum equalizes marginal rates across the venues used, the "water-filling" condition of
 * optimal order routing (Angeris, Evans, Chitra et al., "Optimal Routing for Constant Function Market Makers",
 * 2022). Where that condition is the whole problem — single venues on the seller's chain that answer their input at
 * a marginal rate exactly, no gas, bridge, wrapper or path — the router solves it: {@link WaterFillingSplit} finds the
 * common rate and gives each leg its input there. Elsewhere it reaches it numerically: it allocates the order slice
 * by slice to the leg whose next slice pays the most, re-quoting the whole allocation on that venue each time so that
 * moved prices are seen; then it refines with ever smaller moves of size between legs until no move improves the
 * total. Gas and bridge transfers are fixed costs per leg, which break concavity: legs are first allocated without
 * them, and a leg is then dropped whenever redistributing its share to the others pays more than it does.
 *
 * <p>Cross-chain legs pay the bridge fee on the way in (sell asset) and on the way out (buy asset), may take no
 * more than the bridge's capacity per hour in each direction (the order is taken to settle within the hour), and
 * are skipped when their latency exceeds the request's limit.
 *
 * <p>Beside the venues that trade the pair itself, a request of {@link RouteRequest#maxHops() two hops} (the default)
 * also sells through an intermediate asset on the seller's chain when the buy asset is on that chain too: a
 * {@link TwoHopPath} splits the sale over the venues trading the sell asset for the intermediate and then over those
 * trading the intermediate for the buy asset, as an aggregator does. A path is one more concave leg of the
 * water-filling, kept only when it shares no venue with the direct legs or with a path taken before it (intermediates
 * in the order of their ids), so that no pool is counted twice.
 *
 * <p>The result also prices the same order through the best single venue and through one hypothetical pool
 * holding all the venues' liquidity ({@link UnifiedPool}); the gap between the latter and the router is the
 * fragmentation cost.
 */
public final class Router {
    public static final Router DEFAULT = new Router();

    private static final double EPS = 1e-12;

    public RouteResult route(Market market, RouteRequest request) {
        return route(market, request, true);
    }

    /**
     * The same split and fills as {@link #route}, without the comparison with a unified pool (its
     * {@code unifiedOut} is NaN): what a trader who only executes needs, at a fraction of the cost — the unified pool
     * walks every venue's whole liquidity profile.
     */
    public RouteResult routeOnly(Market market, RouteRequest request) {
        return route(market, request, false);
    }

    /**
     * {@link #routeOnly(Market, RouteRequest)} over {@code legs} the caller keeps: they must be
     * {@link #legs(Market, RouteRequest)} of the same market and of a request with the same assets, gas schedule,
     * hops and latency limit (a seller that sells the same pair again and again finds them once).
     */
    public RouteResult routeOnly(Market market, RouteRequest request, Legs legs) {
        return route(market, request, legs, false);
    }

    private RouteResult route(Market market, RouteRequest request, boolean compare) {
        return route(market, request, null, compare);
    }

    /** The route over {@code kept} legs, or over the request's legs found afresh when it is null. */
    private RouteResult route(Market market, RouteRequest request, Legs kept, boolean compare) {
        Asset sell = market.asset(request.sell());
        Asset buy = market.asset(request.buy());
        List<RouteLeg> legs = kept != null ? kept.legs : legs(market, request, sell, buy, false);
        double refOut = request.amountIn() * sell.referencePriceUsd() / buy.referencePriceUsd();
        List<RouteLeg> everyVenue = compare ? legs(market, request, sell, buy, true) : List.of();
        boolean noPair = compare && everyVenue.isEmpty();
        if (legs.isEmpty()) {
            double unified = compare && !noPair ? UnifiedPool.DEFAULT.output(everyVenue, request, meanFee(everyVenue),
                    sell.chain()) : Double.NaN;
            return new RouteResult(sell.id(), buy.id(), request.amountIn(), 0, List.of(), 0, null, 0, unified, refOut);
        }
        Allocation a = allocate(legs, request, new Capacity(sell, buy), true,
                kept != null ? kept.waterFilling : WaterFillingSplit.applies(legs));
        double[] alloc = a.alloc();
        double routed = a.routed();
        double[] best = a.best();
        int bestLeg = (int) best[0];

        double unified = compare && !noPair
                ? UnifiedPool.DEFAULT.output(everyVenue, request, paidFee(legs, alloc), sell.chain()) : Double.NaN;
        List<LegFill> fills = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            if (alloc[i] > 0) {
                legs.get(i).addFills(alloc[i], fills);
            }
        }
        // Later hops after the ones that feed them: their amounts are intermediate, not sell asset.
        fills.sort(Comparator.comparingInt(LegFill::stage)
                .thenComparing(Comparator.comparingDouble(LegFill::amountIn).reversed())
                .thenComparing(f -> f.venue().value()));
        VenueId bestId = bestLeg >= 0 ? legs.get(bestLeg).venue.id() : null;
        return new RouteResult(sell.id(), buy.id(), request.amountIn(), sum(alloc), fills, routed, bestId,
                bestLeg >= 0 ? best[1] : 0, unified, refOut);
    }

    /**
     * What {@link #route} and {@link #routeOnly} deliver ({@link RouteResult#routedOut()}), bit for bit, computed by
     * the same allocation but without the reports a seller sizing an order does not read (the fills, the best single
     * venue's id), over {@code legs} the caller keeps: they must be {@link #legs(Market, RouteRequest)} of the market
     * quoted (they hold its venues and its assets' reference prices) and of a request with the same assets, gas
     * schedule, latency limit and hops.
     */
    public double routedOut(RouteRequest request, Legs legs) {
        if (legs.legs.isEmpty()) {
            return 0;
        }
        return allocate(legs.legs, request, legs.capacity, false, legs.waterFilling).routed();
    }

    /**
     * The legs {@link #route} considers for {@code request}: they depend on the market's venues, assets and bridges
     * (fixed for a market) and on the request's assets, gas schedule, latency limit and hops, never on its amount or
     * on the venues' state.
     */
    public Legs legs(Market market, RouteRequest request) {
        Asset sell = market.asset(request.sell());
        Asset buy = market.asset(request.buy());
        return new Legs(legs(market, request, sell, buy, false), new Capacity(sell, buy));
    }

    /**
     * An upper bound on what {@link #routedOut} delivers per unit sold over {@code legs}, at the venues' current
     * state: the best leg's marginal rate at zero size, bridge fees included (0 without legs). Every venue's output is
     * concave in its input with its marginal rate at zero as the slope at the origin, so no allocation of an order
     * of size x delivers more than x times the best of them (gas only takes away). Kept with the legs under their
     * {@linkplain Legs#stateVersion state version} and read again while no venue of theirs has traded: a block's
     * landing liquidations ask it of one pair plan after plan, most of them reverting with nothing traded between.
     */
    public double rateBound(Legs legs) {
        long version = legs.stateVersion();
        if (version >= 0) {
            Legs.KeptBound kept = legs.keptBound;
            if (kept != null && kept.version() == version) {
                return kept.bound();
            }
        }
        double best = 0;
        for (RouteLeg leg : legs.array) {
            best = Math.max(best, leg.marginalRate());
        }
        if (version >= 0) {
            legs.keptBound = new Legs.KeptBound(version, best);
        }
        return best;
    }

    /**
     * An upper bound on what {@link #routedOut} delivers for {@code amount} over {@code legs}, at the venues' current
     * state, gas left out: the Lagrangian dual of the split ({@link DualProceedsBound}), which is the best split's
     * output itself up to its search's precision (1e-7) where the venues' outputs are concave, so it refuses what the
     * split would deliver less than at a few quotes per leg instead of the split's dozens. +∞ when a leg cannot
     * answer (0 for no amount or no legs).
     */
    public double proceedsBound(Legs legs, double amount) {
        return proceedsBound(legs, amount, Double.NEGATIVE_INFINITY);
    }

    /**
     * {@link #proceedsBound(Legs, double)}, searched only until it is below {@code target} (a caller asking whether
     * the sale brings less than that stops paying for precision once it knows). The line the last search's dual
     * leaves for every amount ({@link DualProceedsBound.Answer}) is kept with the legs under their
     * {@linkplain Legs#stateVersion state version}; while it stands, an amount the line already puts below the target
     * is answered from it without a search: a block's landing liquidations ask this of one pair plan after plan, most
     * of them reverting with nothing traded between (in the benchmark's cascade at 1M accounts the line answered
     * 171,178 of the 195,238 questions the landing asked, and 24,060 were searched).
     */
    public double proceedsBound(Legs legs, double amount, double target) {
        if (!(amount > 0) || legs.legs.isEmpty()) {
            return 0;
        }
        long version = legs.stateVersion();
        if (version >= 0) {
            Legs.KeptLine kept = legs.keptLine;
            if (kept != null && kept.version() == version) {
                double onLine = kept.slope() * amount + kept.intercept();
                if (onLine < target) {
                    return onLine;
                }
            }
        }
        DualProceedsBound.Answer answer = DualProceedsBound.search(legs.legs, amount, target);
        if (version >= 0 && answer.hasLine()) {
            legs.keptLine = new Legs.KeptLine(version, answer.slope(), answer.intercept());
        }
        return answer.bound();
    }

    /**
     * The amount of the sell asset at which the best split over {@code legs} delivers its next unit at {@code rate}:
     * the split that maximizes output equalizes the legs' marginal rates (Angeris et al., <i>Optimal Routing for
     * Constant Function Market Makers</i>, 2022), so at that common rate each leg has taken what brings its own rate
     * down to it, and the order is their sum. A seller whose every unit sold is worth {@code rate} to it earns most
     * by selling exactly this much. Bridge capacity is not counted (the legs a liquidator sells through cross none).
     */
    public double inputAtMarginalRate(Legs legs, double rate) {
        double total = 0;
        for (RouteLeg leg : legs.array) {
            total += leg.inputAtMarginalRate(rate);
        }
        return total;
    }

    /**
     * The rate at and above which {@link #inputAtMarginalRate(Legs, double)} is 0, up to the rounding of either
     * ({@link Venue#rateSellingNothing}): the largest leg's (0 without legs, where every input is 0).
     */
    public double rateSellingNothing(Legs legs) {
        double most = 0;
        for (RouteLeg leg : legs.array) {
            most = Math.max(most, leg.rateSellingNothing());
        }
        return most;
    }

    /** {@link #inputAtMarginalRate(Legs, double)} over the legs of {@code request} found afresh. */
    public double inputAtMarginalRate(Market market, RouteRequest request, double rate) {
        return inputAtMarginalRate(legs(market, request), rate);
    }

    /** The legs of one kind of request on one market: computed once, quoted many times. */
    public static final class Legs {
        private final List<RouteLeg> legs;
        /**
         * The same legs as an array, and whether one crosses a bridge (no version then): the state version and the
         * rate bound read them for every liquidation a block lands, on the engine's main thread.
         */
        private final RouteLeg[] array;
        private final boolean bridged;
        /**
         * Whether an order's split over these legs is the water-filling's ({@link WaterFillingSplit#applies}): it
         * depends on the legs alone (their paths, bridges, gas and venues' kinds), so it is found once, not per quote.
         */
        private final boolean waterFilling;
        /**
         * The reference prices of the request's two assets the split reads ({@link Capacity}): a market's assets are
         * fixed, so they are read once with the legs, not looked up in the market for every quote over them.
         */
        private final Capacity capacity;
        /**
         * The last {@link #rateBound} with the state version it was found at, or null. Threads that share the legs
         * may each write it: an immutable pair published through one reference, so a reader sees a whole pair or an
         * older one, and a lost write only costs finding the bound again.
         */
        private KeptBound keptBound;
        /** The last {@link #proceedsBound} search's line with the state version it was found at, or null; as above. */
        private KeptLine keptLine;

        private record KeptBound(long version, double bound) {
        }

        private record KeptLine(long version, double slope, double intercept) {
        }

        private Legs(List<RouteLeg> legs, Capacity capacity) {
            this.capacity = capacity;
            this.legs = List.copyOf(legs);
            this.array = this.legs.toArray(new RouteLeg[0]);
            this.bridged = this.legs.stream().anyMatch(leg -> !leg.inPath.isEmpty() || !leg.outPath.isEmpty());
            this.waterFilling = WaterFillingSplit.applies(this.legs);
        }

        /**
         * Whether an order's split over these legs is the water-filling's ({@link WaterFillingSplit}): the best split
         * up to its precision wherever the search finishes.
         */
        public boolean splitsByWaterFilling() {
            return waterFilling;
        }

        /** The legs themselves, for this package (its tests search the dual over them directly). */
        List<RouteLeg> list() {
            return legs;
        }

        /**
         * The sum of the {@link Venue#version() versions} of the legs' venues: while it stays the same, every quote
         * over these legs stays the same (versions only grow, so an equal sum means no venue changed). -1 when it
         * cannot tell: a venue that does not count its changes, or a leg that crosses a bridge (whose halts and
         * capacity no version counts).
         */
        public long stateVersion() {
            if (bridged) {
                return -1;
            }
            long sum = 0;
            for (RouteLeg leg : array) {
                long v = leg.stateVersion();
                if (v < 0) {
                    return -1;
                }
                sum += v;
            }
            return sum;
        }
    }

    /** The allocation, the net output, and the best single leg {index, net output, amount}. */
    record Allocation(double[] alloc, double routed, double[] best) {
    }

    /**
     * The split of {@code request} over {@code legs}: exact where {@link WaterFillingSplit} applies, else greedy by
     * slices, unprofitable legs dropped, then refined. The best single leg is quoted where the split needs it (the
     * greedy split falls back to it when it delivers more) or {@code reportBest} asks for it; otherwise its entry is
     * {-1, 0, 0}.
     */
    static Allocation allocate(List<RouteLeg> legs, RouteRequest request, Capacity capacity, boolean reportBest) {
        return allocate(legs, request, capacity, reportBest, WaterFillingSplit.applies(legs));
    }

    /** {@link #allocate(List, RouteRequest, Capacity, boolean)} where {@code waterFilling} is whether it applies. */
    private static Allocation allocate(List<RouteLeg> legs, RouteRequest request, Capacity capacity,
                                       boolean reportBest, boolean waterFilling) {
        if (legs.size() == 1 && legs.get(0).path != null) {
            return onePath(legs.get(0).path, request.amountIn());
        }
        if (!waterFilling) {
            return allocate(legs, request, capacity, reportBest, new LegQuotes(legs), null);
        }
        // An exact split's legs quote venues and route nothing: the split works in its thread's scratch, and what it
        // returns (the allocation, its output, the best leg) is in arrays of its own.
        SplitScratch scratch = SplitScratch.take();
        try {
            return allocate(legs, request, capacity, reportBest, scratch.quotes(legs), scratch);
        } finally {
            scratch.release();
        }
    }

    /**
     * {@link #allocate(List, RouteRequest, Capacity, boolean, boolean)} over the quotes {@code q} of {@code legs};
     * {@code scratch} non-null where the exact split applies and works in it.
     */
    private static Allocation allocate(List<RouteLeg> legs, RouteRequest request, Capacity capacity,
                                       boolean reportBest, LegQuotes q, SplitScratch scratch) {
        double[] exact = scratch != null ? WaterFillingSplit.of(legs, q, request.amountIn(), scratch) : null;
        if (exact != null) {
            double[] best = reportBest ? bestSingle(legs, q, request.amountIn(), capacity) : new double[] {-1, 0, 0};
            return new Allocation(exact, net(legs, q, exact), best);
        }
        double[] best = bestSingle(legs, q, request.amountIn(), capacity);
        int bestLeg = (int) best[0];

        double[] alloc = greedy(legs, q, request, capacity, false);
        dropUnprofitableLegs(legs, q, alloc, request, capacity);
        refine(legs, q, alloc, request, capacity);

        double routed = net(legs, q, alloc);
        if (bestLeg >= 0 && best[1] > routed && best[2] >= sum(alloc) - EPS) {
            alloc = new double[legs.size()];
            alloc[bestLeg] = best[2];
            routed = best[1];
        }
        return new Allocation(alloc, routed, best);
    }

    /**
     * The whole order through a route's only leg, a path: nothing to split at this level (the path splits each of its
     * hops), so the path is quoted once for the whole amount instead of slice by slice — what the slices would add up
     * to. A path whose first hop runs dry takes what that hop could sell.
     */
    private static Allocation onePath(TwoHopPath path, double amount) {
        TwoHopPath.Split split = path.split(amount);
        double filled = split.complete() ? amount : Math.min(amount, sum(split.firstAlloc()));
        return new Allocation(new double[] {filled}, split.delivered(), new double[] {-1, 0, 0});
    }

    /**
     * Every direct leg: a venue trading a member of the sell family against a member of the buy family. With
     * {@code unified}, every such venue counts as if it were on the seller's chain: no bridges, no latency limit,
     * one swap's gas on its own chain — the venues a unified pool would merge.
     */
    static List<RouteLeg> legs(Market market, RouteRequest request, Asset sell, Asset buy, boolean unified) {
        AssetId sellFamily = market.family(sell.id());
        AssetId buyFamily = market.family(buy.id());
        Map<VenueId, VenueSpec> specs = new HashMap<>();
        market.snapshot().venues().forEach(s -> specs.put(s.id(), s));
        List<RouteLeg> legs = new ArrayList<>();
        for (Venue venue : market.venues()) {
            AssetId in = null;
            AssetId out = null;
            for (AssetId a : venue.assets()) {
                Asset asset = market.asset(a);
                if (!asset.chain().equals(venue.chain())) {
                    continue;
                }
                if (market.family(a).equals(sellFamily)) {
                    in = a;
                } else if (market.family(a).equals(buyFamily)) {
                    out = a;
                }
            }
            if (in == null || out == null || (unified && venue.fixedRate())) {
                // A wrapper is a contract, not liquidity: the unified pool merges only what providers supply.
                continue;
            }
            ChainId venueChain = venue.chain();
            long gasUnits = request.gas().swapGas(specs.get(venue.id()));
            double swapGas = gasUsd(market, venueChain, gasUnits) / buy.referencePriceUsd();
            if (unified) {
                legs.add(new RouteLeg(venue, in, out, List.of(), List.of(), List.of(), swapGas));
                continue;
            }
            Optional<List<Bridge>> inPath = market.bridgePath(sell.id(), in);
            Optional<List<Bridge>> outPath = market.bridgePath(out, buy.id());
            if (inPath.isEmpty() || outPath.isEmpty()) {
                continue;
            }
            List<ChainId> hopSources = new ArrayList<>();
            hopSources.addAll(hopSources(sell.chain(), inPath.get()));
            hopSources.addAll(hopSources(venueChain, outPath.get()));
            double gas = swapGas;
            for (ChainId from : hopSources) {
                gas += gasUsd(market, from, request.gas().bridgeTransfer()) / buy.referencePriceUsd();
            }
            RouteLeg leg = new RouteLeg(venue, in, out, inPath.get(), outPath.get(), hopSources, gas);
            if (leg.latencySeconds <= request.maxLatencySeconds()) {
                legs.add(leg);
            }
        }
        legs.sort(Comparator.comparing(l -> l.venue.id()));
        if (!unified && request.maxHops() > 1) {
            legs.addAll(paths(market, request, sell, buy, legs));
        }
        return legs;
    }

    /**
     * The two-hop paths of {@code request} beside its {@code direct} legs: through each asset of the seller's chain
     * that some venue there trades against the sell asset — or against what a wrapper converts the sell asset to — in
     * the order of the intermediates' ids, a path of the legs of the hop from the sell asset to it and of those of the
     * hop from it to the buy asset ({@link #hop}) — kept when both hops have legs and none of their venues is already
     * in a direct leg or an earlier path. None when the buy asset is on another chain.
     */
    private static List<RouteLeg> paths(Market market, RouteRequest request, Asset sell, Asset buy,
                                        List<RouteLeg> direct) {
        if (!sell.chain().equals(buy.chain())) {
            return List.of();
        }
        java.util.TreeMap<AssetId, Asset> intermediates = new java.util.TreeMap<>(Comparator.comparing(AssetId::value));
        AssetId sellFamily = market.family(sell.id());
        AssetId buyFamily = market.family(buy.id());
        List<AssetId> reached = new ArrayList<>(List.of(sell.id()));
        for (Venue venue : market.venues()) {
            if (venue.fixedRate() && venue.chain().equals(sell.chain()) && venue.assets().contains(sell.id())) {
                venue.assets().stream().filter(a -> !a.equals(sell.id())).forEach(reached::add);
            }
        }
        for (Venue venue : market.venues()) {
            if (!venue.chain().equals(sell.chain()) || venue.assets().stream().noneMatch(reached::contains)) {
                continue;
            }
            for (AssetId a : venue.assets()) {
                Asset asset = market.asset(a);
                AssetId family = market.family(a);
                if (asset.chain().equals(sell.chain()) && !family.equals(sellFamily) && !family.equals(buyFamily)) {
                    intermediates.put(a, asset);
                }
            }
        }
        java.util.Set<VenueId> taken = new java.util.HashSet<>();
        for (RouteLeg leg : direct) {
            leg.addVenueIds(taken);
        }
        List<RouteLeg> paths = new ArrayList<>();
        java.util.Set<AssetId> ends = java.util.Set.of(sellFamily, buyFamily);
        for (Asset via : intermediates.values()) {
            List<RouteLeg> first = hop(market, request, sell, via, ends);
            first.removeIf(l -> l.path != null && takes(List.of(l), taken));
            java.util.Set<VenueId> beforeSecond = new java.util.HashSet<>(taken);
            first.forEach(l -> l.addVenueIds(beforeSecond));
            List<RouteLeg> second = hop(market, request, via, buy, ends);
            second.removeIf(l -> l.path != null && takes(List.of(l), beforeSecond));
            if (first.isEmpty() || second.isEmpty() || takes(first, taken) || takes(second, taken)) {
                continue;
            }
            first.forEach(l -> l.addVenueIds(taken));
            second.forEach(l -> l.addVenueIds(taken));
            paths.add(new RouteLeg(new TwoHopPath(sell, via, buy, first, second, request)));
        }
        return paths;
    }

    /**
     * The legs of one hop of a path, {@code from} for {@code to} on the seller's chain: a wrapper alone when one
     * converts the pair ({@link #wrapperAlone}); otherwise the venues trading the pair and, beside them, each
     * conversion through a wrapper on that chain — unwrapping {@code from} and selling what it pays on the venues of
     * that pair, or buying on them what wraps into {@code to} and wrapping it — as a path of its own, kept when its
     * venues are not already among the hop's. A wrapper converts at its contract's rate without price impact, so such
     * a hop is priced like any other and the route's hop count is one more only in name: wstETH reaches WETH both
     * through a wstETH/WETH pool and by unwrapping and selling stETH in the Curve stETH pool. A conversion through an
     * asset of the families in {@code ends} (the route's own sell and buy assets) would go back on the route and is
     * left out. The caller drops conversions whose venues the route already uses elsewhere.
     */
    private static List<RouteLeg> hop(Market market, RouteRequest request, Asset from, Asset to,
                                      java.util.Set<AssetId> ends) {
        List<RouteLeg> legs = wrapperAlone(onChain(legs(market, request.toward(from.id(), to.id()), from, to,
                false), from.chain()));
        if (legs.size() == 1 && legs.get(0).fixedRate()) {
            return new ArrayList<>(legs);
        }
        java.util.Set<VenueId> taken = new java.util.HashSet<>();
        legs.forEach(l -> l.addVenueIds(taken));
        List<RouteLeg> out = new ArrayList<>(legs);
        for (Venue wrapper : market.venues()) {
            if (!wrapper.fixedRate() || !wrapper.chain().equals(from.chain())) {
                continue;
            }
            for (AssetId a : wrapper.assets()) {
                Asset other = market.asset(a);
                if (other.id().equals(from.id()) || other.id().equals(to.id())
                        || ends.contains(market.family(other.id()))) {
                    continue;
                }
                TwoHopPath conversion = null;
                if (wrapper.assets().contains(from.id())) {
                    conversion = convert(market, request, from, other, to, true);
                } else if (wrapper.assets().contains(to.id())) {
                    conversion = convert(market, request, from, other, to, false);
                }
                if (conversion != null) {
                    RouteLeg leg = new RouteLeg(conversion);
                    if (!takes(List.of(leg), taken)) {
                        leg.addVenueIds(taken);
                        out.add(leg);
                    }
                }
            }
        }
        return out;
    }

    /**
     * A conversion through a wrapper as a path, {@code from} for {@code to} through {@code via}: the wrapper first and
     * the venues trading {@code via} for {@code to} second when {@code wrapperFirst} (unwrapping, or wrapping the
     * underlying), else those trading {@code from} for {@code via} first and the wrapper second; null unless the
     * wrapper converts its hop and some venue on the chain (not a wrapper) trades the other.
     */
    private static TwoHopPath convert(Market market, RouteRequest request, Asset from, Asset via, Asset to,
                                      boolean wrapperFirst) {
        List<RouteLeg> first = onChain(legs(market, request.toward(from.id(), via.id()), from, via, false),
                from.chain());
        List<RouteLeg> second = onChain(legs(market, request.toward(via.id(), to.id()), via, to, false),
                from.chain());
        List<RouteLeg> wrap = wrapperAlone(wrapperFirst ? first : second);
        List<RouteLeg> trade = new ArrayList<>(wrapperFirst ? second : first);
        trade.removeIf(RouteLeg::fixedRate);
        if (wrap.size() != 1 || !wrap.get(0).fixedRate() || trade.isEmpty()) {
            return null;
        }
        return wrapperFirst ? new TwoHopPath(from, via, to, wrap, trade, request)
                : new TwoHopPath(from, via, to, trade, wrap, request);
    }

    /**
     * A hop a wrapper serves is the wrapper alone: it converts any amount at the contract's rate, which is what any pool
     * of the same pair is arbitraged to, so the hop's rate is that rate whatever else trades the pair.
     */
    private static List<RouteLeg> wrapperAlone(List<RouteLeg> legs) {
        for (RouteLeg leg : legs) {
            if (leg.fixedRate()) {
                return List.of(leg);
            }
        }
        return legs;
    }

    /** The legs of {@code legs} on {@code chain} that cross no bridge. */
    private static List<RouteLeg> onChain(List<RouteLeg> legs, ChainId chain) {
        List<RouteLeg> out = new ArrayList<>();
        for (RouteLeg leg : legs) {
            if (leg.venueChain.equals(chain) && leg.inPath.isEmpty() && leg.outPath.isEmpty()) {
                out.add(leg);
            }
        }
        return out;
    }

    private static boolean takes(List<RouteLeg> legs, java.util.Set<VenueId> taken) {
        List<VenueId> ids = new ArrayList<>();
        legs.forEach(l -> l.addVenueIds(ids));
        for (VenueId id : ids) {
            if (taken.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private static double gasUsd(Market market, ChainId chainId, long units) {
        Chain chain = market.chain(chainId);
        return chain.gas().costInNative(units) * market.asset(chain.nativeAsset()).referencePriceUsd();
    }

    /** A venue's fee rate, read off its marginal rate against its spot price. */
    private static double feeOf(RouteLeg leg) {
        double spot = leg.venue.spotPrice(leg.tokenIn, leg.tokenOut);
        double fee = spot > 0 ? 1 - leg.venue.marginalRate(leg.tokenIn, leg.tokenOut) / spot : 0;
        return Math.max(fee, 0);
    }

    /** The fee rate the route paid, weighted by what each venue took. */
    private static double paidFee(List<RouteLeg> legs, double[] alloc) {
        double total = 0;
        for (int i = 0; i < legs.size(); i++) {
            if (legs.get(i).path == null) {
                total += alloc[i];
            }
        }
        if (total <= 0) {
            return meanFee(legs);
        }
        double fee = 0;
        for (int i = 0; i < legs.size(); i++) {
            if (alloc[i] > 0 && legs.get(i).path == null) {
                fee += alloc[i] / total * feeOf(legs.get(i));
            }
        }
        return fee;
    }

    private static double meanFee(List<RouteLeg> legs) {
        return legs.stream().filter(l -> l.path == null).mapToDouble(Router::feeOf).average().orElse(0);
    }

    /** The chain each bridge of a path leaves, starting from {@code start}. */
    private static List<ChainId> hopSources(ChainId start, List<Bridge> path) {
        List<ChainId> out = new ArrayList<>();
        ChainId at = start;
        for (Bridge b : path) {
            out.add(at);
            at = b.chainA().equals(at) ? b.chainB() : b.chainA();
        }
        return out;
    }

    /** {index, net output, amount} of the best leg taking the whole order alone (or as much as it can). */
    private static double[] bestSingle(List<RouteLeg> legs, LegQuotes q, double amount, Capacity capacity) {
        double[] best = {-1, 0, 0};
        for (int i = 0; i < legs.size(); i++) {
            RouteLeg leg = legs.get(i);
            if (leg.path != null) {
                continue;
            }
            double a = Math.min(amount, capacity.headroom(leg));
            if (a <= 0) {
                continue;
            }
            double net = q.delivered(i, a) - leg.gasCost;
            if (best[0] < 0 || net > best[1]) {
                best = new double[] {i, net, a};
            }
        }
        return best;
    }

    /** Slice-by-slice allocation to the leg whose next slice pays the most. */
    private static double[] greedy(List<RouteLeg> legs, LegQuotes q, RouteRequest request, Capacity capacity,
                                   boolean withGas) {
        int n = legs.size();
        double[] alloc = new double[n];
        double[] out = new double[n];
        double[] gain = new double[n];
        double slice = request.amountIn() / request.chunks();
        boolean[] dry = new boolean[n];
        for (int i = 0; i < n; i++) {
            gain[i] = sliceGain(legs, q, i, 0, 0, slice, withGas, capacity, alloc);
        }
        double left = request.amountIn();
        while (left > EPS * request.amountIn()) {
            int pick = -1;
            for (int i = 0; i < n; i++) {
                if (!dry[i] && gain[i] > 0 && (pick < 0 || gain[i] > gain[pick])) {
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            RouteLeg leg = legs.get(pick);
            double step = Math.min(Math.min(slice, left), capacity.headroom(leg, alloc, legs));
            if (step <= EPS * request.amountIn() || !q.fills(pick, alloc[pick] + step)) {
                dry[pick] = true;
                continue;
            }
            alloc[pick] += step;
            out[pick] = q.delivered(pick, alloc[pick]);
            left -= step;
            gain[pick] = sliceGain(legs, q, pick, alloc[pick], out[pick], slice, withGas, capacity, alloc);
        }
        return alloc;
    }

    private static double sliceGain(List<RouteLeg> legs, LegQuotes q, int i, double a, double outNow, double slice,
                                    boolean withGas, Capacity capacity, double[] alloc) {
        RouteLeg leg = legs.get(i);
        double step = Math.min(slice, capacity.headroom(leg, alloc, legs));
        if (step <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double g = q.delivered(i, a + step) - outNow;
        if (withGas && a == 0) {
            g -= leg.gasCost;
        }
        return g / step;
    }

    /** Removes legs whose output is worth less than giving their share to the others, gas included. */
    private static void dropUnprofitableLegs(List<RouteLeg> legs, LegQuotes q, double[] alloc, RouteRequest request,
                                             Capacity capacity) {
        boolean changed = true;
        while (changed) {
            changed = false;
            double current = net(legs, q, alloc);
            int worst = -1;
            double worstNet = Double.POSITIVE_INFINITY;
            for (int i = 0; i < legs.size(); i++) {
                if (alloc[i] > 0) {
                    double net = q.delivered(i, alloc[i]) - legs.get(i).gasCost;
                    if (net < worstNet) {
                        worstNet = net;
                        worst = i;
                    }
                }
            }
            if (worst < 0 || used(alloc) <= 1) {
                return;
            }
            double[] trial = alloc.clone();
            double freed = trial[worst];
            trial[worst] = 0;
            redistribute(legs, q, trial, freed, request, capacity, worst);
            if (net(legs, q, trial) > current + 1e-12 * Math.abs(current)) {
                System.arraycopy(trial, 0, alloc, 0, alloc.length);
                changed = true;
            }
        }
    }

    private static void redistribute(List<RouteLeg> legs, LegQuotes q, double[] alloc, double amount,
                                     RouteRequest request, Capacity capacity, int excluded) {
        double slice = request.amountIn() / request.chunks();
        double left = amount;
        while (left > EPS * request.amountIn()) {
            int pick = -1;
            double pickGain = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < legs.size(); i++) {
                if (i == excluded || alloc[i] <= 0) {
                    continue;
                }
                double step = Math.min(Math.min(slice, left), capacity.headroom(legs.get(i), alloc, legs));
                if (step <= 0 || !q.fills(i, alloc[i] + step)) {
                    continue;
                }
                double g = (q.delivered(i, alloc[i] + step) - q.delivered(i, alloc[i])) / step;
                if (g > pickGain) {
                    pickGain = g;
                    pick = i;
                }
            }
            if (pick < 0) {
                return;
            }
            double step = Math.min(Math.min(slice, left), capacity.headroom(legs.get(pick), alloc, legs));
            alloc[pick] += step;
            left -= step;
        }
    }

    /**
     * Moves ever smaller amounts from the leg that loses least to the leg that gains most, gas included. Each leg's
     * gain from one more step and loss from one step less are cached and recomputed only for the two legs a move
     * touches (and for legs sharing a bridge with them, whose headroom it changes).
     */
    private static void refine(List<RouteLeg> legs, LegQuotes q, double[] alloc, RouteRequest request,
                               Capacity capacity) {
        int n = legs.size();
        if (n < 2) {
            return;
        }
        double[] gain = new double[n];
        double[] loss = new double[n];
        double step = request.amountIn() / request.chunks() / 2;
        for (int level = 0; level < 4; level++, step /= 4) {
            for (int i = 0; i < n; i++) {
                evaluate(legs, q, alloc, i, step, request, capacity, gain, loss);
            }
            for (int iter = 0; iter < 8 * n; iter++) {
                int receiver = -1;
                int giver = -1;
                for (int i = 0; i < n; i++) {
                    if (gain[i] > Double.NEGATIVE_INFINITY && (receiver < 0 || gain[i] > gain[receiver])) {
                        receiver = i;
                    }
                    if (loss[i] < Double.POSITIVE_INFINITY && (giver < 0 || loss[i] < loss[giver])) {
                        giver = i;
                    }
                }
                if (receiver < 0 || giver < 0 || receiver == giver || gain[receiver] <= loss[giver] * (1 + 1e-12)) {
                    break;
                }
                alloc[receiver] += step;
                alloc[giver] -= step;
                if (alloc[giver] <= EPS * request.amountIn()) {
                    alloc[giver] = 0;
                }
                for (int i = 0; i < n; i++) {
                    if (i == receiver || i == giver || sharesBridge(legs.get(i), legs.get(receiver))
                            || sharesBridge(legs.get(i), legs.get(giver))) {
                        evaluate(legs, q, alloc, i, step, request, capacity, gain, loss);
                    }
                }
            }
        }
    }

    private static void evaluate(List<RouteLeg> legs, LegQuotes q, double[] alloc, int i, double step,
                                 RouteRequest request, Capacity capacity, double[] gain, double[] loss) {
        RouteLeg leg = legs.get(i);
        double now = q.delivered(i, alloc[i]);
        gain[i] = Double.NEGATIVE_INFINITY;
        if (capacity.headroom(leg, alloc, legs) >= step && q.fills(i, alloc[i] + step)) {
            gain[i] = q.delivered(i, alloc[i] + step) - now - (alloc[i] == 0 ? leg.gasCost : 0);
        }
        loss[i] = Double.POSITIVE_INFINITY;
        if (alloc[i] >= step) {
            double rest = alloc[i] - step;
            loss[i] = now - q.delivered(i, rest) - (rest <= EPS * request.amountIn() ? leg.gasCost : 0);
        }
    }

    private static boolean sharesBridge(RouteLeg a, RouteLeg b) {
        if (a.inPath.isEmpty() && a.outPath.isEmpty()) {
            return false;
        }
        for (dev.fracture.model.Bridge x : a.inPath) {
            if (b.inPath.contains(x) || b.outPath.contains(x)) {
                return true;
            }
        }
        for (dev.fracture.model.Bridge x : a.outPath) {
            if (b.inPath.contains(x) || b.outPath.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static double net(List<RouteLeg> legs, LegQuotes q, double[] alloc) {
        double total = 0;
        for (int i = 0; i < legs.size(); i++) {
            if (alloc[i] > 0) {
                total += q.delivered(i, alloc[i]) - legs.get(i).gasCost;
            }
        }
        return total;
    }

    static double sum(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s;
    }

    private static int used(double[] a) {
        int k = 0;
        for (double x : a) {
            if (x > 0) {
                k++;
            }
        }
        return k;
    }

    /**
     * Bridge capacity per hour and direction, shared by every leg that crosses the same bridge the same way, inbound
     * (sell asset, valued at its reference price) or outbound (buy asset). Outbound use is bounded through the leg's
     * marginal rate at zero size, which is at least its average rate (outputs are concave), so the bound never lets
     * the buy-side flow exceed capacity.
     */
    static final class Capacity {
        private final double sellUsd;
        private final double buyUsd;

        Capacity(Asset sell, Asset buy) {
            this.sellUsd = sell.referencePriceUsd();
            this.buyUsd = buy.referencePriceUsd();
        }

        /** Further sell amount {@code leg} may take given every leg's allocation. */
        double headroom(RouteLeg leg, double[] alloc, List<RouteLeg> legs) {
            double room = Double.POSITIVE_INFINITY;
            int hops = leg.inPath.size() + leg.outPath.size();
            for (int h = 0; h < hops; h++) {
                Bridge bridge = hop(leg, h);
                ChainId from = leg.hopSources.get(h);
                double usedUsd = 0;
                for (int i = 0; i < legs.size(); i++) {
                    if (alloc[i] > 0) {
                        usedUsd += alloc[i] * usdPerUnitOn(legs.get(i), bridge, from);
                    }
                }
                double perUnit = usdPerUnitOn(leg, bridge, from);
                room = Math.min(room, (bridge.capacityPerHourUsd() - usedUsd) / perUnit);
            }
            return Math.max(room, 0);
        }

        double headroom(RouteLeg leg) {
            return headroom(leg, new double[] {0}, List.of(leg));
        }

        /** USD crossing {@code bridge} from {@code from} per unit of sell asset given to {@code leg}; 0 if it does not. */
        private double usdPerUnitOn(RouteLeg leg, Bridge bridge, ChainId from) {
            double usd = 0;
            int hops = leg.inPath.size() + leg.outPath.size();
            for (int h = 0; h < hops; h++) {
                if (hop(leg, h).id().equals(bridge.id()) && leg.hopSources.get(h).equals(from)) {
                    usd += h < leg.inPath.size() ? sellUsd : Math.max(leg.marginalRate(), 1e-300) * buyUsd;
                }
            }
            return usd;
        }

        private static Bridge hop(RouteLeg leg, int h) {
            return h < leg.inPath.size() ? leg.inPath.get(h) : leg.outPath.get(h - leg.inPath.size());
        }
    }
}
