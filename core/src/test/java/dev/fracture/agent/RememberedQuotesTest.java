package dev.fracture.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.engine.GeneratedEcosystem;
import dev.fracture.market.GasSchedule;
import dev.fracture.market.LegFill;
import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.market.RouteRequest;
import dev.fracture.market.Router;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.EcosystemSnapshot;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RememberedQuotes} gives the bits of fresh quotes on a market whose venues trade between rounds: a pair's
 * quotes are kept across rounds while its venues stand and forgotten when one trades; a pair whose state the quotes
 * cannot tell is remembered within a round only.
 */
class RememberedQuotesTest {
    private static final AssetId A = AssetId.of("A");
    private static final AssetId B = AssetId.of("B");

    @Test
    void rememberedQuotesAreFreshQuotesOnVenuesThatTradeBetweenRounds() {
        for (long seed = 0; seed < 4; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            EcosystemSnapshot snapshot = GeneratedEcosystem.of(GeneratedEcosystem.Size.small(), seed).snapshot();
            Market market = Market.of(snapshot, MathMode.FAST);
            SaleQuotes lean = SaleQuotes.lean(Router.DEFAULT, market);
            RememberedQuotes remembered = new RememberedQuotes(lean);
            var tokens = snapshot.assets().stream()
                    .filter(a -> a.kind() instanceof AssetKind.Token || a.id().equals(GeneratedEcosystem.ETH))
                    .filter(a -> a.chain().equals(snapshot.asset(GeneratedEcosystem.ETH).orElseThrow().chain()))
                    .toList();
            int stale = 0;
            for (int round = 0; round < 12; round++) {
                SaleQuotes now = remembered.round(round);
                for (var token : tokens) {
                    AssetId sell = token.id();
                    // The same amounts every round: a memory kept past a trade would answer with the old quote.
                    for (double usd : new double[] {1e3, 1e5, 1e7}) {
                        double amount = usd / token.referencePriceUsd();
                        // Asked twice: the second answer is the memory's.
                        for (int twice = 0; twice < 2; twice++) {
                            assertThat(now.proceeds(market, sell, GeneratedEcosystem.USDC, amount))
                                    .as("seed %d round %d %s %s", seed, round, sell, amount)
                                    .isEqualTo(lean.proceeds(market, sell, GeneratedEcosystem.USDC, amount));
                        }
                    }
                    double rate = 0.9 * lean.rateBound(market, sell, GeneratedEcosystem.USDC);
                    assertThat(now.inputAtMarginalRate(market, sell, GeneratedEcosystem.USDC, rate))
                            .isEqualTo(lean.inputAtMarginalRate(market, sell, GeneratedEcosystem.USDC, rate));
                    assertThat(now.rateBound(market, sell, GeneratedEcosystem.USDC))
                            .isEqualTo(lean.rateBound(market, sell, GeneratedEcosystem.USDC));
                    // The rate that sells nothing, remembered: above it the lean quotes' sizing takes nothing.
                    double nothing = now.rateSellingNothing(market, sell, GeneratedEcosystem.USDC);
                    assertThat(nothing).isEqualTo(lean.rateSellingNothing(market, sell, GeneratedEcosystem.USDC));
                    assertThat(lean.inputAtMarginalRate(market, sell, GeneratedEcosystem.USDC, nothing * (1 + 1e-9)))
                            .as("seed %d round %d %s", seed, round, sell).isZero();
                }
                // Between rounds, a sale of one token moves its venues (every other pair stands).
                var moved = tokens.get(rnd.nextInt(tokens.size()));
                double probe = 1e5 / moved.referencePriceUsd();
                double before = lean.proceeds(market, moved.id(), GeneratedEcosystem.USDC, probe);
                RouteRequest request = RouteRequest.of(moved.id(), GeneratedEcosystem.USDC,
                        2e6 / moved.referencePriceUsd()).withGas(GasSchedule.FREE).withMaxLatency(0);
                for (LegFill f : Router.DEFAULT.route(market, request).fills()) {
                    market.venue(f.venue()).orElseThrow().swapExactIn(f.venueTokenIn(), f.venueTokenOut(),
                            f.venueAmountIn());
                }
                if (lean.proceeds(market, moved.id(), GeneratedEcosystem.USDC, probe) != before) {
                    stale++;
                }
            }
            assertThat(stale).as("seed %d: trades that changed a remembered quote", seed).isGreaterThan(5);
        }
    }

