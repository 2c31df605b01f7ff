package dev.fracture.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.GeneratedEcosystem;
import dev.fracture.market.GasSchedule;
import dev.fracture.market.LegFill;
import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.market.RouteRequest;
import dev.fracture.market.Router;
import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.VenueId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ProceedsBracket} holds the router's split of an amount between its floor and ceiling — worked by hand on one
 * constant-product pool, and against the split itself on the generated ecosystems' venues as sales move them — and a
 * liquidator deciding on brackets decides as one that quotes every sale.
 */
class ProceedsBracketTest {
    private static final ChainId ETHEREUM = LiquidatorTest.ETHEREUM;
    private static final AssetId ETH = LiquidatorTest.ETH;
    private static final AssetId USDC = LiquidatorTest.USDC;

    /** {@link LiquidatorTest}'s one fee-free pool of 1,000 ETH and 2,000,000 USDC. */
    private static final Market POOL = LiquidatorTest.MARKET;

    /** Selling x ETH into the pool returns 2e6·x / (1000 + x) USDC. */
    private static double pool(double x) {
        return LiquidatorTest.proceeds(x);
    }

    @Test
    void aConstantProductPoolsBracketIsItsChordAndSecantWorkedByHand() {
        SaleQuotes quotes = SaleQuotes.lean(Router.DEFAULT, POOL);
        assertThat(quotes.splitsByWaterFilling(POOL, ETH, USDC)).isTrue();
        ProceedsBracket bracket = ProceedsBracket.around(quotes, POOL, ETH, USDC, 3, 100);
        // 8·log2(3) = 12.68: the grid's points 2^(11/8), 2^(12/8) = 2√2 and 2^(13/8) lie around 3.
        double a0 = Math.pow(2, 11.0 / 8);
        double a = 2 * Math.sqrt(2);
        double b = Math.pow(2, 13.0 / 8);
        double chord = pool(a) + (pool(b) - pool(a)) * (3 - a) / (b - a);
        double t = (3 - a) / (a - a0);
        double secant = pool(a) + (pool(a) - pool(a0)) * t;
        double margin = 1e-6 * pool(b);
        assertThat(bracket.floor()).isCloseTo(chord - margin, within(1e-7));
        assertThat(bracket.ceiling()).isCloseTo(secant + margin + (1 + t) * pool(a) * 1e-9, within(1e-7));
        // The pool's own proceeds, 2e6·3/1003 = 5,982.05 USDC, lie between, the bracket under 20 cents wide.
        assertThat(pool(3)).isBetween(bracket.floor(), bracket.ceiling());
        assertThat(quotes.proceeds(POOL, ETH, USDC, 3)).isBetween(bracket.floor(), bracket.ceiling());
        assertThat(bracket.ceiling() - bracket.floor()).isLessThan(0.2);
        // The pool's curvature alone: the chord under, the secant over, by the second derivative's worth.
        assertThat(chord).isLessThan(pool(3));
        assertThat(secant).isGreaterThan(pool(3));
    }

    @Test
    void aGridPointIsItsOwnQuoteAndTheMostCapsTheChord() {
        SaleQuotes quotes = SaleQuotes.lean(Router.DEFAULT, POOL);
        double a = 2 * Math.sqrt(2);
        ProceedsBracket onPoint = ProceedsBracket.around(quotes, POOL, ETH, USDC, ProceedsBracket.point(12), 100);
        assertThat(ProceedsBracket.point(12)).isCloseTo(a, within(1e-15));
        assertThat(onPoint.floor()).isCloseTo(pool(a) - 1e-6 * pool(Math.pow(2, 13.0 / 8)), within(1e-7));
        // A most between the amount and the next point is the chord's other end.
        ProceedsBracket capped = ProceedsBracket.around(quotes, POOL, ETH, USDC, 2.9, 2.95);
        double chord = pool(a) + (pool(2.95) - pool(a)) * (2.9 - a) / (2.95 - a);
        assertThat(capped.floor()).isCloseTo(chord - 1e-6 * pool(2.95), within(1e-7));
        assertThat(pool(2.9)).isBetween(capped.floor(), capped.ceiling());
        // No bracket for an amount at or beyond the most, or for none.
        assertThat(ProceedsBracket.around(quotes, POOL, ETH, USDC, 3, 3)).isNull();
        assertThat(ProceedsBracket.around(quotes, POOL, ETH, USDC, 0, 3)).isNull();
        assertThat(ProceedsBracket.around(quotes, POOL, ETH, USDC, Double.NaN, 3)).isNull();
    }

