package dev.fracture.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.engine.GeneratedEcosystem;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.EcosystemSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Router#routedOut} is {@link Router#route}'s delivered amount bit for bit, on legs kept across trades that move
 * the venues; {@link Router#rateBound} bounds it per unit (every venue's output is concave in its input), and
 * {@link Router#proceedsBound} (the split's Lagrangian dual) bounds it too, closely where no path carries the sale;
 * and the legs'
 * {@link Router.Legs#stateVersion} stays put while only quotes are made and grows when a sale fills on their venues;
 * and a route over legs kept across those trades is the route found afresh ({@link Router#routeOnly(Market,
 * RouteRequest, Router.Legs)}).
 */
class RouterRoutedOutTest {
    /** The shape of the liquidators' sale: ETH for USDC on the seller's own chain, gas left out. */
    private static final RouteRequest ETH_FOR_USDC = RouteRequest.of(GeneratedEcosystem.ETH, GeneratedEcosystem.USDC, 1)
            .withGas(GasSchedule.FREE).withMaxLatency(0);

    /** The market of the small generated ecosystem of {@code seed}. */
    private static Market generated(long seed) {
        return Market.of(GeneratedEcosystem.of(GeneratedEcosystem.Size.small(), seed).snapshot(), MathMode.FAST);
    }

    /** Swaps the route's fills on their venues, as a landed sale does. */
    private static void fill(Market market, RouteResult route) {
        for (LegFill f : route.fills()) {
            market.venue(f.venue()).orElseThrow().swapExactIn(f.venueTokenIn(), f.venueTokenOut(), f.venueAmountIn());
        }
    }

    @Test
    void aKeptRateBoundFollowsEveryTradeOnTheLegsVenues() {
        // The bound kept with legs used again and again must be the bound of legs found afresh (which keep nothing)
        // after each sale that moves their venues, and after quotes that move nothing.
        for (long seed = 0; seed < 4; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            Market market = generated(seed);
            Router.Legs kept = Router.DEFAULT.legs(market, ETH_FOR_USDC);
            int moved = 0;
            double first = Router.DEFAULT.rateBound(kept);
            for (int k = 0; k < 40; k++) {
                double before = Router.DEFAULT.rateBound(kept);
                assertThat(before).as("seed %d, sale %d: before", seed, k)
                        .isEqualTo(Router.DEFAULT.rateBound(Router.DEFAULT.legs(market, ETH_FOR_USDC)));
                double amount = Math.pow(10, 2 + 4 * rnd.nextDouble()) / 2000;
                RouteRequest request = RouteRequest.of(GeneratedEcosystem.ETH, GeneratedEcosystem.USDC, amount)
                        .withGas(GasSchedule.FREE).withMaxLatency(0);
                Router.DEFAULT.routedOut(request, kept);
                assertThat(Router.DEFAULT.rateBound(kept)).as("seed %d, sale %d: quoting moves nothing", seed, k)
                        .isEqualTo(before);
                fill(market, Router.DEFAULT.routeOnly(market, request, kept));
                double after = Router.DEFAULT.rateBound(kept);
                assertThat(after).as("seed %d, sale %d: after", seed, k)
                        .isEqualTo(Router.DEFAULT.rateBound(Router.DEFAULT.legs(market, ETH_FOR_USDC)));
                if (after != before) {
                    moved++;
                }
            }
            assertThat(moved).as("seed %d: the sales moved the bound", seed).isGreaterThan(20);
            assertThat(Router.DEFAULT.rateBound(kept)).as("seed %d: ETH sold for USDC lowers the bound", seed)
                    .isLessThan(first);
        }
    }

    @Test
    void aKeptLineAnswersOnlyBelowTheTargetAndFollowsEveryTrade() {
        // Legs used again and again keep the line of their last proceeds-bound search; fresh legs keep nothing. Every
        // answer must still bound the router's own split, an answer at or above the target must be the fresh legs'
        // very answer (the same search), and one below it must be refused by the fresh legs' tight bound too, up to
        // the dual's precision. Sales move the venues between questions, as landing liquidations do.
        int fromTheLine = 0;
        for (long seed = 0; seed < 4; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            Market market = generated(seed);
            Router.Legs kept = Router.DEFAULT.legs(market, ETH_FOR_USDC);
            for (int k = 0; k < 120; k++) {
                double amount = Math.pow(10, 2 + 4 * rnd.nextDouble()) / 2000;
                RouteRequest request = RouteRequest.of(GeneratedEcosystem.ETH, GeneratedEcosystem.USDC, amount)
                        .withGas(GasSchedule.FREE).withMaxLatency(0);
                Router.Legs fresh = Router.DEFAULT.legs(market, ETH_FOR_USDC);
                double tight = Router.DEFAULT.proceedsBound(fresh, amount);
                double target = tight * (0.97 + 0.06 * rnd.nextDouble());
                double answer = Router.DEFAULT.proceedsBound(kept, amount, target);
                double routed = Router.DEFAULT.routedOut(request, kept);
                String what = "seed " + seed + ", question " + k + ": " + amount + " ETH, target " + target;
                assertThat(answer).as(what).isGreaterThanOrEqualTo(routed * (1 - 1e-12));
                double afresh = Router.DEFAULT.proceedsBound(Router.DEFAULT.legs(market, ETH_FOR_USDC), amount, target);
                if (answer >= target) {
                    assertThat(answer).as(what).isEqualTo(afresh);
                } else {
                    assertThat(tight).as(what).isLessThan(target * (1 + 1e-7));
                    if (answer != afresh) {
                        fromTheLine++;
                    }
                }
                // A sale of ETH lowers every later output, a purchase of it raises them: a line kept past a purchase
                // would refuse what the venues now bring.
                int trade = rnd.nextInt(4);
                RouteRequest purchase = RouteRequest.of(GeneratedEcosystem.USDC, GeneratedEcosystem.ETH,
                        amount * 2000 * (1 + rnd.nextDouble())).withGas(GasSchedule.FREE).withMaxLatency(0);
                RouteRequest move = trade == 0 ? request : trade == 1 ? purchase : null;
                if (move != null) {
                    fill(market, Router.DEFAULT.route(market, move));
                }
            }
        }
        assertThat(fromTheLine).as("questions the kept line answered").isGreaterThan(50);
    }

    @Test
    void leanQuotesEqualFullRoutesAndStayUnderTheRateBound() {
        int tighter = 0;
        int total = 0;
        for (long seed = 0; seed < 6; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            EcosystemSnapshot snapshot = GeneratedEcosystem.of(GeneratedEcosystem.Size.small(), seed).snapshot();
            Market market = Market.of(snapshot, MathMode.FAST);
            for (var asset : snapshot.assets()) {
                if (!(asset.kind() instanceof AssetKind.Token) && !asset.id().equals(GeneratedEcosystem.ETH)) {
                    continue;
                }
                AssetId sell = asset.id();
                RouteRequest shape = RouteRequest.of(sell, GeneratedEcosystem.USDC, 1).withGas(GasSchedule.FREE);
                Router.Legs legs = Router.DEFAULT.legs(market, shape);
                // The seller's own chain only (no bridge, whose state no version counts), as liquidators quote.
                Router.Legs local = Router.DEFAULT.legs(market, shape.withMaxLatency(0));
                for (int k = 0; k < 12; k++) {
                    double amount = Math.pow(10, -3 + 8 * rnd.nextDouble()) / asset.referencePriceUsd();
                    RouteRequest request = RouteRequest.of(sell, GeneratedEcosystem.USDC, amount)
                            .withGas(GasSchedule.FREE);
                    double full = Router.DEFAULT.route(market, request).routedOut();
                    double lean = Router.DEFAULT.routedOut(request, legs);
                    assertThat(lean).as("seed %d, %s, amount %s", seed, sell, amount).isEqualTo(full);
                    assertThat(lean).as("seed %d, %s, amount %s: under the bound", seed, sell, amount)
                            .isLessThanOrEqualTo(amount * Router.DEFAULT.rateBound(legs) * (1 + 1e-12));
                    double bound = Router.DEFAULT.proceedsBound(legs, amount);
                    assertThat(lean).as("seed %d, %s, amount %s: under the dual bound", seed, sell, amount)
                            .isLessThanOrEqualTo(bound * (1 + 1e-12));
                    double localBound = Router.DEFAULT.proceedsBound(local, amount);
                    double localOut = Router.DEFAULT.routedOut(request.withMaxLatency(0), local);
                    assertThat(localOut).as("seed %d, %s, amount %s: own chain, under the dual bound", seed, sell,
                            amount).isLessThanOrEqualTo(localBound * (1 + 1e-12));
                    if (localOut > 0) {
                        total++;
                        if (localBound <= localOut * (1 + 1e-4)) {
                            tighter++;
                        }
                    }
                    RouteRequest localRequest = request.withMaxLatency(0);
                    assertThat(Router.DEFAULT.routeOnly(market, localRequest, local))
                            .as("seed %d, %s, amount %s: the route over kept legs", seed, sell, amount)
                            .isEqualTo(Router.DEFAULT.routeOnly(market, localRequest));
                    long version = local.stateVersion();
                    assertThat(version).as("fast-math venues count their changes").isGreaterThanOrEqualTo(0);
                    if (k % 3 == 2) {
                        // A sale that moves the venues: the kept legs must see the new state.
                        var route = Router.DEFAULT.route(market, request);
                        for (LegFill f : route.fills()) {
                            market.venue(f.venue()).orElseThrow().swapExactIn(f.venueTokenIn(), f.venueTokenOut(),
                                    f.venueAmountIn());
                        }
                        if (route.fills().stream().anyMatch(f -> f.venueTokenIn().equals(sell)
                                && f.venueTokenOut().equals(GeneratedEcosystem.USDC))) {
                            assertThat(local.stateVersion()).as("a trade on a leg's venue changes the legs' state")
                                    .isGreaterThan(version);
                        }
                    } else {
                        assertThat(local.stateVersion()).as("quoting changes nothing").isEqualTo(version);
                    }
                }
            }
        }
        // On its own chain a token sells through its venues directly, no path, so the dual is the best split's output
        // up to its search's precision, and the router's split is close to that best: the bound is tight.
        assertThat(total).as("own-chain sales that bring something").isGreaterThan(100);
        assertThat(tighter).as("own-chain sales whose dual bound is within 1e-4 of the router's split")
                .isGreaterThanOrEqualTo(total * 9 / 10);
    }

    @Test
    void legsThatCrossABridgeCannotTellTheirState() {
        // A bridge's halts and capacity are counted by no venue's version: legs with one leg across a bridge have no
        // state version (-1), so nothing is kept under one; legs on the seller's chain alone have one.
        int bridged = 0;
        int local = 0;
        for (long seed = 0; seed < 6; seed++) {
            Market market = generated(seed);
            for (var asset : market.snapshot().assets()) {
                if (asset.id().equals(GeneratedEcosystem.USDC)) {
                    continue;
                }
                RouteRequest shape = RouteRequest.of(asset.id(), GeneratedEcosystem.USDC, 1).withGas(GasSchedule.FREE);
                Router.Legs legs = Router.DEFAULT.legs(market, shape);
                boolean crosses = legs.list().stream().anyMatch(l -> !l.inPath.isEmpty() || !l.outPath.isEmpty());
                if (crosses) {
                    bridged++;
                    assertThat(legs.stateVersion()).as("seed %d, %s", seed, asset.id()).isEqualTo(-1);
                    Router.Legs own = Router.DEFAULT.legs(market, shape.withMaxLatency(0));
                    if (!own.list().isEmpty()) {
                        local++;
                        assertThat(own.stateVersion()).as("seed %d, %s, own chain", seed, asset.id())
                                .isGreaterThanOrEqualTo(0);
                    }
                }
            }
        }
        assertThat(bridged).as("pairs with a leg across a bridge").isGreaterThan(10);
        assertThat(local).as("of them, pairs with venues on the seller's chain").isGreaterThanOrEqualTo(6);
    }

    /** The venues of {@code legs}' legs, in order, with the assets each sells and buys. */
    private static List<String> venues(Router.Legs legs) {
        return legs.list().stream().map(l -> (l.venue == null ? "path" : l.venue.id().value()) + ":" + l.tokenIn + ">"
                + l.tokenOut).toList();
    }

    @Test
    void ownChainLegsAreKeptPerPairForOneMarketOnly() {
        EcosystemSnapshot snapshot = GeneratedEcosystem.of(GeneratedEcosystem.Size.small(), 1).snapshot();
        Market market = Market.of(snapshot, MathMode.FAST);
        OwnChainLegs legs = new OwnChainLegs(Router.DEFAULT, market);
        Router.Legs kept = legs.of(market, GeneratedEcosystem.ETH, GeneratedEcosystem.USDC);
        assertThat(legs.of(market, GeneratedEcosystem.ETH, GeneratedEcosystem.USDC)).as("found once").isSameAs(kept);
        assertThat(kept.stateVersion()).isEqualTo(Router.DEFAULT.legs(market,
                OwnChainLegs.request(GeneratedEcosystem.ETH, GeneratedEcosystem.USDC, 1)).stateVersion());
        // Pairs asked in turn — the same asset sold for another, another sold for the same, by the kept id objects
        // or by equal ones made anew — get each its own legs: the venues of the legs found afresh for that pair, in
        // order, and the object kept the first time it was asked.
        AssetId eth = GeneratedEcosystem.ETH;
        AssetId usdc = GeneratedEcosystem.USDC;
        AssetId usdt = GeneratedEcosystem.USDT;
        AssetId ethAnew = new AssetId(eth.value());
        Map<String, Router.Legs> first = new HashMap<>();
        first.put(eth + ">" + usdc, kept);
        for (AssetId[] pair : new AssetId[][] {{eth, usdc}, {eth, usdt}, {eth, usdc}, {usdt, usdc}, {eth, usdc},
                {usdc, eth}, {ethAnew, usdc}, {ethAnew, usdt}, {usdc, ethAnew}, {usdt, usdc}}) {
            Router.Legs asked = legs.of(market, pair[0], pair[1]);
            assertThat(asked).as("%s for %s", pair[0], pair[1])
                    .isSameAs(first.computeIfAbsent(pair[0] + ">" + pair[1], k -> asked));
            assertThat(venues(asked)).as("%s for %s", pair[0], pair[1]).isEqualTo(venues(
                    Router.DEFAULT.legs(market, OwnChainLegs.request(pair[0], pair[1], 1))));
        }
        assertThat(first).hasSize(4);
        assertThat(venues(kept)).isNotEmpty();
        Market other = Market.of(snapshot, MathMode.FAST);
        assertThatThrownBy(() -> legs.of(other, GeneratedEcosystem.ETH, GeneratedEcosystem.USDC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kept for another market");
        assertThatThrownBy(() -> new OwnChainLegs(Router.DEFAULT, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a router and a market");
    }
}
