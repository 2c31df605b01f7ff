package dev.fracture.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Liquidator decisions against closed forms. The collateral (ETH, $2,000) sells into one fee-free constant-product
 * pool of 1,000 ETH and 2,000,000 USDC, so selling c ETH returns 2e6·c / (1000 + c) USDC exactly; the protocol
 * pays a 5% bonus: c = repay × 1.05 / 2000.
 */
class LiquidatorTest {
    static final ChainId ETHEREUM = ChainId.of("ethereum");
    static final AssetId ETH = AssetId.of("ETH");
    static final AssetId USDC = AssetId.of("USDC");
    private static final double K = 1.05 / 2000;
    private static final UsdPrices PRICES = a -> a.equals(ETH) ? 2000 : 1;

    static final Market MARKET = pool();

    /** A market of its own with the one pool, as {@link #MARKET} starts: for a test that trades on it. */
    static Market pool() {
        return Market.of(new EcosystemSnapshot("liquidator-test",
                Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(10, 0, 0.125))),
                List.of(new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                        new Asset(USDC, ETHEREUM, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1)),
                List.of(),
                List.of(new VenueSpec.ConstantProduct(VenueId.of("pool"), ETHEREUM, ETH, USDC, new BigDecimal("1000"),
                        new BigDecimal("2000000"), 0))), MathMode.FAST);
    }

    private static LiquidationOpportunity opportunity(double maxRepay, FlashLoanTerms flash, long detected) {
        return new LiquidationOpportunity(ProtocolId.of("lender"), AccountId.of("alice"), ETHEREUM, USDC, ETH, maxRepay,
                K, 1e9, flash, 300_000, detected);
    }

    private static LiquidatorProfile profile(String id, double capitalUsdc, boolean flash, double priority,
                                             int latency, double slippageShare, double inventoryUsd) {
        return new LiquidatorProfile(id, Map.of(ETHEREUM, Map.of(USDC, capitalUsdc)), flash, priority, 1.0, 0, latency,
                slippageShare, inventoryUsd);
    }

    static double proceeds(double collateral) {
        return 2e6 * collateral / (1000 + collateral);
    }

    /** 300,000 gas × (10 + 1) gwei = 0.0033 ETH = 6.6 USD. */
    private static final double GAS_USD = 300_000 * 11e-9 * 2000;

    @Test
    void repaysTheCapWhenTheOptimumLiesBeyondIt() {
        LiquidatorLedger ledger = new LiquidatorLedger(profile("a", 1e6, false, 1, 0, 1, 0));
        LiquidationPlan plan = Liquidator.DEFAULT.plan(ledger, opportunity(10_000, FlashLoanTerms.NONE, 0), MARKET,
                PRICES, 0).orElseThrow();
        double c = 10_000 * K;
        assertThat(plan.repay()).isCloseTo(10_000, within(1e-6));
        assertThat(plan.collateral()).isCloseTo(5.25, within(1e-9));
        assertThat(plan.proceeds()).isCloseTo(proceeds(c), within(1e-6));
        assertThat(plan.bonusUsd()).isCloseTo(500, within(1e-6));
        assertThat(plan.gasUsd()).isCloseTo(GAS_USD, within(1e-9));
        assertThat(plan.profitUsd()).isCloseTo(proceeds(c) - 10_000 - GAS_USD, within(1e-6));
        assertThat(plan.disposal()).isEqualTo(LiquidationPlan.Disposal.SELL);
    }

    @Test
    void sizesTheRepaymentWhereMarginalSlippageEatsTheMarginalBonus() {
        // d/dr [2e6·kr/(1000+kr) − r] = 0  ⇔  (1000 + kr)² = 2e9·k  ⇔  r = (√(2e9·k) − 1000) / k.
        double optimum = (Math.sqrt(2e9 * K) - 1000) / K;
        LiquidatorLedger ledger = new LiquidatorLedger(profile("a", 1e7, false, 1, 0, 1, 0));
        LiquidationPlan plan = Liquidator.DEFAULT.plan(ledger, opportunity(1e6, FlashLoanTerms.NONE, 0), MARKET,
                PRICES, 0).orElseThrow();
        assertThat(plan.repay()).isCloseTo(optimum, within(optimum * 1e-9));
        // Quotes that cannot tell marginal rates are searched (golden section) to the same point.
        SaleQuotes searchOnly = (market, in, out, amount) -> amount <= 0 ? 0 : proceeds(amount);
        LiquidationPlan searched = new Liquidator(searchOnly).plan(ledger, opportunity(1e6, FlashLoanTerms.NONE, 0),
                MARKET, PRICES, 0).orElseThrow();
        assertThat(searched.repay()).isCloseTo(optimum, within(optimum * 1e-3));
    }

    @Test
    void ownCapitalBoundsTheRepayment() {
        LiquidatorLedger ledger = new LiquidatorLedger(profile("a", 3000, false, 1, 0, 1, 0));
        LiquidationPlan plan = Liquidator.DEFAULT.plan(ledger, opportunity(10_000, FlashLoanTerms.NONE, 0), MARKET,
                PRICES, 0).orElseThrow();
        assertThat(plan.repay()).isCloseTo(3000, within(1e-6));
        assertThat(plan.funding()).isEqualTo(LiquidationPlan.Funding.OWN_CAPITAL);
    }

    @Test
    void flashLoanFundsTheRepaymentAndChargesItsFee() {
        LiquidatorLedger ledger = new LiquidatorLedger(profile("a", 0, true, 1, 0, 1, 0));
        LiquidationPlan plan = Liquidator.DEFAULT.plan(ledger, opportunity(10_000, FlashLoanTerms.AAVE_V3, 0), MARKET,
                PRICES, 0).orElseThrow();
        assertThat(plan.funding()).isEqualTo(LiquidationPlan.Funding.FLASH_LOAN);
        assertThat(plan.flashFeeUsd()).isCloseTo(5, within(1e-9));
        assertThat(plan.profitUsd()).isCloseTo(proceeds(10_000 * K) - 10_000 - 5 - GAS_USD, within(1e-6));
    }

    @Test
    void noCapitalAndNoFlashLoanMeansNoLiquidation() {
        LiquidatorLedger ledger = new LiquidatorLedger(profile("a", 0, true, 1, 0, 1, 0));
        assertThat(Liquidator.DEFAULT.plan(ledger, opportunity(10_000, FlashLoanTerms.NONE, 0), MARKET, PRICES, 0))
                .isEmpty();
    }

    @Test
    void reactsOnlyAfterItsLatency() {
        LiquidatorLedger ledger = new LiquidatorLedger(profile("a", 1e6, false, 1, 2, 1, 0));
        LiquidationOpportunity o = opportunity(10_000, FlashLoanTerms.NONE, 100);
        assertThat(Liquidator.DEFAULT.plan(ledger, o, MARKET, PRICES, 101)).isEmpty();
        assertThat(Liquidator.DEFAULT.plan(ledger, o, MARKET, PRICES, 102)).isPresent();
    }

    @Test
    void riskRuleStopsSellingWhenSlippageEatsTooMuchOfTheBonus() {
        // At repay 10,000: slippage = 2000c − 2e6c/(1000+c) = 10,500 · 5.25/1005.25 = 54.84 USD, 11% of the 500 bonus.
        LiquidatorLedger strict = new LiquidatorLedger(profile("a", 1e6, false, 1, 0, 0.10, 0));
        assertThat(Liquidator.DEFAULT.plan(strict, opportunity(10_000, FlashLoanTerms.NONE, 0), MARKET, PRICES, 0))
                .isEmpty();
        LiquidatorLedger holder = new LiquidatorLedger(profile("b", 1e6, false, 1, 0, 0.10, 20_000));
        LiquidationPlan hold = Liquidator.DEFAULT.plan(holder, opportunity(10_000, FlashLoanTerms.NONE, 0), MARKET,
                PRICES, 0).orElseThrow();
        assertThat(hold.disposal()).isEqualTo(LiquidationPlan.Disposal.HOLD);
        assertThat(hold.slippageUsd()).isZero();
        assertThat(hold.bonusUsd()).isCloseTo(500, within(1e-6));
        LiquidatorLedger tolerant = new LiquidatorLedger(profile("c", 1e6, false, 1, 0, 0.12, 0));
        assertThat(Liquidator.DEFAULT.plan(tolerant, opportunity(10_000, FlashLoanTerms.NONE, 0), MARKET, PRICES, 0))
                .isPresent();
    }

    @Test
    void inventoryIsBoundedByItsValue() {
        LiquidatorLedger holder = new LiquidatorLedger(profile("b", 1e6, false, 1, 0, 0.10, 5_250));
        LiquidationPlan hold = Liquidator.DEFAULT.plan(holder, opportunity(10_000, FlashLoanTerms.NONE, 0), MARKET,
                PRICES, 0).orElseThrow();
        // 5,250 USD of room holds 2.625 ETH: a repayment of 2.625 / k = 5,000 USDC.
        assertThat(hold.repay()).isCloseTo(5_000, within(1e-6));
    }

    @Test
    void gasBudgetLimitsWhatItCanSendInOneBlock() {
        LiquidatorProfile poor = new LiquidatorProfile("a", Map.of(ETHEREUM, Map.of(USDC, 1e6)), false, 1, 0.003, 0, 0,
                1, 0);
        assertThat(Liquidator.DEFAULT.plan(new LiquidatorLedger(poor), opportunity(10_000, FlashLoanTerms.NONE, 0),
                MARKET, PRICES, 0)).isEmpty();
    }

    @Test
    void aGasSpikeRaisesTheCostAndCanEndTheLiquidation() {
        LiquidatorLedger ledger = new LiquidatorLedger(profile("a", 1e6, false, 1, 0, 1, 0));
        LiquidationOpportunity o = opportunity(10_000, FlashLoanTerms.NONE, 0);
        // At 500 gwei: 300,000 × 501e-9 ETH × 2,000 USD = 300.6 USD of gas.
        LiquidationPlan spiked = Liquidator.DEFAULT.plan(ledger, o, MARKET, PRICES, 500, 0).orElseThrow();
        assertThat(spiked.gasUsd()).isCloseTo(300.6, within(1e-9));
        // At 1,000 gwei gas costs 600.6 USD (0.3 ETH, within the 1 ETH budget), more than the 445 USD the liquidation
        // earns at any size before gas: the minimum profit of 0 stops it.
        assertThat(Liquidator.DEFAULT.plan(ledger, o, MARKET, PRICES, 1000, 0)).isEmpty();
        assertThatThrownBy(() -> Liquidator.DEFAULT.plan(ledger, o, MARKET, PRICES, Double.NaN, 0))
                .hasMessageContaining("base fee");
    }

    @Test
    void minimumProfitIsRespected() {
        LiquidatorProfile picky = new LiquidatorProfile("a", Map.of(ETHEREUM, Map.of(USDC, 1e6)), false, 1, 1, 1_000, 0,
                1, 0);
        assertThat(Liquidator.DEFAULT.plan(new LiquidatorLedger(picky), opportunity(10_000, FlashLoanTerms.NONE, 0),
                MARKET, PRICES, 0)).isEmpty();
    }

    @Test
    void highestPriorityFeeWinsThePosition() {
        Map<String, LiquidatorLedger> ledgers = new HashMap<>();
        ledgers.put("slow", new LiquidatorLedger(profile("slow", 1e6, false, 1, 0, 1, 0)));
        ledgers.put("fast", new LiquidatorLedger(profile("fast", 1e6, false, 5, 0, 1, 0)));
        LiquidationOpportunity o = opportunity(10_000, FlashLoanTerms.NONE, 0);
        List<LiquidationPlan> plans = new ArrayList<>();
        ledgers.values().forEach(l -> Liquidator.DEFAULT.plan(l, o, MARKET, PRICES, 0).ifPresent(plans::add));
        for (long seed = 0; seed < 20; seed++) {
            Map<String, LiquidatorLedger> fresh = new HashMap<>();
            fresh.put("slow", new LiquidatorLedger(profile("slow", 1e6, false, 1, 0, 1, 0)));
            fresh.put("fast", new LiquidatorLedger(profile("fast", 1e6, false, 5, 0, 1, 0)));
            List<LiquidationPlan> landed = LiquidationRound.settle(plans, fresh, 0, new SplittableRandom(seed));
            assertThat(landed).singleElement().extracting(LiquidationPlan::liquidator).isEqualTo("fast");
        }
    }

    @Test
    void tiesAreBrokenBySeedReproduciblyAndEvenly() {
        LiquidationOpportunity o = opportunity(10_000, FlashLoanTerms.NONE, 0);
        int aWins = 0;
        for (long seed = 0; seed < 400; seed++) {
            String first = tieWinner(o, seed);
            assertThat(tieWinner(o, seed)).isEqualTo(first);
            if (first.equals("a")) {
                aWins++;
            }
        }
        // Binomial(400, 1/2): 4 standard deviations is ±40.
        assertThat(aWins).isBetween(160, 240);
    }

    private static String tieWinner(LiquidationOpportunity o, long seed) {
        Map<String, LiquidatorLedger> ledgers = new HashMap<>();
        ledgers.put("a", new LiquidatorLedger(profile("a", 1e6, false, 2, 0, 1, 0)));
        ledgers.put("b", new LiquidatorLedger(profile("b", 1e6, false, 2, 0, 1, 0)));
        List<LiquidationPlan> plans = new ArrayList<>();
        for (String id : List.of("a", "b")) {
            Liquidator.DEFAULT.plan(ledgers.get(id), o, MARKET, PRICES, 0).ifPresent(plans::add);
        }
        return LiquidationRound.settle(plans, ledgers, 0, new SplittableRandom(seed)).get(0).liquidator();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void ledgerProfitIsBonusMinusSlippageMinusFeesMinusGas(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, LiquidatorLedger> ledgers = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            String id = "liq-" + i;
            ledgers.put(id, new LiquidatorLedger(new LiquidatorProfile(id,
                    Map.of(ETHEREUM, Map.of(USDC, rnd.nextDouble(1e3, 1e6))), rnd.nextBoolean(), rnd.nextInt(1, 4), 1,
                    0, rnd.nextInt(0, 2), rnd.nextDouble(0.05, 1), rnd.nextDouble(0, 50_000))));
        }
        double sumProfit = 0;
        Map<String, Double> capitalBefore = new HashMap<>();
        ledgers.forEach((id, l) -> capitalBefore.put(id, l.capital(ETHEREUM, USDC)));
        Map<String, Double> expectedCapital = new HashMap<>(capitalBefore);
        for (long block = 0; block < 30; block++) {
            List<LiquidationPlan> plans = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of("lender"),
                        AccountId.of("acct-" + block + "-" + k), ETHEREUM, USDC, ETH, rnd.nextDouble(10, 50_000),
                        K * rnd.nextDouble(0.98, 1.1), rnd.nextDouble(0.1, 100),
                        rnd.nextBoolean() ? FlashLoanTerms.AAVE_V3 : FlashLoanTerms.NONE, 300_000, block);
                for (LiquidatorLedger l : ledgers.values()) {
                    Optional<LiquidationPlan> p = Liquidator.DEFAULT.plan(l, o, MARKET, PRICES, block + 1);
                    p.ifPresent(plans::add);
                }
            }
            for (LiquidationPlan p : LiquidationRound.settle(plans, ledgers, block + 1, rnd.split())) {
                assertThat(p.profitUsd()).isCloseTo(p.bonusUsd() - p.slippageUsd() - p.flashFeeUsd() - p.gasUsd(),
                        within(1e-9));
                assertThat(p.collateral()).isLessThanOrEqualTo(p.opportunity().collateralAvailable() * (1 + 1e-12));
                sumProfit += p.profitUsd();
                double delta = p.disposal() == LiquidationPlan.Disposal.SELL
                        ? p.proceeds() - p.repay() - (p.funding() == LiquidationPlan.Funding.FLASH_LOAN
                        ? p.repay() * p.opportunity().flashLoan().feeRate() : 0)
                        : -p.repay();
                expectedCapital.merge(p.liquidator(), delta, Double::sum);
            }
        }
        double ledgerProfit = ledgers.values().stream().mapToDouble(LiquidatorLedger::profitUsd).sum();
        assertThat(ledgerProfit).isCloseTo(sumProfit, within(1e-6));
        for (LiquidatorLedger l : ledgers.values()) {
            assertThat(l.profitUsd()).isCloseTo(l.bonusUsd() - l.slippageUsd() - l.flashFeeUsd() - l.gasUsd(),
                    within(1e-9));
            assertThat(l.capital(ETHEREUM, USDC)).isCloseTo(expectedCapital.get(l.profile().id()), within(1e-6));
            assertThat(l.capital(ETHEREUM, USDC)).isGreaterThanOrEqualTo(-1e-6);
        }
    }

    /** Counts the quotes it makes; its pairs' state is {@code version[0]} (the venues of a pair "trade" when it grows). */
    private static SaleQuotes counting(int[] quotes, long[] version) {
        return new SaleQuotes() {
            @Override
            public double proceeds(Market market, AssetId in, AssetId out, double amount) {
                quotes[0]++;
                return amount <= 0 ? 0 : LiquidatorTest.proceeds(amount);
            }

            @Override
            public long stateVersion(Market market, AssetId in, AssetId out) {
                return version[0];
            }
        };
    }

    @Test
    void rememberedQuotesGiveTheSamePlansWithOneSearchPerCapAndFunding() {
        // Three liquidators that differ only in their tip (so in gas) and one with less capital: the size search
        // depends on the cap and the funding, not on gas, so the second only reads what the first quoted.
        int[] quotes = {0};
        SaleQuotes counting = counting(quotes, new long[] {7});
        Liquidator shared = new Liquidator(new RememberedQuotes(counting).round(0));
        LiquidationOpportunity o = opportunity(1e6, FlashLoanTerms.NONE, 0);
        List<LiquidatorLedger> ledgers = List.of(new LiquidatorLedger(profile("a", 1e7, false, 1, 0, 1, 0)),
                new LiquidatorLedger(profile("b", 1e7, false, 40, 0, 1, 0)),
                new LiquidatorLedger(profile("c", 50_000, false, 1, 0, 1, 0)));
        int[] made = new int[ledgers.size()];
        for (int k = 0; k < ledgers.size(); k++) {
            int before = quotes[0];
            Optional<LiquidationPlan> withShared = shared.plan(ledgers.get(k), o, MARKET, PRICES, 0);
            made[k] = quotes[0] - before;
            assertThat(withShared).as("liquidator %d", k)
                    .isEqualTo(new Liquidator(counting).plan(ledgers.get(k), o, MARKET, PRICES, 0));
        }
        assertThat(made[0]).as("the first searches").isGreaterThan(10);
        assertThat(made[1]).as("the second, same cap and funding, quotes nothing new").isZero();
        assertThat(made[2]).as("a smaller cap is searched afresh").isGreaterThan(1);
    }

    @Test
    void rememberedQuotesServeEveryPositionOfAMarketAndTheNextBlockUntilItsVenuesTrade() {
        // Bob's position is Alice's market (same assets, same collateral per debt K) and the same cap: what was
        // quoted for Alice's is Bob's too. At another collateral per debt the marginal rate that stops the sale is
        // another one, so the search runs again. In the next round nothing is quoted again while the pair's state
        // stands; once its venues trade, everything is.
        int[] quotes = {0};
        long[] version = {3};
        SaleQuotes counting = counting(quotes, version);
        RememberedQuotes remembered = new RememberedQuotes(counting);
        LiquidatorLedger ledger = new LiquidatorLedger(profile("a", 1e7, false, 1, 0, 1, 0));
        LiquidationOpportunity alice = opportunity(1e6, FlashLoanTerms.NONE, 0);
        LiquidationOpportunity bob = new LiquidationOpportunity(ProtocolId.of("lender"), AccountId.of("bob"), ETHEREUM,
                USDC, ETH, 1e6, K, 1e9, FlashLoanTerms.NONE, 300_000, 0);
        LiquidationOpportunity carol = new LiquidationOpportunity(ProtocolId.of("lender"), AccountId.of("carol"),
                ETHEREUM, USDC, ETH, 1e6, K * 1.01, 1e9, FlashLoanTerms.NONE, 300_000, 0);
        Liquidator first = new Liquidator(remembered.round(0));
        assertThat(first.plan(ledger, alice, MARKET, PRICES, 0)).as("Alice's is planned").isPresent();
        int before = quotes[0];
        Optional<LiquidationPlan> bobs = first.plan(ledger, bob, MARKET, PRICES, 0);
        assertThat(quotes[0] - before).as("Bob's sale is Alice's").isZero();
        assertThat(bobs).isEqualTo(new Liquidator(counting).plan(ledger, bob, MARKET, PRICES, 0));
        before = quotes[0];
        Optional<LiquidationPlan> carols = first.plan(ledger, carol, MARKET, PRICES, 0);
        assertThat(quotes[0] - before).as("Carol's collateral per debt is searched afresh").isGreaterThan(10);
        assertThat(carols).isEqualTo(new Liquidator(counting).plan(ledger, carol, MARKET, PRICES, 0));

        before = quotes[0];
        assertThat(new Liquidator(remembered.round(1)).plan(ledger, alice, MARKET, PRICES, 1)).as("next round")
                .isEqualTo(new Liquidator(counting).plan(ledger, alice, MARKET, PRICES, 1));
        assertThat(quotes[0] - before).as("the fresh plan's own quotes only").isGreaterThan(10);
        before = quotes[0];
        new Liquidator(remembered.round(2)).plan(ledger, alice, MARKET, PRICES, 2);
        assertThat(quotes[0] - before).as("the venues stand: nothing quoted again").isZero();
        version[0]++;
        before = quotes[0];
        new Liquidator(remembered.round(3)).plan(ledger, alice, MARKET, PRICES, 3);
        assertThat(quotes[0] - before).as("the venues traded: searched again").isGreaterThan(10);
    }

    @Test
    void theLedgerCountsWhatItBooks() {
        LiquidatorLedger ledger = new LiquidatorLedger(profile("a", 1e6, false, 1, 0, 1, 0));
        long before = ledger.version();
        LiquidationPlan plan = Liquidator.DEFAULT.plan(ledger, opportunity(10_000, FlashLoanTerms.NONE, 0), MARKET,
                PRICES, 0).orElseThrow();
        assertThat(ledger.version()).as("planning books nothing").isEqualTo(before);
        ledger.record(plan, 1);
        assertThat(ledger.version()).isGreaterThan(before);
    }

    @Test
    void inventoryValueIsRememberedPerPricesObjectUntilSomethingIsBooked() {
        LiquidatorLedger ledger = new LiquidatorLedger(profile("a", 1e6, false, 1, 0, 1, 1e9));
        LiquidationOpportunity o = opportunity(10_000, FlashLoanTerms.NONE, 0);
        ledger.record(new LiquidationPlan("a", o, 2000, 1.05, LiquidationPlan.Funding.OWN_CAPITAL,
                LiquidationPlan.Disposal.HOLD, 0, 100, 0, 0, 0, 0, 1), 1);
        int[] asked = {0};
        UsdPrices counting = a -> {
            asked[0]++;
            return PRICES.usd(a);
        };
        assertThat(ledger.inventoryUsd(counting)).isCloseTo(1.05 * 2000, within(1e-9));
        int first = asked[0];
        assertThat(ledger.inventoryUsd(counting)).isCloseTo(1.05 * 2000, within(1e-9));
        assertThat(asked[0]).as("the same prices, nothing booked: remembered").isEqualTo(first);
        ledger.record(new LiquidationPlan("a", o, 1000, 0.5, LiquidationPlan.Funding.OWN_CAPITAL,
                LiquidationPlan.Disposal.HOLD, 0, 50, 0, 0, 0, 0, 1), 2);
        assertThat(ledger.inventoryUsd(counting)).as("booked since: valued again").isCloseTo(1.55 * 2000,
                within(1e-9));
        UsdPrices lower = a -> a.equals(ETH) ? 1000 : 1;
        assertThat(ledger.inventoryUsd(lower)).as("other prices: valued at them").isCloseTo(1.55 * 1000,
                within(1e-9));
    }

    @Test
    void badInputIsRejectedWithTheRule() {
        assertThatThrownBy(() -> opportunity(-1, FlashLoanTerms.NONE, 0)).hasMessageContaining("maxRepay must be");
        assertThatThrownBy(() -> opportunity(Double.NaN, FlashLoanTerms.NONE, 0)).hasMessageContaining("maxRepay");
        assertThatThrownBy(() -> new FlashLoanTerms(true, -0.1)).hasMessageContaining("flash loan fee rate");
        assertThatThrownBy(() -> profile("a", -5, false, 1, 0, 1, 0)).hasMessageContaining("capital of USDC");
        assertThatThrownBy(() -> profile("a", 5, false, 1, 0, 1.5, 0)).hasMessageContaining("maxSlippageShareOfBonus");
        assertThatThrownBy(() -> profile("a", 5, false, 1, -1, 1, 0)).hasMessageContaining("reactionLatencyBlocks");
        assertThatThrownBy(() -> profile(" ", 5, false, 1, 0, 1, 0)).hasMessageContaining("id must not be blank");
    }
}
