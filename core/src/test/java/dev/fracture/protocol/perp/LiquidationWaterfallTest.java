package dev.fracture.protocol.perp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.market.OrderBook;
import dev.fracture.model.AccountId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The waterfall on hand-built cases. Trader: 30,000 USD cross collateral, long 10 BTC at 50,000, BTC at 20x
 * (maintenance 2.5%), no partial liquidation unless stated.
 */
class LiquidationWaterfallTest {
    static final PerpMarket BTC = PerpFixtures.flat("BTC", 20);
    static final PerpMarkets MARKETS = PerpMarkets.of(List.of(BTC));
    static final PerpAccount TRADER = PerpFixtures.account("trader", 30_000, PerpPosition.cross("BTC", 10, 50_000));
    static final double[][] NONE = {};
    static final double[][] ASKS = {{60_000, 100}};

    static Map<String, OrderBook> books(double[][] bids) {
        return Map.of("BTC", PerpFixtures.book("BTC", bids, ASKS, 0));
    }

    @Test
    void healthyAccountIsLeftAlone() {
        // Mark 49,000: V = 30,000 − 10,000 = 20,000 ≥ MM = 490,000 × 2.5% = 12,250.
        PerpLiquidationResult r = PerpLiquidation.DEFAULT.liquidateCross(TRADER, MARKETS, Marks.of("BTC", 49_000),
                books(new double[][] {{48_900, 100}}), new Backstop(0, 0), List.of());
        assertThat(r.liquidated()).isFalse();
        assertThat(r.accountAfter()).isEqualTo(TRADER);
    }

    @Test
    void bookAbsorbsEverythingAndTheTraderKeepsTheRest() {
        // Mark 47,500: V = 30,000 − 25,000 = 5,000 < MM 11,875. Sell 10 at 47,400: realized 10 × (−2,600);
        // collateral 4,000 remains with the trader; the makers bought 100 below mark: +1,000.
        PerpLiquidationResult r = PerpLiquidation.DEFAULT.liquidateCross(TRADER, MARKETS, Marks.of("BTC", 47_500),
                books(new double[][] {{47_400, 20}}), new Backstop(1e9, 1e6), List.of());
        assertThat(r.bookFills()).singleElement().satisfies(f -> {
            assertThat(f.size()).isEqualTo(-10);
            assertThat(f.averagePrice()).isEqualTo(47_400);
        });
        assertThat(r.accountAfter().positions()).isEmpty();
        assertThat(r.accountAfter().crossCollateral()).isCloseTo(4_000, within(1e-9));
        assertThat(r.vaultTakeovers()).isEmpty();
        assertThat(r.liquidatedNotional()).isCloseTo(475_000, within(1e-9));
        assertThat(r.ledger().trader()).isCloseTo(-1_000, within(1e-9));
        assertThat(r.ledger().bookMakers()).isCloseTo(1_000, within(1e-9));
        assertThat(r.ledger().sum()).isCloseTo(0, within(1e-9));
    }

    @Test
    void partialLiquidationSendsTwentyPercentAndStopsWhenTheAccountIsAboveTheBackstopLine() {
        // Hyperliquid rule on a 480k position: 20% (2 BTC) to the book. Mark 48,000: V = 10,000 < MM 12,000.
        // Sold 2 at 48,000: collateral 30,000 − 4,000 = 26,000; 8 left, V = 10,000 ≥ 2/3 × 9,600.
        PerpMarkets hl = PerpMarkets.of(List.of(PerpMarket.hyperliquid("BTC", BTC.tiers())));
        PerpLiquidationResult r = PerpLiquidation.DEFAULT.liquidateCross(TRADER, hl, Marks.of("BTC", 48_000),
                books(new double[][] {{48_000, 100}}), new Backstop(1e9, 1e6), List.of());
        assertThat(r.bookFills()).singleElement().satisfies(f -> assertThat(f.size()).isCloseTo(-2, within(1e-12)));
        assertThat(r.accountAfter().positions()).singleElement()
                .satisfies(p -> assertThat(p.size()).isCloseTo(8, within(1e-12)));
        assertThat(r.accountAfter().crossCollateral()).isCloseTo(26_000, within(1e-9));
        assertThat(r.vaultTakeovers()).isEmpty();
    }