    @Test
    void theSplitOfEveryAmountLiesInItsBracketOnGeneratedVenuesAsSalesMoveThem() {
        int bracketed = 0;
        int unbracketed = 0;
        for (long seed = 0; seed < 6; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            EcosystemSnapshot snapshot = GeneratedEcosystem.of(GeneratedEcosystem.Size.small(), seed).snapshot();
            Market market = Market.of(snapshot, MathMode.FAST);
            SaleQuotes lean = SaleQuotes.lean(Router.DEFAULT, market);
            ChainId home = snapshot.asset(GeneratedEcosystem.ETH).orElseThrow().chain();
            List<Asset> tokens = snapshot.assets().stream()
                    .filter(x -> x.kind() instanceof AssetKind.Token || x.id().equals(GeneratedEcosystem.ETH))
                    .filter(x -> x.chain().equals(home))
                    .toList();
            for (int round = 0; round < 8; round++) {
                for (Asset token : tokens) {
                    AssetId sell = token.id();
                    if (!lean.splitsByWaterFilling(market, sell, GeneratedEcosystem.USDC)) {
                        continue;
                    }
                    double rate = lean.rateBound(market, sell, GeneratedEcosystem.USDC) * (0.5 + 0.49 * rnd.nextDouble());
                    double most = lean.inputAtMarginalRate(market, sell, GeneratedEcosystem.USDC, rate);
                    for (int k = 0; k < 20 && most > 0 && most < Double.POSITIVE_INFINITY; k++) {
                        double amount = most * Math.pow(10, -4 * rnd.nextDouble());
                        if (amount * token.referencePriceUsd() < ProceedsBracket.LEAST_USD) {
                            continue;
                        }
                        ProceedsBracket bracket = ProceedsBracket.around(lean, market, sell, GeneratedEcosystem.USDC,
                                amount, most);
                        if (bracket == null) {
                            unbracketed++;
                            continue;
                        }
                        double split = lean.proceeds(market, sell, GeneratedEcosystem.USDC, amount);
                        assertThat(split).as("seed %d round %d %s %s", seed, round, sell, amount)
                                .isBetween(bracket.floor(), bracket.ceiling());
                        // Tight enough to decide by: within a part in a hundred of the proceeds (the secant's
                        // excess grows with the curvature, at most about 3e-3 for a pool down to half its rate).
                        assertThat(bracket.ceiling() - bracket.floor()).isLessThan(1e-2 * split);
                        bracketed++;
                    }
                }
                // A sale of one token moves its venues before the next round.
                Asset moved = tokens.get(rnd.nextInt(tokens.size()));
                RouteRequest request = RouteRequest.of(moved.id(), GeneratedEcosystem.USDC,
                        (1e5 + 5e6 * rnd.nextDouble()) / moved.referencePriceUsd()).withGas(GasSchedule.FREE)
                        .withMaxLatency(0);
                for (LegFill f : Router.DEFAULT.route(market, request).fills()) {
                    market.venue(f.venue()).orElseThrow().swapExactIn(f.venueTokenIn(), f.venueTokenOut(),
                            f.venueAmountIn());
                }
            }
        }
        assertThat(bracketed).isGreaterThan(1000);
        assertThat(unbracketed).as("amounts whose grid quotes were not concave").isLessThan(bracketed / 100);
    }

    @Test
    void quotesInWhichRoundingShowsAreNotBracketed() {
        // Proceeds whose average rate rises between grid points (a venue's rounding at a sliver of its size): no
        // bracket, the sale is quoted.
        SaleQuotes noisy = (market, in, out, amount) -> amount * (2000 + Math.sin(amount * 1e17));
        assertThat(ProceedsBracket.around(noisy, POOL, ETH, USDC, 3e-15, 1e-12)).isNull();
        // A linear venue (a single order-book level): equal average rates are concave, and the bracket is the line.
        SaleQuotes level = (market, in, out, amount) -> amount * 2000;
        ProceedsBracket line = ProceedsBracket.around(level, POOL, ETH, USDC, 3, 100);
        assertThat(line.floor()).isCloseTo(6000 - 1e-6 * 2000 * Math.pow(2, 13.0 / 8), within(1e-9));
        assertThat(6000.0).isBetween(line.floor(), line.ceiling());
    }

