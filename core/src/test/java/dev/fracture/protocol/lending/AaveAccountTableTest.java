package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.agent.FlashLoanTerms;
import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.Opportunities;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accounts held as arrays against the accounts as records: every answer the arrays give — the account itself, the
 * contract's account data, the collateral and debt a liquidator targets, what the liquidation call reads and the
 * opportunity made of it, the balances in tokens — is the records' answer, whose account data is the contract's
 * formula in unbounded integers ({@link AaveHealth#exactAccountData}); where the arrays give none, the records' own
 * fixed-width form gives none either, or the account is one the arrays keep as its record.
 */
class AaveAccountTableTest {
    private static final AssetId WETH = AssetId.of("WETH");
    private static final AssetId USDC = AssetId.of("USDC");
    private static final BigInteger TWO_127 = BigInteger.ONE.shiftLeft(127);
    private static final ProtocolId POOL = ProtocolId.of("aave-test");
    private static final ChainId CHAIN = ChainId.of("ethereum");

    static LongStream seeds() {
        return LongStream.range(0, 12).map(s -> 0x7AB1E_000L + s * 104_729);
    }

    private static final int[] DECIMALS = {6, 8, 18, 18, 12, 6};
    /** Each reserve's price (8 decimals) about which the rounds' prices move: 1, 30,000, 2,000, 0.01, 50 and 1 USD. */
    private static final long[] BASE_PRICES = {100_000_000L, 3_000_000_000_000L, 200_000_000_000L, 1_000_000L,
            5_000_000_000L, 100_000_000L};

    /** A market of six reserves (one with a zero threshold) and two e-mode categories. */
    private static AaveMarket market(SplittableRandom random) {
        int[] decimals = DECIMALS;
        List<AaveReserveConfig> reserves = new ArrayList<>();
        for (int a = 0; a < decimals.length; a++) {
            int lt = a == 5 ? 0 : random.nextInt(5_000, 9_300);
            int ltv = lt == 0 || random.nextInt(5) == 0 ? 0 : lt - random.nextInt(0, 1_000);
            int bonus = lt == 0 ? 0 : random.nextInt(10_100, Math.min(11_500, 100_000_000 / lt) + 1);
            reserves.add(new AaveReserveConfig(AssetId.of("R" + a), decimals[a], ltv, lt, bonus,
                    random.nextInt(0, 2_000), 0, 0, 0, true, a < 2 ? 1 : a < 4 ? 2 : 0));
        }
        return AaveMarket.of(reserves, List.of(new AaveEModeCategory(1, 9_000, 9_300, 10_100),
                new AaveEModeCategory(2, 0, 9_600, 10_200)));
    }

    /** Each reserve's price at 0.5 to 1.5 times its base, now and then one left out. */
    private static AavePrices prices(SplittableRandom random, boolean leaveOneOut) {
        Map<AssetId, Long> prices = new HashMap<>();
        for (int a = 0; a < BASE_PRICES.length; a++) {
            prices.put(AssetId.of("R" + a), (long) (BASE_PRICES[a] * random.nextDouble(0.5, 1.5)));
        }
        if (leaveOneOut) {
            prices.remove(AssetId.of("R" + random.nextInt(6)));
        }
        return new AavePrices(prices);
    }

    /**
     * An account of 1 to 4 collaterals and 0 to 3 debts over the market's reserves, of every kind the arrays meet:
     * balances of 0 to 126 bits (now and then exactly zero, now and then 127 bits and more), collateral not enabled,
     * e-mode, equal holdings (first among equals), and now and then a reserve the market does not have.
     */
    private static AaveAccount account(SplittableRandom random, int n) {
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
        java.util.Collections.shuffle(order, new Random(random.nextLong()));
        int nc = random.nextInt(1, 5);
        int nd = random.nextInt(0, 4);
        boolean equalHoldings = random.nextInt(6) == 0;
        BigInteger same = balance(random, 2);
        List<AaveCollateral> collaterals = new ArrayList<>();
        for (int k = 0; k < nc; k++) {
            int a = order.get(k);
            collaterals.add(new AaveCollateral(AssetId.of("R" + a), equalHoldings ? same : balance(random, a),
                    random.nextInt(8) != 0));
        }
        List<AaveDebt> debts = new ArrayList<>();
        for (int k = 0; k < nd; k++) {
            int a = order.get(5 - k);
            debts.add(new AaveDebt(AssetId.of("R" + a), equalHoldings ? same : balance(random, a)));
        }
        if (random.nextInt(40) == 0) {
            debts.add(new AaveDebt(AssetId.of("UNLISTED"), BigInteger.TEN));
        }
        return new AaveAccount(AccountId.of("acct-" + n), random.nextInt(4) == 0 ? random.nextInt(1, 3) : 0,
                collaterals, debts);
    }

    private static List<AaveAccount> accounts(SplittableRandom random, int count) {
        List<AaveAccount> records = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            records.add(account(random, n));
        }
        return records;
    }

    /**
     * A balance of reserve {@code a}: mostly worth 100 USD to 100 million USD at its base price; now and then zero,
     * 2^127 and more, just below 2^127, or any width of 10 to 90 bits (across both words, and often past the words'
     * range of values).
     */
    private static BigInteger balance(SplittableRandom random, int a) {
        int kind = random.nextInt(30);
        if (kind == 0) {
            return BigInteger.ZERO;
        }
        if (kind == 1) {
            return TWO_127.add(BigInteger.valueOf(random.nextInt(1_000)));
        }
        if (kind == 2) {
            return TWO_127.subtract(BigInteger.ONE);
        }
        if (kind < 5) {
            return new BigInteger(random.nextInt(10, 91), new Random(random.nextLong())).add(BigInteger.ONE);
        }
        return RandomAave.amountWorth(random, BASE_PRICES[a], DECIMALS[a], 1e2, 1e8);
    }

    /** A seed's random market, its 300 random accounts and their table, and the generator to draw on from. */
    private record Drawn(SplittableRandom random, AaveMarket market, List<AaveAccount> records,
                         AaveAccountTable table) {
        static Drawn of(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            AaveMarket market = AaveAccountTableTest.market(random);
            List<AaveAccount> records = accounts(random, 300);
            return new Drawn(random, market, records, new AaveAccountTable(market, records));
        }
    }

    /**
     * The words and reserve indices a book digests an account by ({@code AaveBook.digest}) are the record's: each
     * balance read as two words is the record's balance, each reserve index names the record's asset — on the same
     * random accounts as below, with zero balances; an account the arrays cannot hold (a balance of 2^127 or more, an
     * unlisted reserve) is digested from its record.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void theWordsAndReservesReadAreTheRecordsBalancesAndAssets(long seed) {
        Drawn drawn = Drawn.of(seed);
        List<AaveAccount> records = drawn.records();
        AaveAccountTable table = drawn.table();
        int read = 0;
        for (int i = 0; i < records.size(); i++) {
            AaveAccount record = records.get(i);
            for (int j = 0; j < record.collaterals().size(); j++) {
                AaveCollateral c = record.collaterals().get(j);
                if (!table.isWide(i)) {
                    read++;
                    assertThat(table.reserveAsset(table.collateralReserve(i, j))).isEqualTo(c.asset());
                    assertThat(UnsignedWide.toBigInteger(table.collateralHighWord(i, j), table.collateralLowWord(i, j)))
                            .as("%s collateral %d", record.id(), j).isEqualTo(c.balance());
                }
            }
            for (int j = 0; j < record.debts().size(); j++) {
                AaveDebt d = record.debts().get(j);
                if (!table.isWide(i)) {
                    read++;
                    assertThat(table.reserveAsset(table.debtReserve(i, j))).isEqualTo(d.asset());
                    assertThat(UnsignedWide.toBigInteger(table.debtHighWord(i, j), table.debtLowWord(i, j)))
                            .as("%s debt %d", record.id(), j).isEqualTo(d.balance());
                }
            }
        }
        assertThat(read).isGreaterThan(300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theArraysAnswerAsTheRecordsDo(long seed) {
        Drawn drawn = Drawn.of(seed);
        SplittableRandom random = drawn.random();
        AaveMarket market = drawn.market();
        List<AaveAccount> records = drawn.records();
        AaveAccountTable table = drawn.table();
        int answered = 0;
        int liquidatable = 0;
        int targeted = 0;
        int offered = 0;
        AaveAccountTable.OfferAmounts reused = new AaveAccountTable.OfferAmounts();
        for (int round = 0; round < 4; round++) {
            AavePrices prices = prices(random, round == 3);
            AaveAccountTable.Valuation valuation = table.valuation(market, prices);
            for (int i = 0; i < records.size(); i++) {
                AaveAccount record = records.get(i);
                assertThat(table.account(i)).isEqualTo(record);
                assertThat(table.id(i)).isEqualTo(record.id());
                AaveAccountData data = table.accountData(i, valuation);
                long healthFactor = table.healthFactor(i, valuation);
                if (data == null) {
                    assertThat(healthFactor).isEqualTo(AaveAccountTable.NO_ANSWER);
                    // No answer only where the records' fixed-width form has none or cannot be asked.
                    assertThat(table.isWide(i) || !pricesAll(prices, record)
                            || FixedWidthHealth.accountData(market, prices, record) == null)
                            .as("no answer for %s", record).isTrue();
                    continue;
                }
                answered++;
                assertThat(table.isWide(i)).isFalse();
                assertThat(data).as("%s", record)
                        .isEqualTo(AaveHealth.DEFAULT.exactAccountData(market, prices, record));
                // The factor in a word: the data's where it is below 2^63 (a factor of 9.2e18 and more: healthy).
                assertThat(healthFactor).as("%s", record).isEqualTo(data.healthFactor().bitLength() > 63
                        ? Long.MAX_VALUE : data.healthFactor().longValueExact());
                assertThat(AaveAccountTable.liquidatable(healthFactor)).isEqualTo(data.liquidatable());
                if (!data.liquidatable()) {
                    continue;
                }
                liquidatable++;
                int c = table.largestCollateral(i, valuation);
                int d = table.largestDebt(i, valuation);
                AssetId collateral = AaveTargets.largestCollateral(market, prices, record);
                AssetId debt = AaveTargets.largestDebt(market, prices, record);
                assertThat(c < 0 ? null : table.collateralAsset(i, c)).as("%s", record).isEqualTo(collateral);
                assertThat(d < 0 ? null : table.debtAsset(i, d)).as("%s", record).isEqualTo(debt);
                if (collateral == null || debt == null) {
                    continue;
                }
                targeted++;
                AaveLiquidation.Position position = table.position(i, c, d);
                assertThat(position).isEqualTo(AaveLiquidation.Position.of(record, collateral, debt));
                Optional<LiquidationOpportunity> expected = Opportunities.aave(POOL, CHAIN, market, prices, record,
                        collateral, debt, FlashLoanTerms.AAVE_V3, 400_000, 7);
                assertThat(Opportunities.aave(POOL, CHAIN, market, prices, position, data, collateral, debt,
                        FlashLoanTerms.AAVE_V3, 400_000, 7)).isEqualTo(expected);
                // The call's amounts in words: the same opportunity, or none from the words (then the book asks the
                // forms above). One holder for the whole loop, as the book reuses one.
                int offer = table.offer(i, c, d, healthFactor, valuation, reused);
                if (offer != AaveAccountTable.CANNOT_TELL) {
                    offered++;
                    LiquidationOpportunity fromWords = offer == AaveAccountTable.OFFERS
                            ? Opportunities.aaveOrNull(POOL, CHAIN, record.id(), collateral, debt, reused,
                            FlashLoanTerms.AAVE_V3, 400_000, 7) : null;
                    assertThat(fromWords).as("%s", record).isEqualTo(expected.orElse(null));
                }
            }
        }
        assertThat(answered).isGreaterThan(400);
        assertThat(liquidatable).isGreaterThan(100);
        // The words answer for nearly every account a liquidator targets (none past them here: see below).
        assertThat(offered).isGreaterThan(targeted * 9 / 10);
    }

    private static boolean pricesAll(AavePrices prices, AaveAccount a) {
        return a.collaterals().stream().allMatch(c -> prices.prices().containsKey(c.asset()))
                && a.debts().stream().allMatch(d -> prices.prices().containsKey(d.asset()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theTokensAreTheDecimalConversionsDoubleAndTheReservesTheMarketsInOrder(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AaveMarket market = market(random);
        List<AaveAccount> records = accounts(random, 200);
        AaveAccountTable table = new AaveAccountTable(market, records);
        // The reserves R0 … R5, indexed in the order of their ids.
        List<AssetId> sorted = market.reserves().keySet().stream().sorted().toList();
        assertThat(table.reserves()).isEqualTo(6);
        AavePrices prices = prices(random, true);
        AaveAccountTable.Valuation valuation = table.valuation(market, prices);
        for (int k = 0; k < sorted.size(); k++) {
            assertThat(valuation.price(k)).isEqualTo(prices.prices().getOrDefault(sorted.get(k), -1L));
        }
        for (int i = 0; i < records.size(); i++) {
            AaveAccount record = records.get(i);
            if (record.debts().stream().anyMatch(dd -> !market.reserves().containsKey(dd.asset()))) {
                continue;
            }
            for (int j = 0; j < record.collaterals().size(); j++) {
                AaveCollateral c = record.collaterals().get(j);
                assertThat(table.collateralTokens(i, j)).isEqualTo(new BigDecimal(c.balance(),
                        market.reserve(c.asset(), "test").decimals()).doubleValue());
                assertThat(table.usedAsCollateral(i, j)).isEqualTo(c.usedAsCollateral());
                assertThat(sorted.get(table.collateralReserve(i, j))).isEqualTo(c.asset());
            }
            for (int j = 0; j < record.debts().size(); j++) {
                AaveDebt d = record.debts().get(j);
                assertThat(table.debtTokens(i, j)).isEqualTo(new BigDecimal(d.balance(),
                        market.reserve(d.asset(), "test").decimals()).doubleValue());
                assertThat(sorted.get(table.debtReserve(i, j))).isEqualTo(d.asset());
            }
        }
    }

    @Test
    void aHealthFactorWorkedByHandFromTheArrays() {
        // 10 WETH (1e19 wei: past a signed word) at 2,000 USD, threshold 82.5%; 15,000 USDC of debt at 1 USD.
        RandomAave.Case c = RandomAave.tenWethAgainstFifteenThousandUsdc();
        AaveMarket market = c.market();
        AavePrices prices = c.prices();
        AaveAccount account = c.account();
        AaveAccountTable table = new AaveAccountTable(market, List.of(account));
        // Collateral 1e19 * 2e11 / 1e18 = 2e12 (20,000 USD); debt 1.5e10 * 1e8 / 1e6 = 1.5e12;
        // percentMul(2e12, 8250) = 1.65e12; wadDiv(1.65e12, 1.5e12) = 1.1e18: healthy.
        assertThat(table.accountData(0, table.valuation(market, prices))).isEqualTo(new AaveAccountData(
                BigInteger.valueOf(2_000_000_000_000L), BigInteger.valueOf(1_500_000_000_000L),
                BigInteger.valueOf(8000), BigInteger.valueOf(8250), new BigInteger("1100000000000000000"), false));
        // At 1,500 USD: collateral 1.5e12, percentMul(1.5e12, 8250) = 1.2375e12; / 1.5e12 = 0.825e18: liquidatable,
        // at or below 0.95 the whole debt may be repaid (close factor 100%).
        AavePrices lower = new AavePrices(Map.of(WETH, 150_000_000_000L, USDC, 100_000_000L));
        AaveAccountTable.Valuation v = table.valuation(market, lower);
        assertThat(table.accountData(0, v).healthFactor()).isEqualTo(new BigInteger("825000000000000000"));
        assertThat(table.position(0, table.largestCollateral(0, v), table.largestDebt(0, v))).isEqualTo(
                new AaveLiquidation.Position(AccountId.of("a"), 0, new BigInteger("10000000000000000000"), true,
                        new BigInteger("15000000000")));
    }

    @Test
    void anOfferWorkedByHandFromTheArrays() {
        // The account above at 1,500 USD: health factor 0.825e18 (close factor 100%), 15,000 USDC of debt.
        RandomAave.Case c = RandomAave.tenWethAgainstFifteenThousandUsdc();
        AaveAccountTable table = new AaveAccountTable(c.market(), List.of(c.account()));
        AaveAccountTable.Valuation v = table.valuation(c.market(),
                new AavePrices(Map.of(WETH, 150_000_000_000L, USDC, 100_000_000L)));
        long healthFactor = table.healthFactor(0, v);
        assertThat(healthFactor).isEqualTo(825_000_000_000_000_000L);
        // The debt buys 1e8 * 1.5e10 * 1e18 / (1.5e11 * 1e6) = 1e19 wei, 1.05e19 with the 5% bonus: more than the 10
        // WETH held, so all 1e19 is seized and repays (1.5e11 * 1e19 * 1e6 / (1e8 * 1e18)).percentDiv(10500)
        // = (1.5e10 * 1e4 + 5250) / 10500 = 14285714286 units: 14,285.714286 USDC; no protocol fee on WETH here.
        AaveAccountTable.OfferAmounts amounts = new AaveAccountTable.OfferAmounts();
        assertThat(table.offer(0, 0, 0, healthFactor, v, amounts)).isEqualTo(AaveAccountTable.OFFERS);
        assertThat(amounts.repayTokens()).isEqualTo(14_285.714286);
        assertThat(amounts.receivedTokens()).isEqualTo(10.0);
    }

    /**
     * A liquidation in the arrays is the record's liquidation ({@link AaveLiquidation#liquidate}, itself held to
     * hand-worked calls in {@code AaveLiquidationTest}): the same amounts in tokens and the same account after it —
     * emptied holdings dropped, the others in their order — call after call on the same accounts, with every kind of
     * cover (one unit, part of the debt, the whole debt, far more) and now and then an asset the account does not
     * hold. Where the arrays give no answer the account is left as it was, and the record's call either reverts or
     * is one the words cannot hold.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aLiquidationInTheArraysIsTheRecordsLiquidation(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AaveMarket market = market(random);
        List<AaveAccount> records = accounts(random, 300);
        AaveAccountTable table = new AaveAccountTable(market, records);
        int inPlace = 0;
        int dropped = 0;
        for (int round = 0; round < 6; round++) {
            // Prices below the base now and then, so that many accounts can be liquidated.
            AavePrices prices = prices(random, false);
            AaveAccountTable.Valuation valuation = table.valuation(market, prices);
            for (int i = 0; i < records.size(); i++) {
                AaveAccount before = table.account(i);
                if (before.collaterals().isEmpty() || before.debts().isEmpty()) {
                    continue;
                }
                AssetId collateral = random.nextInt(20) == 0 ? AssetId.of("R" + random.nextInt(6))
                        : before.collaterals().get(random.nextInt(before.collaterals().size())).asset();
                AaveDebt owed = before.debts().get(random.nextInt(before.debts().size()));
                BigInteger cover = switch (random.nextInt(4)) {
                    case 0 -> BigInteger.ONE;
                    case 1 -> owed.balance().shiftRight(random.nextInt(1, 8)).max(BigInteger.ONE);
                    case 2 -> owed.balance().max(BigInteger.ONE);
                    default -> owed.balance().shiftLeft(10).add(BigInteger.TEN);
                };
                AaveLiquidationResult expected;
                try {
                    expected = AaveLiquidation.DEFAULT.liquidate(market, prices, before, collateral, owed.asset(),
                            cover);
                } catch (IllegalArgumentException reverts) {
                    expected = null;
                }
                AaveAccountTable.Liquidated got = table.liquidate(i, collateral, owed.asset(), cover, valuation);
                if (got == null) {
                    assertThat(table.account(i)).as("untouched: %s", before).isEqualTo(before);
                    assertThat(expected == null || table.isWide(i) || !pricesAll(prices, before)
                            || FixedWidthHealth.accountData(market, prices, before) == null
                            || cover.bitLength() > 127 || owed.balance().bitLength() > 113
                            || before.collaterals().stream().anyMatch(c -> c.asset().equals(collateral)
                                    && (c.balance().bitLength() > 113 || c.balance().signum() == 0)))
                            .as("no answer for %s covering %s", before, cover).isTrue();
                    if (expected != null) {
                        table.set(i, expected.accountAfter());
                    }
                    continue;
                }
                inPlace++;
                assertThat(expected).as("%s: the record's call reverts", before).isNotNull();
                AaveReserveConfig debtReserve = market.reserves().get(owed.asset());
                AaveReserveConfig collateralReserve = market.reserves().get(collateral);
                assertThat(got).as("%s covering %s", before, cover).isEqualTo(new AaveAccountTable.Liquidated(
                        TokenAmounts.nearest(expected.debtRepaid(), debtReserve.decimals()),
                        TokenAmounts.nearest(expected.collateralToLiquidator(), collateralReserve.decimals())));
                AaveAccount after = expected.accountAfter();
                assertThat(table.account(i)).as("%s covering %s", before, cover).isEqualTo(after);
                if (after.collaterals().size() + after.debts().size()
                        < before.collaterals().size() + before.debts().size()) {
                    dropped++;
                }
                assertThat(table.hasCollateral(i)).isEqualTo(after.collaterals().stream()
                        .anyMatch(c -> c.usedAsCollateral() && c.balance().signum() > 0));
                assertThat(table.owesNothing(i)).isEqualTo(after.debts().stream()
                        .allMatch(d -> d.balance().signum() == 0));
            }
        }
        assertThat(inPlace).as("liquidations made in the arrays").isGreaterThan(100);
        assertThat(dropped).as("liquidations that emptied a holding").isGreaterThan(5);
    }

    @Test
    void aLiquidationWorkedByHandInTheArrays() {
        // The offer above, landed: 10 WETH at 1,500 USD against 15,000 USDC, covering the whole debt. All 1e19 wei
        // is seized (the WETH holding is emptied and dropped) and 14,285,714,286 units repaid, leaving
        // 15,000,000,000 - 14,285,714,286 = 714,285,714 units: 714.285714 USDC of debt and no collateral.
        RandomAave.Case c = RandomAave.tenWethAgainstFifteenThousandUsdc();
        AaveAccountTable table = new AaveAccountTable(c.market(), List.of(c.account()));
        AaveAccountTable.Valuation v = table.valuation(c.market(),
                new AavePrices(Map.of(WETH, 150_000_000_000L, USDC, 100_000_000L)));
        assertThat(table.liquidate(0, WETH, USDC, new BigInteger("15000000000"), v))
                .isEqualTo(new AaveAccountTable.Liquidated(14_285.714286, 10.0));
        assertThat(table.account(0)).isEqualTo(new AaveAccount(AccountId.of("a"), 0, List.of(),
                List.of(new AaveDebt(USDC, BigInteger.valueOf(714_285_714)))));
        assertThat(table.hasCollateral(0)).isFalse();
        assertThat(table.owesNothing(0)).isFalse();
        // Nothing left to seize: no answer, nothing changed (the record's call would take nothing either).
        assertThat(table.liquidate(0, WETH, USDC, BigInteger.ONE, v)).isNull();
        assertThat(table.debts(0)).isEqualTo(1);
    }

    @Test
    void aDebtPastTheWordsIsOfferedByTheRecordsForms() {
        // A debt of 2^113 units of an 18-decimal token at 1e-8 USD (about 104 million USD) against 50,000 WETH at
        // 2,000 USD: the health check answers in words (values of 2^62 and less in base currency) and finds the
        // account liquidatable, but the call's amounts leave the words: no offer, and the records' forms answer.
        AssetId tiny = AssetId.of("TINY");
        AaveMarket market = AaveMarket.of(List.of(AaveReserveConfig.of(WETH, 18, 8000, 8250, 10500),
                AaveReserveConfig.of(tiny, 18, 0, 0, 0)), List.of());
        AavePrices prices = new AavePrices(Map.of(WETH, 200_000_000_000L, tiny, 1L));
        AaveAccount account = new AaveAccount(AccountId.of("big"), 0,
                List.of(AaveCollateral.of(WETH, new BigInteger("50000000000000000000000"))),
                List.of(new AaveDebt(tiny, BigInteger.ONE.shiftLeft(113))));
        AaveAccountTable table = new AaveAccountTable(market, List.of(account));
        AaveAccountTable.Valuation v = table.valuation(market, prices);
        long healthFactor = table.healthFactor(0, v);
        assertThat(AaveAccountTable.liquidatable(healthFactor)).isTrue();
        assertThat(table.offer(0, 0, 0, healthFactor, v, new AaveAccountTable.OfferAmounts()))
                .isEqualTo(AaveAccountTable.CANNOT_TELL);
        Optional<LiquidationOpportunity> expected = Opportunities.aave(POOL, CHAIN, market, prices, account, WETH,
                tiny, FlashLoanTerms.AAVE_V3, 400_000, 7);
        assertThat(expected).isPresent();
        assertThat(Opportunities.aave(POOL, CHAIN, market, prices, table.position(0, 0, 0), table.accountData(0, v),
                WETH, tiny, FlashLoanTerms.AAVE_V3, 400_000, 7)).isEqualTo(expected);
    }

    @Test
    void aLiquidatedAccountIsHeldAgainAndOneThatNoLongerFitsIsKeptAsItsRecord() {
        AaveMarket market = AaveMarket.of(List.of(AaveReserveConfig.of(WETH, 18, 8000, 8250, 10500),
                AaveReserveConfig.of(USDC, 6, 7500, 7800, 10450)), List.of());
        AavePrices prices = new AavePrices(Map.of(WETH, 100_000_000_000L, USDC, 100_000_000L));
        // 1 WETH at 1,000 USD against 1,000 USDC: health factor 0.825, the whole debt may be repaid.
        AaveAccount account = new AaveAccount(AccountId.of("a"), 0,
                List.of(AaveCollateral.of(WETH, new BigInteger("1000000000000000000")),
                        AaveCollateral.of(USDC, BigInteger.valueOf(5_000_000))),
                List.of(new AaveDebt(USDC, new BigInteger("1000000000"))));
        AaveAccountTable table = new AaveAccountTable(market, List.of(account));
        AaveAccount after = AaveLiquidation.DEFAULT.liquidate(market, prices, account, WETH, USDC,
                new BigInteger("2000000000")).accountAfter();
        // All the WETH is seized: the account keeps its USDC collateral and what is left of its debt.
        assertThat(after.collaterals()).hasSize(1);
        table.set(0, after);
        assertThat(table.isWide(0)).isFalse();
        assertThat(table.account(0)).isEqualTo(after);
        assertThat(table.accountData(0, table.valuation(market, prices)))
                .isEqualTo(AaveHealth.DEFAULT.exactAccountData(market, prices, after));

        // More holdings than the first state had room for: kept as the record, answered from it.
        AaveAccount grown = new AaveAccount(AccountId.of("a"), 0, account.collaterals(),
                List.of(new AaveDebt(USDC, BigInteger.ONE), new AaveDebt(WETH, BigInteger.ONE)));
        table.set(0, grown);
        assertThat(table.isWide(0)).isTrue();
        assertThat(table.account(0)).isSameAs(grown);
        assertThat(table.debts(0)).isEqualTo(2);
        assertThat(table.debtAsset(0, 1)).isEqualTo(WETH);
        assertThat(table.accountData(0, table.valuation(market, prices))).isNull();
        // And back into the arrays once it fits again.
        table.set(0, after);
        assertThat(table.isWide(0)).isFalse();
        assertThat(table.account(0)).isEqualTo(after);

        assertThatThrownBy(() -> table.set(0, new AaveAccount(AccountId.of("b"), 0, List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("account table: slot 0 holds a, not b");
    }

    @Test
    void wideAccountsAreAnsweredFromTheirRecordsAndFailAsTheRecordsDo() {
        AaveMarket market = AaveMarket.of(List.of(AaveReserveConfig.of(WETH, 18, 8000, 8250, 10500),
                AaveReserveConfig.of(USDC, 6, 7500, 7800, 10450)), List.of());
        AavePrices prices = new AavePrices(Map.of(WETH, 100_000_000_000L, USDC, 100_000_000L));
        AaveAccount huge = new AaveAccount(AccountId.of("huge"), 0, List.of(AaveCollateral.of(WETH, TWO_127)),
                List.of(new AaveDebt(USDC, BigInteger.TEN)));
        AaveAccount unlisted = new AaveAccount(AccountId.of("unlisted"), 0, List.of(AaveCollateral.of(WETH,
                BigInteger.TEN)), List.of(new AaveDebt(AssetId.of("DAI"), BigInteger.TEN)));
        AaveAccount unknownCategory = new AaveAccount(AccountId.of("category"), 7, List.of(), List.of());
        AaveAccount under = new AaveAccount(AccountId.of("under"), 0,
                List.of(AaveCollateral.of(WETH, TWO_127.subtract(BigInteger.ONE))), List.of());
        // A reserve of 24 decimals: held in the arrays, but its values are past the words' form.
        AaveMarket wider = AaveMarket.of(List.of(AaveReserveConfig.of(WETH, 18, 8000, 8250, 10500),
                AaveReserveConfig.of(USDC, 6, 7500, 7800, 10450), AaveReserveConfig.of(AssetId.of("Y24"), 24, 0, 0,
                        0)), List.of());
        AaveAccount manyDecimals = new AaveAccount(AccountId.of("y"), 0, List.of(AaveCollateral.of(WETH,
                BigInteger.TEN.pow(18))), List.of(new AaveDebt(AssetId.of("Y24"), BigInteger.TEN.pow(26))));
        AaveAccountTable y = new AaveAccountTable(wider, List.of(manyDecimals));
        AavePrices withY = new AavePrices(Map.of(WETH, 100_000_000_000L, USDC, 100_000_000L, AssetId.of("Y24"),
                100_000_000L));
        assertThat(y.isWide(0)).isFalse();
        assertThat(y.accountData(0, y.valuation(wider, withY))).isNull();
        // 1 WETH at 1,000 USD against 100 Y24 at 1 USD: the records' unbounded form answers.
        assertThat(AaveHealth.DEFAULT.accountData(wider, withY, y.account(0)).totalDebtBase())
                .isEqualTo(BigInteger.valueOf(10_000_000_000L));
        assertThat(y.debtTokens(0, 0)).isEqualTo(100.0);

        AaveAccountTable table = new AaveAccountTable(market, List.of(huge, unlisted, unknownCategory, under));
        AaveAccountTable.Valuation v = table.valuation(market, prices);
        assertThat(table.isWide(0)).isTrue();
        assertThat(table.isWide(1)).isTrue();
        assertThat(table.isWide(2)).isTrue();
        assertThat(table.isWide(3)).as("2^127 - 1 still fits two words").isFalse();
        assertThat(table.account(0)).isSameAs(huge);
        assertThat(table.collateralBalance(0, 0)).isEqualTo(TWO_127);
        assertThat(table.accountData(0, v)).isNull();
        assertThat(table.eModeCategory(2)).isEqualTo(7);
        assertThat(table.collateralBalance(3, 0)).isEqualTo(TWO_127.subtract(BigInteger.ONE));
        // The caller asks the record, which fails as it always has.
        assertThatThrownBy(() -> AaveHealth.DEFAULT.accountData(market, prices, table.account(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account unlisted debt");
        assertThatThrownBy(() -> AaveHealth.DEFAULT.accountData(market, prices, table.account(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("account category: eModeCategory 7 is not a category of this market");
    }
}