    @Test
    void aPairWithoutAStateIsRememberedWithinARoundOnly() {
        int[] quotes = {0};
        SaleQuotes unversioned = (market, in, out, amount) -> {
            quotes[0]++;
            return amount / 2;
        };
        RememberedQuotes remembered = new RememberedQuotes(unversioned);
        SaleQuotes first = remembered.round(0);
        assertThat(first.proceeds(null, A, B, 10)).isEqualTo(5);
        assertThat(first.proceeds(null, A, B, 10)).isEqualTo(5);
        assertThat(quotes[0]).as("within the round: once").isEqualTo(1);
        assertThat(remembered.round(1).proceeds(null, A, B, 10)).isEqualTo(5);
        assertThat(quotes[0]).as("the next round cannot know the venues stood: quoted again").isEqualTo(2);
    }

    @Test
    void anotherReaderOfARoundSharesItsMemoryButNotItsLastPair() {
        int[] quotes = {0};
        SaleQuotes unversioned = (market, in, out, amount) -> {
            quotes[0]++;
            return amount * (in.equals(A) ? 0.5 : 0.25);
        };
        RememberedQuotes remembered = new RememberedQuotes(unversioned);
        RememberedQuotes.Reader first = remembered.round(0);
        RememberedQuotes.Reader second = first.another();
        assertThat(first.proceeds(null, A, B, 10)).isEqualTo(5);
        assertThat(second.proceeds(null, A, B, 10)).as("the first reader's quote, from the round's memory")
                .isEqualTo(5);
        assertThat(quotes[0]).isEqualTo(1);
        // Each reader keeps the pair it was asked about last: the second asking about B must not read A's memory.
        assertThat(second.proceeds(null, B, A, 10)).isEqualTo(2.5);
        assertThat(first.proceeds(null, A, B, 20)).isEqualTo(10);
        assertThat(first.proceeds(null, B, A, 10)).as("the second reader's quote").isEqualTo(2.5);
        assertThat(quotes[0]).isEqualTo(3);
        assertThat(remembered.round(1).another().proceeds(null, A, B, 10))
                .as("another round's reader: the venues may have moved, quoted again").isEqualTo(5);
        assertThat(quotes[0]).isEqualTo(4);
    }

    /**
     * A reader's proceeds of a grid point are the quotes' proceeds of that point, whichever points share a place of
     * its small table (64 apart) and whichever pair was asked before; the water-filling flag is the quotes' own, asked
     * once while the pair stays the reader's last.
     */
    @Test
    void aReadersGridPointsAndWaterFillingAreTheQuotesOwnPairByPair() {
        int[] quotes = {0};
        int[] flags = {0};
        SaleQuotes unversioned = new SaleQuotes() {
            @Override
            public double proceeds(Market market, AssetId in, AssetId out, double amount) {
                quotes[0]++;
                return amount * (in.equals(A) ? 0.5 : 0.25);
            }

            @Override
            public boolean splitsByWaterFilling(Market market, AssetId in, AssetId out) {
                flags[0]++;
                return in.equals(A);
            }
        };
        RememberedQuotes.Reader reader = new RememberedQuotes(unversioned).round(0);
        int[] points = {0, 64, -64, 1, 65, -200, 137, 9, 73};
        for (int pass = 0; pass < 2; pass++) {
            // A pair's points one after another (what the reader keeps), then the other pair's.
            for (int j : points) {
                assertThat(reader.proceedsAtGridPoint(null, A, B, j)).as("A/B at point %d", j)
                        .isEqualTo(ProceedsBracket.point(j) * 0.5);
            }
            for (int j : points) {
                assertThat(reader.proceedsAtGridPoint(null, B, A, j)).as("B/A at point %d", j)
                        .isEqualTo(ProceedsBracket.point(j) * 0.25);
            }
            for (int k = points.length - 1; k >= 0; k--) {
                assertThat(reader.proceedsAtGridPoint(null, B, A, points[k])).as("B/A again at %d", points[k])
                        .isEqualTo(ProceedsBracket.point(points[k]) * 0.25);
            }
        }
        // Each point of each pair quoted once: asked again, each was the reader's or the round's memory.
        assertThat(quotes[0]).isEqualTo(2 * points.length);
        assertThat(reader.splitsByWaterFilling(null, B, A)).isFalse();
        assertThat(reader.splitsByWaterFilling(null, B, A)).isFalse();
        assertThat(flags[0]).as("asked once while B/A is the last pair").isEqualTo(1);
        assertThat(reader.proceedsAtGridPoint(null, A, B, 3)).isEqualTo(ProceedsBracket.point(3) * 0.5);
        assertThat(reader.splitsByWaterFilling(null, A, B)).isTrue();
        assertThat(reader.splitsByWaterFilling(null, A, B)).isTrue();
        assertThat(flags[0]).isEqualTo(2);
        // The default of quotes that remember nothing: the proceeds of the point.
        assertThat(unversioned.proceedsAtGridPoint(null, B, A, -3)).isEqualTo(ProceedsBracket.point(-3) * 0.25);
    }