    /** {@code quotes} with every sale's quote counted, splitting by water-filling as they do or, unless {@code tell}, never. */
    private static final class Counted implements SaleQuotes {
        private final SaleQuotes quotes;
        private final boolean tell;
        private double watched = Double.NaN;
        private int watchedQuotes;
        private int allQuotes;

        Counted(SaleQuotes quotes, boolean tell) {
            this.quotes = quotes;
            this.tell = tell;
        }

        @Override
        public double proceeds(Market market, AssetId in, AssetId out, double amount) {
            allQuotes++;
            if (amount == watched) {
                watchedQuotes++;
            }
            return quotes.proceeds(market, in, out, amount);
        }

        @Override
        public double rateBound(Market market, AssetId in, AssetId out) {
            return quotes.rateBound(market, in, out);
        }

        @Override
        public double proceedsBound(Market market, AssetId in, AssetId out, double amount, double target) {
            return quotes.proceedsBound(market, in, out, amount, target);
        }

        @Override
        public double inputAtMarginalRate(Market market, AssetId in, AssetId out, double rate) {
            return quotes.inputAtMarginalRate(market, in, out, rate);
        }

        @Override
        public double rateSellingNothing(Market market, AssetId in, AssetId out) {
            return quotes.rateSellingNothing(market, in, out);
        }

        @Override
        public boolean splitsByWaterFilling(Market market, AssetId in, AssetId out) {
            return tell && quotes.splitsByWaterFilling(market, in, out);
        }
    }

