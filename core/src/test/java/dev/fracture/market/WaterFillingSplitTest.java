package dev.fracture.market;

import static dev.fracture.market.EthUsdcMarkets.book;
import static dev.fracture.market.EthUsdcMarkets.market;
import static dev.fracture.market.EthUsdcMarkets.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.GeneratedEcosystem;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.VenueSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The router's exact split ({@link WaterFillingSplit}) over gas-free own-chain pools and books: each venue's share is
 * the one the optimality condition gives, worked by hand (pools of one price share in proportion to their reserves;
 * pools of two prices equalize their marginal rates in closed form; a pool beside a book takes what brings its rate
 * to the level's price), and the split delivers at least what a fine slice-by-slice split computed here from the
 * venues' own quotes does, on generated ecosystems. Where it does not apply (gas, a StableSwap pool) or cannot finish
 * (venues that cannot take the whole order), the router splits as before.
 */
class WaterFillingSplitTest {
    private static final AssetId ETH = EthUsdcMarkets.ETH;
    private static final AssetId USDC = EthUsdcMarkets.USDC;

    private static RouteResult route(Market market, double amount) {
        return Router.DEFAULT.route(market, OwnChainLegs.request(ETH, USDC, amount));
    }

    /** Sell amount each venue takes in the route. */
    private static Map<String, Double> taken(RouteResult route) {
        Map<String, Double> taken = new HashMap<>();
        for (LegFill f : route.fills()) {
            taken.merge(f.venue().value(), f.amountIn(), Double::sum);
        }
        return taken;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 1, 50, 500, 5000, 40_000})
    void poolsOfOnePriceShareInProportionToTheirReserves(double amount) {
        // 1,000 ETH / 2,000,000 USDC and 3,000 / 6,000,000 at 0.3%: equal marginal rates at one price mean equal
        // (R_in + γx)/R_in, so a quarter and three quarters, and both act as one pool of 4,000 / 8,000,000 whose
        // output is 8e6·γa / (4000 + γa).
        Market market = market(List.of(pool("a", "1000", "2000000", 3000), pool("b", "3000", "6000000", 3000)));
        RouteResult r = route(market, amount);
        double gamma = 0.997;
        double optimum = 8_000_000 * gamma * amount / (4000 + gamma * amount);
        assertThat(taken(r).get("a")).isCloseTo(amount / 4, within(amount * 1e-9));
        assertThat(taken(r).get("b")).isCloseTo(3 * amount / 4, within(amount * 1e-9));
        assertThat(r.amountFilled()).isCloseTo(amount, within(amount * 1e-12));
        assertThat(r.routedOut()).isCloseTo(optimum, within(optimum * 1e-11));
    }

    @ParameterizedTest
    @ValueSource(doubles = {10, 48, 60, 500, 5000})
    void poolsOfTwoPricesEqualizeTheirMarginalRates(double amount) {
        // Fee-free A = 1,000 / 2,200,000 and B = 1,000 / 2,000,000. A pool's rate R_out·R_in/(R_in + x)² is equal
        // across both where (1000 + x_A)/a = (1000 + x_B)/b, a = √(2.2e9), b = √(2e9), so with x_A + x_B = X:
        // x_A = a·(2000 + X)/(a + b) − 1000. B takes nothing until A's rate has fallen to B's at zero, at
        // X = 1000·(√1.1 − 1) ≈ 48.81.
        Market market = market(List.of(pool("a", "1000", "2200000", 0), pool("b", "1000", "2000000", 0)));
        double a = Math.sqrt(2.2e9);
        double b = Math.sqrt(2e9);
        double xA = Math.min(amount, a * (2000 + amount) / (a + b) - 1000);
        double xB = amount - xA;
        double optimum = xA * 2.2e6 / (1000 + xA) + xB * 2e6 / (1000 + xB);
        RouteResult r = route(market, amount);
        assertThat(taken(r).get("a")).isCloseTo(xA, within(amount * 1e-9));
        assertThat(taken(r).getOrDefault("b", 0.0)).isCloseTo(xB, within(amount * 1e-9));
        assertThat(r.routedOut()).isCloseTo(optimum, within(optimum * 1e-11));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.2, 3, 9})
    void aPoolBesideABookTakesWhatBringsItsRateToTheLevel(double amount) {
        // A fee-free pool of 1,000 / 2,000,000 beside one bid of 10 ETH at 1,995: the pool's rate falls to 1,995 at
        // x* = √(2e9/1995) − 1000 ≈ 1.2523, and the book takes the rest at 1,995.
        Market market = market(List.of(pool("a", "1000", "2000000", 0), book("book", new double[][] {{1995, 10}})));
        double xStar = Math.sqrt(2e9 / 1995) - 1000;
        double pooled = Math.min(amount, xStar);
        double optimum = pooled * 2e6 / (1000 + pooled) + (amount - pooled) * 1995;
        RouteResult r = route(market, amount);
        // The book's input jumps at 1,995, so the search's last bracket on λ straddles it, within the split's
        // precision (hi − lo ≤ 1e-10·hi·X / what is left at hi); the pool's share moves with λ at dx/dλ =
        // −(R_in + x)/(2λ) ≈ −0.25 across it: about 1e-7 of the order, at an output cost of the square of that.
        assertThat(taken(r).get("a")).isCloseTo(pooled, within(amount * 1e-7));
        assertThat(taken(r).getOrDefault("book", 0.0)).isCloseTo(amount - pooled, within(amount * 1e-7));
        assertThat(r.routedOut()).isCloseTo(optimum, within(optimum * 1e-11));
    }

    @Test
    void twoBooksSplitLevelByLevelInPriceOrder() {
        // Book x: 2,000 × 1, 1,990 × 2; book y: 1,995 × 1, 1,985 × 4. 3.5 ETH take the best levels first: 2,000 × 1,
        // 1,995 × 1, 1,990 × 1.5 — 2,000 + 1,995 + 2,985 = 6,980.
        Market market = market(List.of(book("x", new double[][] {{2000, 1}, {1990, 2}}),
                book("y", new double[][] {{1995, 1}, {1985, 4}})));
        RouteResult r = route(market, 3.5);
        assertThat(r.routedOut()).isCloseTo(6980, within(6980 * 1e-11));
        assertThat(taken(r).get("x")).isCloseTo(2.5, within(1e-9));
        assertThat(taken(r).get("y")).isCloseTo(1, within(1e-9));
    }

    @Test
    void aBookIsEmptiedBeforeAPoolSellsBelowItsLevels() {
        // A book of 3 ETH (2,000 × 1, 1,990 × 2) beside a pool of 0.001 ETH / 2 USDC, which takes any amount but
        // whose rate after 5 ETH, 2·0.001/5.001², is far below 1,990: the best split of 8 ETH empties the book and
        // sells 5 in the pool, 2,000 + 3,980 + 5·2/5.001.
        Market market = market(List.of(book("x", new double[][] {{2000, 1}, {1990, 2}}),
                pool("tiny", "0.001", "2", 0)));
        RouteResult r = route(market, 8);
        assertThat(taken(r).get("x")).isCloseTo(3, within(1e-9));
        assertThat(taken(r).get("tiny")).isCloseTo(5, within(1e-9));
        double optimum = 2000 + 3980 + 5 * 2 / 5.001;
        assertThat(r.routedOut()).isCloseTo(optimum, within(optimum * 1e-11));
    }

    @Test
    void booksThatCannotTakeTheWholeOrderSellWhatTheyHold() {
        // 4 ETH of bids in all: no rate makes the books take 8, so the router's slices sell what they hold.
        Market market = market(List.of(book("x", new double[][] {{2000, 1}, {1990, 2}}),
                book("y", new double[][] {{1980, 1}})));
        RouteResult dry = route(market, 8);
        assertThat(dry.amountFilled()).as("what the books hold").isCloseTo(4, within(1e-9));
        assertThat(dry.routedOut()).isCloseTo(2000 + 1990 * 2 + 1980, within(1e-6));
    }

    @Test
    void appliesOnlyToGasFreeSingleVenuesWithExactInputs() {
        Market market = market(List.of(pool("a", "1000", "2000000", 3000), book("book", new double[][] {{1995, 10}})));
        List<RouteLeg> free = Router.legs(market, OwnChainLegs.request(ETH, USDC, 1), market.asset(ETH),
                market.asset(USDC), false);
        assertThat(WaterFillingSplit.applies(free)).isTrue();
        List<RouteLeg> withGas = Router.legs(market, RouteRequest.of(ETH, USDC, 1).withMaxLatency(0),
                market.asset(ETH), market.asset(USDC), false);
        // An order book is matched off-chain (no swap gas, GasSchedule.DEFAULT); the pool's swap pays gas.
        assertThat(withGas).anyMatch(l -> l.gasCost > 0);
        assertThat(WaterFillingSplit.applies(withGas)).as("gas is a fixed cost per leg").isFalse();
        // A StableSwap pool's input at a marginal rate is read off its depth, not its own curve: not exact.
        Market generated = Market.of(GeneratedEcosystem.of(GeneratedEcosystem.Size.small(), 1).snapshot(),
                MathMode.FAST);
        List<RouteLeg> stable = Router.legs(generated, OwnChainLegs.request(GeneratedEcosystem.USDC,
                GeneratedEcosystem.USDT, 1), generated.asset(GeneratedEcosystem.USDC),
                generated.asset(GeneratedEcosystem.USDT), false);
        assertThat(stable).anyMatch(l -> l.venue instanceof StableSwapPool);
        assertThat(WaterFillingSplit.applies(stable)).isFalse();
    }

    @Test
    void deliversAtLeastAFineSliceBySliceSplitOnGeneratedEcosystems() {
        int compared = 0;
        for (long seed = 0; seed < 4; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            EcosystemSnapshot snapshot = GeneratedEcosystem.of(GeneratedEcosystem.Size.small(), seed).snapshot();
            Market market = Market.of(snapshot, MathMode.FAST);
            for (Asset asset : snapshot.assets()) {
                if (!(asset.kind() instanceof AssetKind.Token) && !asset.id().equals(GeneratedEcosystem.ETH)) {
                    continue;
                }
                List<Venue> venues = new ArrayList<>();
                for (Venue v : market.venues()) {
                    if (v.chain().equals(asset.chain()) && v.trades(asset.id(), GeneratedEcosystem.USDC)) {
                        venues.add(v);
                    }
                }
                if (venues.size() < 2) {
                    continue;
                }
                for (int k = 0; k < 4; k++) {
                    double amount = Math.pow(10, 2 + 5 * rnd.nextDouble()) / asset.referencePriceUsd();
                    RouteResult r = Router.DEFAULT.route(market,
                            OwnChainLegs.request(asset.id(), GeneratedEcosystem.USDC, amount));
                    double peer = sliced(venues, asset.id(), GeneratedEcosystem.USDC, amount, 4000);
                    assertThat(r.routedOut()).as("seed %d, %s, %s", seed, asset.id(), amount)
                            .isGreaterThanOrEqualTo(peer * (1 - 1e-9));
                    assertThat(r.amountFilled()).isCloseTo(amount, within(amount * 1e-9));
                    double bound = Router.DEFAULT.proceedsBound(Router.DEFAULT.legs(market,
                            OwnChainLegs.request(asset.id(), GeneratedEcosystem.USDC, 1)), amount);
                    assertThat(r.routedOut()).isLessThanOrEqualTo(bound * (1 + 1e-12));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(20);
    }

    /**
     * A peer split computed here from the venues' own exact-input quotes: {@code slices} equal slices, each to the
     * venue whose next slice returns most — within a slice of the optimum for concave outputs.
     */
    private static double sliced(List<Venue> venues, AssetId in, AssetId out, double amount, int slices) {
        int n = venues.size();
        double slice = amount / slices;
        double[] alloc = new double[n];
        double[] now = new double[n];
        double[] next = new double[n];
        for (int i = 0; i < n; i++) {
            next[i] = quote(venues.get(i), in, out, slice);
        }
        for (int s = 0; s < slices; s++) {
            int pick = -1;
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(next[i]) && (pick < 0 || next[i] - now[i] > next[pick] - now[pick])) {
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            alloc[pick] += slice;
            now[pick] = next[pick];
            next[pick] = quote(venues.get(pick), in, out, alloc[pick] + slice);
        }
        double total = 0;
        for (double v : now) {
            total += v;
        }
        return total;
    }

    /** The venue's output for {@code amount}, NaN when it cannot take it all. */
    private static double quote(Venue venue, AssetId in, AssetId out, double amount) {
        Quote q = venue.quoteExactIn(in, out, amount);
        return q.complete() ? q.amountOut() : Double.NaN;
    }
}