    @Test
    void aPairIsForgottenWhenItsStateMovesAndOnlyThatPair() {
        int[] quotes = {0};
        long[] stateOfA = {5};
        SaleQuotes versioned = new SaleQuotes() {
            @Override
            public double proceeds(Market market, AssetId in, AssetId out, double amount) {
                quotes[0]++;
                return amount * (in.equals(A) ? 1.0 / stateOfA[0] : 0.5);
            }

            @Override
            public long stateVersion(Market market, AssetId in, AssetId out) {
                return in.equals(A) ? stateOfA[0] : 9;
            }
        };
        RememberedQuotes remembered = new RememberedQuotes(versioned);
        SaleQuotes r0 = remembered.round(0);
        assertThat(r0.proceeds(null, A, B, 10)).isEqualTo(2);
        assertThat(r0.proceeds(null, B, A, 10)).isEqualTo(5);
        stateOfA[0] = 10;
        SaleQuotes r1 = remembered.round(1);
        assertThat(r1.proceeds(null, A, B, 10)).as("A's venues moved: the new quote").isEqualTo(1);
        assertThat(r1.proceeds(null, B, A, 10)).isEqualTo(5);
        assertThat(quotes[0]).as("B's pair stood: remembered").isEqualTo(3);
    }

    @Test
    void aRoundRemembersEveryAmountItQuotedUpToTheTablesMostAndStaysRightPastIt() {
        // A deep cascade's round quotes tens of thousands of amounts of one pair. On one thread each is quoted
        // once while fewer than 32,768 (half the widest table) were kept; past that the memory starts afresh, and
        // every answer is still the quote's (here amount / 3, worked for each).
        int[] quotes = {0};
        SaleQuotes unversioned = (market, in, out, amount) -> {
            quotes[0]++;
            return amount / 3;
        };
        SaleQuotes round = new RememberedQuotes(unversioned).round(0);
        SplittableRandom rnd = new SplittableRandom(11);
        double[] amounts = new double[30_000];
        for (int k = 0; k < amounts.length; k++) {
            amounts[k] = rnd.nextDouble(1, 1e9);
        }
        for (int pass = 0; pass < 2; pass++) {
            for (double amount : amounts) {
                assertThat(round.proceeds(null, A, B, amount)).isEqualTo(amount / 3);
            }
        }
        assertThat(quotes[0]).as("each amount quoted once").isEqualTo(amounts.length);
        for (int k = 0; k < 100_000; k++) {
            double amount = rnd.nextDouble(1, 1e9);
            assertThat(round.proceeds(null, A, B, amount)).isEqualTo(amount / 3);
            assertThat(round.proceeds(null, A, B, amount)).isEqualTo(amount / 3);
        }
        assertThat(quotes[0]).as("past the widest table: each new amount once, its second ask remembered")
                .isEqualTo(amounts.length + 100_000);
    }