    @Test
    void aLiquidatorDecidingOnBracketsDecidesAsOneQuotingEverySale() {
        // The pool's liquidator sizes at the rate (1 + fee)/k and caps at the position's repayable: a position whose
        // cap is under the rate's size is bracketed. Minimum profits and slippage shares are drawn around the capped
        // sale's own figures, from a millionth to a tenth away, so that some tests fall inside the bracket (the sale
        // is then quoted) and some outside it (decided by the bracket).
        SaleQuotes lean = SaleQuotes.lean(Router.DEFAULT, POOL);
        Counted bracketingQuotes = new Counted(lean, true);
        Liquidator bracketing = new Liquidator(bracketingQuotes);
        Liquidator quoting = new Liquidator(new Counted(lean, false));
        UsdPrices prices = x -> x.equals(ETH) ? 2000 : 1;
        double gasUsd = 300_000 * 11e-9 * 2000;
        SplittableRandom rnd = new SplittableRandom(81);
        int plans = 0;
        int refusals = 0;
        int decidedByBracket = 0;
        int quoted = 0;
        for (int i = 0; i < 4000; i++) {
            double k = (1.02 + 0.1 * rnd.nextDouble()) / 2000;
            boolean flash = rnd.nextBoolean();
            double repayable = Math.pow(10, 2 + 4 * rnd.nextDouble());
            LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of("lender"), AccountId.of("a" + i),
                    ETHEREUM, USDC, ETH, repayable, k, 1e9, flash ? FlashLoanTerms.AAVE_V3 : FlashLoanTerms.NONE,
                    300_000, 0);
            // The capped sale's own figures, by the pool's closed form, to draw the thresholds around.
            double collateral = repayable * k;
            double bonusUsd = collateral * 2000 - repayable;
            double slippage = collateral * 2000 - pool(collateral);
            double fee = flash ? repayable * 0.0005 : 0;
            double share = Math.min(1, slippage / Math.max(bonusUsd, 1e-9) * (1 + away(rnd)));
            double minProfit = Math.max(0, (bonusUsd - slippage - fee - gasUsd) * (1 + away(rnd)));
            LiquidatorProfile profile = new LiquidatorProfile("p", Map.of(ETHEREUM, Map.of(USDC, 1e7)), flash, 1, 1.0,
                    minProfit, 0, rnd.nextBoolean() ? share : 1, rnd.nextBoolean() ? 1e6 : 0);
            bracketingQuotes.watched = repayable * k;
            bracketingQuotes.watchedQuotes = 0;
            bracketingQuotes.allQuotes = 0;
            Optional<LiquidationPlan> viaBracket = bracketing.plan(new LiquidatorLedger(profile), o, POOL, prices, 0);
            Optional<LiquidationPlan> viaQuote = quoting.plan(new LiquidatorLedger(profile), o, POOL, prices, 0);
            assertThat(viaBracket).as("position %d", i).isEqualTo(viaQuote);
            if (viaQuote.isPresent()) {
                plans++;
            } else {
                refusals++;
            }
            // Quotes asked but not the sale's own: the grid's, and the bracket decided. The sale's own: a plan was
            // made, or a test fell inside the bracket (or the sale was not capped and quoted at once).
            if (bracketingQuotes.allQuotes > 0 && bracketingQuotes.watchedQuotes == 0) {
                decidedByBracket++;
            } else if (bracketingQuotes.watchedQuotes > 0) {
                quoted++;
            }
        }
        assertThat(plans).isGreaterThan(500);
        assertThat(refusals).isGreaterThan(500);
        assertThat(decidedByBracket).as("positions decided without quoting the sale").isGreaterThan(200);
        assertThat(quoted).as("sales quoted").isGreaterThan(200);
    }

    @Test
    void aKnownFlashSaleMadeWhereItLandsIsTheDecisionWithTheSaleAsItLands() {
        // A flash sale the bids know is made only where it lands, after the block's earlier sales: its decision,
        // amounts and gas are the planning's, and a proceeds the bracket decided on is read as the venues stand
        // then. 10,000 USDC repaid seizes 5.25 ETH, under the 24 ETH the pool takes before its rate falls to
        // (1 + 0.0005) / k: the sale is capped, and bracketed.
        Market market = LiquidatorTest.pool();
        Liquidator liquidator = new Liquidator(new RememberedQuotes(SaleQuotes.lean(Router.DEFAULT, market)).round(0));
        UsdPrices prices = x -> x.equals(ETH) ? 2000 : 1;
        LiquidatorLedger searcher = new LiquidatorLedger(new LiquidatorProfile("searcher",
                Map.of(ETHEREUM, Map.of(USDC, 0.0)), true, 1, 1.0, 0, 0, 1, 0));
        LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of("lender"), AccountId.of("alice"),
                ETHEREUM, USDC, ETH, 10_000, 1.05 / 2000, 1e9, FlashLoanTerms.AAVE_V3, 300_000, 0);
        LiquidationRound.Bids bids = liquidator.bidCrowd(
                new LiquidatorCrowd(List.of(searcher), ETHEREUM, 1, prices, 10, 2000), o, market, prices, 1);
        assertThat(bids.knownFlashSale(0)).isTrue();
        LiquidationPlan decidedOn = liquidator.plan(searcher, o, market, prices, 10, 1).orElseThrow();
        assertThat(decidedOn.proceeds()).isCloseTo(pool(5.25), within(1e-6));
        // An earlier liquidation of the block sells 100 ETH into the pool: 1,100 ETH against 1,818,181.8 USDC.
        market.venue(VenueId.of("pool")).orElseThrow().swapExactIn(ETH, USDC, 100);
        LiquidationPlan made = bids.plan(0);
        assertThat(made.liquidator()).isEqualTo("searcher");
        assertThat(made.repay()).isEqualTo(decidedOn.repay());
        assertThat(made.collateral()).isEqualTo(decidedOn.collateral());
        assertThat(made.gasUsd()).isEqualTo(decidedOn.gasUsd());
        assertThat(made.bonusUsd()).isEqualTo(decidedOn.bonusUsd());
        // The sale as it lands, not a quote the round remembered from before: (2e6 · 1000 / 1100) · 5.25 / 1105.25.
        double asItLands = 2e6 * 1000 / 1100 * 5.25 / (1100 + 5.25);
        assertThat(made.proceeds()).isCloseTo(asItLands, within(1e-6));
        assertThat(made.proceeds()).isLessThan(decidedOn.proceeds() - 800);
    }

    /** A relative step from a millionth to a tenth, either way. */
    private static double away(SplittableRandom rnd) {
        return (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, -6 + 5 * rnd.nextDouble());
    }
}