    @Test
    void vaultTakesOverAtTheBankruptcyPriceWhenTheBookIsEmpty() {
        // Mark 47,500, V = 5,000 < 2/3 × 11,875. No bids. The vault takes all 10 with the collateral: entry at the
        // bankruptcy price 47,500 − 5,000 / 10 = 47,000; it gains the 5,000 maintenance buffer.
        PerpLiquidationResult r = PerpLiquidation.DEFAULT.liquidateCross(TRADER, MARKETS, Marks.of("BTC", 47_500),
                books(NONE), new Backstop(1e9, 0), List.of());
        assertThat(r.bookFills()).isEmpty();
        assertThat(r.vaultTakeovers()).containsExactly(new VaultTakeover("BTC", 10, 47_000, false));
        assertThat(r.ledger().vault()).isCloseTo(5_000, within(1e-9));
        assertThat(r.insuranceFundUsed()).isZero();
        assertThat(r.accountAfter().positions()).isEmpty();
        assertThat(r.accountAfter().crossCollateral()).isZero();
        assertThat(r.backstopAfter().vaultCapacityNotional()).isCloseTo(1e9 - 475_000, within(1e-6));
    }

    @Test
    void insuranceFundRepaysTheVaultForABankruptAccount() {
        // Mark 46,000: V = 30,000 − 40,000 = −10,000. Vault takes 10 at 46,000 + 1,000 = 47,000 (10,000 under water
        // at the mark); the fund pays it 10,000 and keeps 15,000.
        PerpLiquidationResult r = PerpLiquidation.DEFAULT.liquidateCross(TRADER, MARKETS, Marks.of("BTC", 46_000),
                books(NONE), new Backstop(1e9, 25_000), List.of());
        assertThat(r.vaultTakeovers()).containsExactly(new VaultTakeover("BTC", 10, 47_000, false));
        assertThat(r.insuranceFundUsed()).isCloseTo(10_000, within(1e-9));
        assertThat(r.backstopAfter().insuranceFund()).isCloseTo(15_000, within(1e-9));
        assertThat(r.ledger().vault()).isCloseTo(0, within(1e-9));
        assertThat(r.ledger().trader()).isCloseTo(10_000, within(1e-9));
        assertThat(r.adlFills()).isEmpty();
    }

    /** Shorts opposite the trader at mark 46,000. */
    static PerpAccount shortA() {
        // uPnL 5 × 4,000 = 20,000; profit 20,000 / 250,000 = 0.08; value 40,000; leverage 230,000 / 40,000 = 5.75;
        // score 0.46.
        return PerpFixtures.account("A", 20_000, PerpPosition.cross("BTC", -5, 50_000));
    }

    static PerpAccount shortB() {
        // uPnL 4 × 2,000 = 8,000; profit 8,000 / 192,000 = 0.041667; value 13,000; leverage 184,000 / 13,000 =
        // 14.1538; score 0.589744.
        return PerpFixtures.account("B", 5_000, PerpPosition.cross("BTC", -4, 48_000));
    }

    @Test
    void adlRanksByProfitTimesLeverage() {
        Marks m = Marks.of("BTC", 40_000);
        // At 40,000: A' 10,000/50,000 × 40,000/20,000 = 0.4; B' 8,000/88,000 × 80,000/12,000 = 0.60606;
        // C' 10,000/30,000 × 20,000/40,000 = 0.16667; D' is losing, E' is on the same side as a short bankrupt.
        List<PerpAccount> accounts = List.of(
                PerpFixtures.account("A'", 10_000, PerpPosition.cross("BTC", -1, 50_000)),
                PerpFixtures.account("B'", 4_000, PerpPosition.cross("BTC", -2, 44_000)),
                PerpFixtures.account("C'", 30_000, PerpPosition.cross("BTC", -0.5, 60_000)),
                PerpFixtures.account("D'", 10_000, PerpPosition.cross("BTC", -1, 39_000)),
                PerpFixtures.account("E'", 10_000, PerpPosition.cross("BTC", 1, 30_000)));
        List<AdlRanking.Entry> queue = AdlRanking.DEFAULT.queue(accounts, "BTC", 10, m);
        assertThat(queue).extracting(e -> e.account().value()).containsExactly("B'", "A'", "C'");
        assertThat(queue.get(0).score()).isCloseTo(8_000.0 / 88_000 * 80_000 / 12_000, within(1e-12));
        assertThat(queue.get(1).score()).isCloseTo(0.4, within(1e-12));
        assertThat(queue.get(2).score()).isCloseTo(1.0 / 6, within(1e-12));
    }