    @Test
    void aPairsNextStateStartsWithTablesWideEnoughForWhatItsLastKept() {
        // A table widens when a value would pass half its places: 7 values fit the first table's 16 places, 8 need
        // 32 (18 places asked: the 8 plus one, doubled), 15 still fit 32, 16 need 64; the widest is 65,536 places.
        assertThat(RememberedQuotes.Kept.placesFor(0)).isEqualTo(16);
        assertThat(RememberedQuotes.Kept.placesFor(7)).isEqualTo(16);
        assertThat(RememberedQuotes.Kept.placesFor(8)).isEqualTo(32);
        assertThat(RememberedQuotes.Kept.placesFor(15)).isEqualTo(32);
        assertThat(RememberedQuotes.Kept.placesFor(16)).isEqualTo(64);
        assertThat(RememberedQuotes.Kept.placesFor(32_767)).isEqualTo(65_536);
        assertThat(RememberedQuotes.Kept.placesFor(1_000_000)).isEqualTo(65_536);
        // A pair without a version is a new state every round: round 0 keeps 5,000 amounts, round 1 starts with
        // tables that wide and keeps 5,000 others and then 20 more than the next width holds; every answer is the
        // quote's and each amount is quoted once in its round.
        int[] quotes = {0};
        SaleQuotes unversioned = (market, in, out, amount) -> {
            quotes[0]++;
            return amount * 0.97;
        };
        RememberedQuotes remembered = new RememberedQuotes(unversioned);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 2; round++) {
            SaleQuotes now = remembered.round(round);
            double[] amounts = new double[round == 0 ? 5_000 : 8_212];
            for (int k = 0; k < amounts.length; k++) {
                amounts[k] = rnd.nextDouble(1, 1e9);
            }
            quotes[0] = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (double amount : amounts) {
                    assertThat(now.proceeds(null, A, B, amount)).isEqualTo(amount * 0.97);
                }
            }
            assertThat(quotes[0]).as("round %d: each amount quoted once", round).isEqualTo(amounts.length);
        }
    }

    @Test
    void everyArgumentIsKeptUnderItsOwnBitsAndEveryValueBitForBit() {
        // The table keeps an argument's bits plus one beside its value's raw bits, 0 marking an empty place: the
        // arguments whose bits sit next to those markers — 0.0 (bits 0), -0.0, the infinities, NaN, the least
        // subnormal — are each quoted once and kept apart, and every value comes back with its very bits, a NaN's
        // payload included.
        double[] arguments = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 1.0};
        double payloadNaN = Double.longBitsToDouble(0x7ff8_0000_0000_0abcL);
        int[] quotes = {0};
        SaleQuotes unversioned = (market, in, out, amount) -> {
            quotes[0]++;
            long bits = Double.doubleToLongBits(amount);
            return bits == 0 ? payloadNaN : bits == Double.doubleToLongBits(-0.0) ? -0.0 : 1.0 / (quotes[0] + 1);
        };
        SaleQuotes round = new RememberedQuotes(unversioned).round(0);
        double[] first = new double[arguments.length];
        for (int k = 0; k < arguments.length; k++) {
            first[k] = round.proceeds(null, A, B, arguments[k]);
        }
        assertThat(quotes[0]).isEqualTo(arguments.length);
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < arguments.length; k++) {
                assertThat(Double.doubleToRawLongBits(round.proceeds(null, A, B, arguments[k])))
                        .as("argument %s", arguments[k]).isEqualTo(Double.doubleToRawLongBits(first[k]));
            }
        }
        assertThat(quotes[0]).as("each argument quoted once").isEqualTo(arguments.length);
        // A NaN of another payload is the one NaN (Double.doubleToLongBits), the payloads whose bits sit next to the
        // markers (all ones: the empty place's key word less one) among them.
        for (long nanBits : new long[] {0xffff_ffff_ffff_ffffL, 0x7ff0_0000_0000_0001L, 0x7ff8_0000_0000_0001L}) {
            assertThat(Double.doubleToRawLongBits(round.proceeds(null, A, B, Double.longBitsToDouble(nanBits))))
                    .as("NaN bits %x", nanBits).isEqualTo(Double.doubleToRawLongBits(first[4]));
        }
        assertThat(quotes[0]).as("every NaN remembered as the one NaN").isEqualTo(arguments.length);
        assertThat(Double.doubleToRawLongBits(first[0])).isEqualTo(0x7ff8_0000_0000_0abcL);
        assertThat(Double.doubleToRawLongBits(first[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(first[2]).isEqualTo(1.0 / 4);
    }

    @Test
    void threadsSharingARoundsMemoryGetTheQuotesBits() throws Exception {
        // Four readers of one round on four threads ask overlapping amounts at once, writing one memory without a
        // lock: a lost entry is quoted again, and no answer may be another amount's.
        SaleQuotes unversioned = (market, in, out, amount) -> Math.sqrt(amount) * 7;
        RememberedQuotes.Reader first = new RememberedQuotes(unversioned).round(0);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var tasks = new java.util.ArrayList<java.util.concurrent.Callable<Integer>>();
            for (int t = 0; t < 4; t++) {
                RememberedQuotes.Reader reader = first.another();
                long seed = t % 2;
                tasks.add(() -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    int wrong = 0;
                    for (int k = 0; k < 200_000; k++) {
                        double amount = rnd.nextInt(1, 50_000) * 0.5;
                        if (reader.proceeds(null, A, B, amount) != Math.sqrt(amount) * 7) {
                            wrong++;
                        }
                    }
                    return wrong;
                });
            }
            for (var f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> new RememberedQuotes(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quotes are required");
        assertThatThrownBy(() -> new RememberedQuotes((m, i, o, a) -> a).round(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("round must be >= 0 (was -1)");
    }
}
