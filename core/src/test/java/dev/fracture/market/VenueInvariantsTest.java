package dev.fracture.market;

import static dev.fracture.market.Fixtures.coin;
import static dev.fracture.market.Fixtures.level;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AssetId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants on seeded random trades, for all three venues: a quote followed by the same swap gives the quoted
 * fill; nothing goes negative; a constant-product pool's k and a StableSwap pool's D never fall; exact-out then
 * exact-in of the quoted input gives back at least the requested output.
 */
class VenueInvariantsTest {
    private static final int TRADES = 200;

    static IntStream seeds() {
        return IntStream.range(0, 25);
    }

    private static AssetId[] pick(SplittableRandom rnd, List<AssetId> assets) {
        int i = rnd.nextInt(assets.size());
        int j = (i + 1 + rnd.nextInt(assets.size() - 1)) % assets.size();
        return new AssetId[] {assets.get(i), assets.get(j)};
    }

    /** Trade size from 1e-7 to 3 times the given scale, log-uniform, so that some trades drain the venue. */
    private static double size(SplittableRandom rnd, double scale) {
        return scale * Math.pow(10, -7 + 7.5 * rnd.nextDouble());
    }

    private static Quote quoteThenSwap(Venue venue, SplittableRandom rnd, AssetId in, AssetId out, double amount) {
        boolean exactIn = rnd.nextBoolean();
        Quote quoted = exactIn ? venue.quoteExactIn(in, out, amount) : venue.quoteExactOut(in, out, amount);
        Quote filled = exactIn ? venue.swapExactIn(in, out, amount) : venue.swapExactOut(in, out, amount);
        assertThat(filled).isEqualTo(quoted);
        assertThat(filled.amountIn()).isGreaterThanOrEqualTo(0);
        assertThat(filled.amountOut()).isGreaterThanOrEqualTo(0);
        if (!exactIn && filled.complete() && amount > 0) {
            assertThat(filled.amountOut()).isGreaterThanOrEqualTo(amount);
        }
        return filled;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void constantProductKNeverFalls(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (MathMode mode : MathMode.values()) {
            ConstantProductPool pool = Fixtures.pair(1 + rnd.nextInt(10_000), 1 + rnd.nextInt(30_000_000),
                    new int[] {0, 500, 3000, 10000}[rnd.nextInt(4)], mode);
            for (int t = 0; t < TRADES; t++) {
                AssetId[] pair = pick(rnd, pool.assets());
                double kBefore = pool.reserve(pair[0]) * pool.reserve(pair[1]);
                BigInteger kUnitsBefore = mode == MathMode.EXACT
                        ? pool.reserveUnits(pair[0]).multiply(pool.reserveUnits(pair[1])) : null;
                quoteThenSwap(pool, rnd, pair[0], pair[1], size(rnd, pool.reserve(pair[rnd.nextInt(2)])));
                assertThat(pool.reserve(pair[0])).isPositive();
                assertThat(pool.reserve(pair[1])).isPositive();
                if (mode == MathMode.EXACT) {
                    assertThat(pool.reserveUnits(pair[0]).multiply(pool.reserveUnits(pair[1])))
                            .isGreaterThanOrEqualTo(kUnitsBefore);
                } else {
                    assertThat(pool.reserve(pair[0]) * pool.reserve(pair[1])).isGreaterThanOrEqualTo(kBefore * (1 - 1e-12));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void stableSwapDNeverFalls(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (MathMode mode : MathMode.values()) {
            StableSwapPool pool = StableSwapPoolTest.randomPool(rnd, mode, rnd.nextInt(3) * 4_000_000L, false).pool();
            for (int t = 0; t < TRADES / 4; t++) {
                AssetId[] pair = pick(rnd, pool.assets());
                double dBefore = pool.invariantTokens();
                BigInteger dUnitsBefore = mode == MathMode.EXACT
                        ? StableSwapMath.getD(pool.xp(), pool.amplification()) : null;
                quoteThenSwap(pool, rnd, pair[0], pair[1], size(rnd, pool.balance(pair[rnd.nextInt(2)])));
                for (AssetId c : pool.assets()) {
                    assertThat(pool.balance(c)).isPositive();
                }
                if (mode == MathMode.EXACT) {
                    // get_D is exact to one unit.
                    assertThat(StableSwapMath.getD(pool.xp(), pool.amplification()))
                            .isGreaterThanOrEqualTo(dUnitsBefore.subtract(BigInteger.ONE));
                } else {
                    assertThat(pool.invariantTokens()).isGreaterThanOrEqualTo(dBefore * (1 - 1e-12));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void orderBookConservesRestingSize(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<VenueSpec.BookLevel> bids = new ArrayList<>();
        List<VenueSpec.BookLevel> asks = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            bids.add(level(BigDecimal.valueOf(1000 - k).toString(), BigDecimal.valueOf(1 + rnd.nextInt(50)).toString()));
            asks.add(level(BigDecimal.valueOf(1001 + k).toString(), BigDecimal.valueOf(1 + rnd.nextInt(50)).toString()));
        }
        OrderBook book = Fixtures.book(bids, asks, rnd.nextInt(3) * 1000);
        AssetId eth = AssetId.of("ETH");
        for (int t = 0; t < TRADES; t++) {
            if (rnd.nextInt(4) == 0) {
                double mid = book.spotPrice(eth, AssetId.of("USD"));
                boolean bid = rnd.nextBoolean() && !Double.isNaN(mid);
                double best = bid ? bestOr(book, OrderBook.Side.ASK, mid + 1) : bestOr(book, OrderBook.Side.BID, 0);
                double price = bid ? best - 1 - rnd.nextInt(20) : best + 1 + rnd.nextInt(20);
                if (price > 0) {
                    book.placeLimit(bid ? OrderBook.Side.BID : OrderBook.Side.ASK, price, 1 + rnd.nextInt(30));
                }
                continue;
            }
            AssetId[] pair = pick(rnd, book.assets());
            double bidsBefore = totalSize(book, OrderBook.Side.BID);
            double asksBefore = totalSize(book, OrderBook.Side.ASK);
            double scale = pair[0].equals(eth) ? bidsBefore : asksBefore * 1000;
            Quote q = quoteThenSwap(book, rnd, pair[0], pair[1], size(rnd, Math.max(scale, 1)));
            double baseFilled = pair[0].equals(eth) ? q.amountIn() : q.amountOut() + q.feePaid();
            double after = totalSize(book, pair[0].equals(eth) ? OrderBook.Side.BID : OrderBook.Side.ASK);
            double before = pair[0].equals(eth) ? bidsBefore : asksBefore;
            assertThat(after).isCloseTo(before - baseFilled, within(1e-9 * Math.max(1, before)));
            for (OrderBook.Side side : OrderBook.Side.values()) {
                assertThat(book.levels(side)).allSatisfy(l -> assertThat(l.size()).isGreaterThanOrEqualTo(0));
            }
        }
    }

    private static double bestOr(OrderBook book, OrderBook.Side side, double fallback) {
        List<OrderBook.Level> levels = book.levels(side);
        return levels.isEmpty() ? fallback : levels.get(0).price();
    }

    private static double totalSize(OrderBook book, OrderBook.Side side) {
        return book.levels(side).stream().mapToDouble(OrderBook.Level::size).sum();
    }

    static List<Venue> venues(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Venue> venues = new ArrayList<>();
        for (MathMode mode : MathMode.values()) {
            venues.add(Fixtures.pair(1 + rnd.nextInt(10_000), 1 + rnd.nextInt(30_000_000), 3000, mode));
            venues.add(StableSwapPoolTest.randomPool(rnd, mode, 4_000_000, false).pool());
        }
        venues.add(Fixtures.book(List.of(level("99", "1"), level("98", "2"), level("97", "3")),
                List.of(level("101", "1"), level("102", "2"), level("103", "3")), 1000));
        return venues;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void exactOutThenExactInRoundTrips(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed + 77);
        for (Venue venue : venues(seed)) {
            for (int t = 0; t < 20; t++) {
                AssetId[] pair = pick(rnd, venue.assets());
                Quote forward = venue.quoteExactIn(pair[0], pair[1], size(rnd, 1));
                double want = forward.amountOut() * rnd.nextDouble();
                Quote out = venue.quoteExactOut(pair[0], pair[1], want);
                if (!out.complete() || want == 0) {
                    continue;
                }
                Quote back = venue.quoteExactIn(pair[0], pair[1], out.amountIn());
                // Integer modes round the input up, so paying it back gets what was asked, up to the double the
                // interface carries: the quoted input, rounded to 16 digits, may floor to one unit less and so pay
                // one output unit (at most 1e-6 here) less.
                assertThat(back.amountOut()).as("%s: %s", venue, out)
                        .isGreaterThanOrEqualTo(want * (1 - 1e-9) - 1e-6);
                assertThat(back.amountOut()).isCloseTo(out.amountOut(), within(1e-9 * out.amountOut() + 1e-6));
            }
        }
    }
}