    /**
     * The counterparties come back as the very list given when none changed (the engine then replaces the one account
     * without copying tens of thousands), and as a new unmodifiable list, the given one untouched, when ADL changed
     * some.
     */
    @Test
    void theCounterpartiesAreCopiedOnlyWhenOneChanges() {
        List<PerpAccount> bystanders = new java.util.ArrayList<>(List.of(shortA(), shortB()));
        PerpLiquidationResult byBook = PerpLiquidation.DEFAULT.liquidateCross(TRADER, MARKETS, Marks.of("BTC", 47_500),
                books(new double[][] {{47_400, 20}}), new Backstop(1e9, 1e6), bystanders);
        assertThat(byBook.adlFills()).isEmpty();
        assertThat(byBook.counterpartiesAfter()).isSameAs(bystanders);

        PerpLiquidationResult byAdl = PerpLiquidation.DEFAULT.liquidateCross(TRADER, MARKETS, Marks.of("BTC", 46_000),
                books(NONE), new Backstop(1e9, 4_000), bystanders);
        assertThat(byAdl.adlFills()).hasSize(2);
        assertThat(byAdl.counterpartiesAfter()).isNotSameAs(bystanders).hasSize(2);
        assertThat(bystanders).containsExactly(shortA(), shortB());
        assertThatThrownBy(() -> byAdl.counterpartiesAfter().set(0, shortA()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void adlClosesRankedCounterpartiesAtTheBankruptcyPriceWhenVaultAndFundRunOut() {
        // Mark 46,000, V = −10,000, no bids. Fund 4,000 limits the vault to φ = 0.4: 4 BTC at 47,000, fund pays 4,000.
        // Rest: 6 BTC with −6,000: bankruptcy price 46,000 + 6,000 / 6 = 47,000. B (score 0.590) closes all 4,
        // A (0.46) closes 2, each 1,000 per BTC worse than the mark: B −4,000, A −2,000.
        PerpLiquidationResult r = PerpLiquidation.DEFAULT.liquidateCross(TRADER, MARKETS, Marks.of("BTC", 46_000),
                books(NONE), new Backstop(1e9, 4_000), List.of(shortA(), shortB()));
        assertThat(r.vaultTakeovers()).singleElement().satisfies(v -> {
            assertThat(v.size()).isCloseTo(4, within(1e-12));
            assertThat(v.price()).isCloseTo(47_000, within(1e-9));
        });
        assertThat(r.insuranceFundUsed()).isCloseTo(4_000, within(1e-9));
        assertThat(r.adlFills()).hasSize(2);
        assertThat(r.adlFills().get(0).counterparty()).isEqualTo(AccountId.of("B"));
        assertThat(r.adlFills().get(0).size()).isCloseTo(-4, within(1e-12));
        assertThat(r.adlFills().get(0).price()).isCloseTo(47_000, within(1e-9));
        assertThat(r.adlFills().get(0).rankScore()).isCloseTo(8_000.0 / 192_000 * 184_000 / 13_000, within(1e-12));
        assertThat(r.adlFills().get(1).counterparty()).isEqualTo(AccountId.of("A"));
        assertThat(r.adlFills().get(1).size()).isCloseTo(-2, within(1e-12));
        // A: short 3 left, collateral 20,000 + 2 × (50,000 − 47,000) = 26,000; B: closed, 5,000 + 4 × 1,000 = 9,000.
        PerpAccount a = r.counterpartiesAfter().get(0);
        PerpAccount b = r.counterpartiesAfter().get(1);
        assertThat(a.positions()).singleElement().satisfies(p -> assertThat(p.size()).isCloseTo(-3, within(1e-12)));
        assertThat(a.crossCollateral()).isCloseTo(26_000, within(1e-9));
        assertThat(b.positions()).isEmpty();
        assertThat(b.crossCollateral()).isCloseTo(9_000, within(1e-9));
        assertThat(r.ledger().adlCounterparties()).isCloseTo(-6_000, within(1e-9));
        assertThat(r.socializedLoss()).isZero();
        assertThat(r.ledger().sum()).isCloseTo(0, within(1e-9));
    }

    @Test
    void bookFillsStopAtTheBankruptcyPrice() {
        // Mark 47,500, V = 5,000: bankruptcy price 47,500 − 5,000 / 10 = 47,000. Bids 3 at 47,400 and 20 at 46,000:
        // only the 3 above 47,000 fill. Collateral 30,000 − 3 × 2,600 = 22,200; 7 left, V = 22,200 − 17,500 =
        // 4,700 < 2/3 × 8,312.5: the vault takes 7 at 47,500 − 4,700 / 7 and gains the 4,700.
        PerpLiquidationResult r = PerpLiquidation.DEFAULT.liquidateCross(TRADER, MARKETS, Marks.of("BTC", 47_500),
                books(new double[][] {{47_400, 3}, {46_000, 20}}), new Backstop(1e9, 0), List.of());
        assertThat(r.bookFills()).singleElement().satisfies(f -> {
            assertThat(f.size()).isCloseTo(-3, within(1e-12));
            assertThat(f.averagePrice()).isEqualTo(47_400);
        });
        assertThat(r.vaultTakeovers()).singleElement().satisfies(v -> {
            assertThat(v.size()).isCloseTo(7, within(1e-12));
            assertThat(v.price()).isCloseTo(47_500 - 4_700 / 7.0, within(1e-9));
        });
        assertThat(r.ledger().bookMakers()).isCloseTo(300, within(1e-9));
        assertThat(r.ledger().vault()).isCloseTo(4_700, within(1e-9));
        assertThat(r.ledger().trader()).isCloseTo(-5_000, within(1e-9));
    }

    @Test
    void everyStageInOrderEndingInSocializedLoss() {
        // Mark 46,000, V = −10,000; bids 1 at 45,000. Vault capacity 92,000 (2 BTC), fund 4,000; counterparties B
        // and a bystander C (3,000 cash, no position).
        // 1. Book: the bankruptcy price 46,000 + 10,000 / 10 = 47,000 is above every bid: no fill.
        // 2. Vault: φ = min(92,000 / 460,000, 4,000 / 10,000) = 0.2: 2 BTC, share value −2,000, entry 47,000.
        // 3. Fund: repays the vault 2,000, then covers 2,000 of the rest's −8,000, leaving −6,000 on 8 BTC.
        // 4. ADL at 46,000 + 6,000 / 8 = 46,750: B closes 4 (−4 × 750 = −3,000); B's cash 5,000 + 4 × 1,250.
        // 5. 4 BTC left with −3,000: to the vault at the mark; 3,000 socialized over B (10,000) and C (3,000):
        //    2,307.69 and 692.31.
        PerpAccount bystander = PerpFixtures.account("C", 3_000);
        PerpLiquidationResult r = PerpLiquidation.DEFAULT.liquidateCross(TRADER, MARKETS, Marks.of("BTC", 46_000),
                books(new double[][] {{45_000, 1}}), new Backstop(92_000, 4_000), List.of(shortB(), bystander));
        assertThat(r.bookFills()).isEmpty();
        assertThat(r.vaultTakeovers()).hasSize(2);
        assertThat(r.vaultTakeovers().get(0).size()).isCloseTo(2, within(1e-12));
        assertThat(r.vaultTakeovers().get(0).price()).isCloseTo(47_000, within(1e-9));
        assertThat(r.vaultTakeovers().get(1)).satisfies(v -> {
            assertThat(v.size()).isCloseTo(4, within(1e-12));
            assertThat(v.price()).isEqualTo(46_000);
            assertThat(v.residual()).isTrue();
        });
        assertThat(r.insuranceFundUsed()).isCloseTo(4_000, within(1e-9));
        assertThat(r.backstopAfter().insuranceFund()).isCloseTo(0, within(1e-9));
        assertThat(r.adlFills()).singleElement().satisfies(f -> {
            assertThat(f.size()).isCloseTo(-4, within(1e-12));
            assertThat(f.price()).isCloseTo(46_750, within(1e-9));
        });
        assertThat(r.socializedLoss()).isCloseTo(3_000, within(1e-9));
        assertThat(r.counterpartiesAfter().get(0).crossCollateral()).isCloseTo(10_000 - 30_000.0 / 13, within(1e-9));
        assertThat(r.counterpartiesAfter().get(1).crossCollateral()).isCloseTo(3_000 - 9_000.0 / 13, within(1e-9));
        assertThat(r.liquidatedNotional()).isCloseTo(460_000, within(1e-6));
        PerpLedger l = r.ledger();
        assertThat(l.trader()).isCloseTo(10_000, within(1e-9));
        assertThat(l.bookMakers()).isZero();
        assertThat(l.vault()).isCloseTo(0, within(1e-9));
        assertThat(l.insuranceFund()).isCloseTo(-4_000, within(1e-9));
        assertThat(l.adlCounterparties()).isCloseTo(-3_000, within(1e-9));
        assertThat(l.socialized()).isCloseTo(-3_000, within(1e-9));
        assertThat(l.sum()).isCloseTo(0, within(1e-9));
    }

    @Test
    void isolatedLiquidationLeavesTheCrossScopeAlone() {
        // Isolated long 1 BTC at 50,000 with 3,000 margin; mark 48,000: V = 1,000 < MM 1,200. The book takes it
        // all at 47,900: margin 3,000 − 2,100 = 900 returns to the cross collateral, 7,000 + 900 = 7,900.
        PerpAccount a = PerpFixtures.account("iso", 7_000, PerpPosition.isolated("BTC", 1, 50_000, 3_000));
        PerpLiquidationResult r = PerpLiquidation.DEFAULT.liquidateIsolated(a, "BTC", MARKETS,
                Marks.of("BTC", 48_000), books(new double[][] {{47_900, 5}}), new Backstop(0, 0), List.of());
        assertThat(r.accountAfter().positions()).isEmpty();
        assertThat(r.accountAfter().crossCollateral()).isCloseTo(7_900, within(1e-9));
        assertThat(r.ledger().sum()).isCloseTo(0, within(1e-9));
    }
}
