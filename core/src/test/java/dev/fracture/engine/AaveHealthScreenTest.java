package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.protocol.lending.AaveAccount;
import dev.fracture.protocol.lending.AaveAccountData;
import dev.fracture.protocol.lending.AaveAccountTable;
import dev.fracture.protocol.lending.AaveCollateral;
import dev.fracture.protocol.lending.AaveDebt;
import dev.fracture.protocol.lending.AaveEModeCategory;
import dev.fracture.protocol.lending.AaveHealth;
import dev.fracture.protocol.lending.AaveMarket;
import dev.fracture.protocol.lending.AavePrices;
import dev.fracture.protocol.lending.AaveReserveConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The screen in front of the exact Aave check, worked by hand: 10 WETH against 15,000 USDC of debt, WETH at 1,850 USD.
 * At WETH's threshold of 82.5% the collateral counts 10 × 1,850 × 0.825 = 15,262.5 USD, above the debt with the
 * screen's margin (15,000 × 1.001 = 15,015): not a candidate. At 80% it counts 14,800: a candidate.
 */
class AaveHealthScreenTest {
    private static final AssetId WETH = AssetId.of("WETH");
    private static final AssetId USDC = AssetId.of("USDC");
    private static final AavePrices PRICES = new AavePrices(Map.of(WETH, 185_000_000_000L, USDC, 100_000_000L));

    private static AaveMarket market(int wethThresholdBps) {
        return AaveMarket.of(List.of(AaveReserveConfig.of(WETH, 18, 7_500, wethThresholdBps, 10_500),
                AaveReserveConfig.of(USDC, 6, 7_700, 8_000, 10_450)), List.of());
    }

    private static final AaveAccount ACCOUNT = new AaveAccount(AccountId.of("a"), 0,
            List.of(AaveCollateral.of(WETH, new BigInteger("10000000000000000000"))),
            List.of(new AaveDebt(USDC, BigInteger.valueOf(15_000_000_000L))));

    private static AaveHealthScreen screened(AaveMarket market, AaveAccountTable table) {
        AaveHealthScreen screen = new AaveHealthScreen(market, table);
        screen.prices(table.valuation(market, PRICES), Workers.NONE);
        return screen;
    }

    @Test
    void anAccountIsScreenedAtItsReservesThresholds() {
        AaveAccountTable table = new AaveAccountTable(market(8_250), List.of(ACCOUNT));
        assertThat(screened(market(8_250), table).mayBeLiquidatable(0)).isFalse();
        assertThat(screened(market(8_000), table).mayBeLiquidatable(0)).isTrue();
    }

    @Test
    void anUpdateReadsTheMarketItIsGivenNotTheOneBefore() {
        // The screen keeps each reserve's configuration as it looked it up; a new market object (a mitigation's
        // parameters) must be read afresh, both ways.
        AaveMarket high = market(8_250);
        AaveAccountTable table = new AaveAccountTable(high, List.of(ACCOUNT));
        AaveHealthScreen screen = screened(high, table);
        screen.update(high, 0, table);
        assertThat(screen.mayBeLiquidatable(0)).isFalse();
        screen.update(market(8_000), 0, table);
        assertThat(screen.mayBeLiquidatable(0)).isTrue();
        int[] out = new int[1];
        assertThat(screen.candidates(out)).isEqualTo(1);
        screen.update(high, 0, table);
        assertThat(screen.mayBeLiquidatable(0)).isFalse();
        assertThat(screen.candidates(out)).isZero();
    }

    @Test
    void anAccountHeldAsItsRecordIsScreenedAndItsUnknownAssetNamed() {
        // A balance past the table's words (2^127 wei of WETH) makes the table hold the account as its record (wide).
        // 2^127 wei = 1.7014e20 WETH, 3.1476e23 USD at 1,850: 2.5968e23 at 82.5%, 2.5181e23 at 80%, against a debt of
        // 2.55e23 USDC, 2.5526e23 with the screen's margin.
        AaveMarket high = market(8_250);
        AaveAccountTable table = new AaveAccountTable(high, List.of(ACCOUNT));
        AaveHealthScreen screen = screened(high, table);
        table.set(0, new AaveAccount(AccountId.of("a"), 0,
                List.of(AaveCollateral.of(WETH, BigInteger.ONE.shiftLeft(127))),
                List.of(new AaveDebt(USDC, new BigInteger("255000000000000000000000000000")))));
        assertThat(table.isWide(0)).isTrue();
        screen.update(high, 0, table);
        assertThat(screen.mayBeLiquidatable(0)).isFalse();
        screen.update(market(8_000), 0, table);
        assertThat(screen.mayBeLiquidatable(0)).isTrue();
        // An asset neither the market nor the table indexes: the screen's message, not the table's.
        table.set(0, new AaveAccount(AccountId.of("a"), 0, ACCOUNT.collaterals(),
                List.of(new AaveDebt(AssetId.of("TINY"), BigInteger.ONE))));
        assertThat(table.isWide(0)).isTrue();
        assertThatThrownBy(() -> screen.update(high, 0, table))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("screen: unknown asset TINY (not a reserve of this market)");
    }

    @Test
    void aReserveTheMarketLacksIsNamedAndNothingWrongIsKept() {
        AaveMarket high = market(8_250);
        AaveAccountTable table = new AaveAccountTable(high, List.of(ACCOUNT));
        AaveHealthScreen screen = screened(high, table);
        AaveMarket withoutWeth = AaveMarket.of(List.of(AaveReserveConfig.of(USDC, 6, 7_700, 8_000, 10_450)),
                List.of());
        assertThatThrownBy(() -> screen.update(withoutWeth, 0, table))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("screen: unknown asset WETH (not a reserve of this market)");
        AaveMarket withoutUsdc = AaveMarket.of(List.of(AaveReserveConfig.of(WETH, 18, 7_500, 8_000, 10_500)),
                List.of());
        assertThatThrownBy(() -> screen.update(withoutUsdc, 0, table))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("screen: unknown asset USDC (not a reserve of this market)");
        screen.update(high, 0, table);
        assertThat(screen.mayBeLiquidatable(0)).isFalse();
    }

    /**
     * The contract floors the average threshold to a whole basis point, which at low thresholds is far more than the
     * screen's relative margin: 500 WETH at 2,000 USD (threshold 1.00%) and 20 WBTC at 50,000 USD (1.01%) count
     * 1,000,000 × 0.0100 + 1,000,000 × 0.0101 = 20,100 USD in doubles, above a debt of 20,050 USDC with the margin
     * (20,070.05); but the average threshold 100.5 bp is floored to 100 bp, so the contract counts 2,000,000 × 0.0100
     * = 20,000 USD: health factor 20,000 / 20,050 = 0.9975, liquidatable. The screen must flag it.
     */
    @Test
    void theAverageThresholdsFloorCannotHideALiquidatableAccount() {
        AssetId wbtc = AssetId.of("WBTC");
        AaveMarket market = AaveMarket.of(List.of(AaveReserveConfig.of(WETH, 18, 50, 100, 10_500),
                AaveReserveConfig.of(wbtc, 8, 50, 101, 10_500),
                AaveReserveConfig.of(USDC, 6, 7_700, 8_000, 10_450)), List.of());
        AavePrices prices = new AavePrices(Map.of(WETH, 200_000_000_000L, wbtc, 5_000_000_000_000L,
                USDC, 100_000_000L));
        AaveAccount account = new AaveAccount(AccountId.of("low"), 0,
                List.of(AaveCollateral.of(WETH, new BigInteger("500000000000000000000")),
                        AaveCollateral.of(wbtc, BigInteger.valueOf(2_000_000_000L))),
                List.of(new AaveDebt(USDC, BigInteger.valueOf(20_050_000_000L))));
        AaveAccountTable table = new AaveAccountTable(market, List.of(account));
        AaveAccountTable.Valuation valuation = table.valuation(market, prices);
        long healthFactor = table.healthFactor(0, valuation);
        // 0.9975 in wad: 20,000 / 20,050 = 0.997506...
        assertThat(healthFactor / 1e18).isCloseTo(20_000.0 / 20_050.0, Offset.offset(1e-9));
        assertThat(AaveAccountTable.liquidatable(healthFactor)).isTrue();
        AaveHealthScreen screen = new AaveHealthScreen(market, table);
        screen.prices(valuation, Workers.NONE);
        assertThat(screen.mayBeLiquidatable(0)).isTrue();
        int[] out = new int[1];
        assertThat(screen.candidates(out)).isEqualTo(1);
    }

    /**
     * The same floor on the close factor's side: the account above against 21,100 USDC counts 20,100 USD in doubles,
     * 0.9526 of its debt and above 0.95 × 21,100 × 1.001 = 20,065.05; but the contract counts 20,000, a factor of
     * 20,000 / 21,100 = 0.94787, at most the threshold, where a call may close all of the debt. Less a basis point of
     * the 2,000,000 USD of collateral the screen counts 19,900, below the bound, and 20,100 is not below 0.95 × 21,100
     * × 0.999 = 20,023.9 either: no side, and the exact factor decides.
     */
    @Test
    void theAverageThresholdsFloorCannotPutAnAccountAboveTheCloseThreshold() {
        AssetId wbtc = AssetId.of("WBTC");
        AaveMarket market = AaveMarket.of(List.of(AaveReserveConfig.of(WETH, 18, 50, 100, 10_500),
                AaveReserveConfig.of(wbtc, 8, 50, 101, 10_500),
                AaveReserveConfig.of(USDC, 6, 7_700, 8_000, 10_450)), List.of());
        AavePrices prices = new AavePrices(Map.of(WETH, 200_000_000_000L, wbtc, 5_000_000_000_000L,
                USDC, 100_000_000L));
        AaveAccount account = new AaveAccount(AccountId.of("low"), 0,
                List.of(AaveCollateral.of(WETH, new BigInteger("500000000000000000000")),
                        AaveCollateral.of(wbtc, BigInteger.valueOf(2_000_000_000L))),
                List.of(new AaveDebt(USDC, BigInteger.valueOf(21_100_000_000L))));
        AaveAccountTable table = new AaveAccountTable(market, List.of(account));
        AaveAccountTable.Valuation valuation = table.valuation(market, prices);
        assertThat(table.healthFactor(0, valuation) / 1e18).isCloseTo(20_000.0 / 21_100.0, Offset.offset(1e-9));
        AaveHealthScreen screen = new AaveHealthScreen(market, table);
        screen.prices(valuation, Workers.NONE);
        assertThat(screen.screened(0)).isEqualTo(AaveHealthScreen.MAY_BE);
    }

    /**
     * The screen never misses an account the contract's own check ({@code AaveHealth}, the records' form) finds
     * liquidatable: seeded random markets ({@link RandomMarket}: thresholds anywhere from 1 bp to 95%, low ones
     * included, where the average's floor weighs most), and 400 accounts each of one to three collaterals and one or two debts,
     * their debt set so that the double health factor lies within 2% of 1, where the screen's bound is tight.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void theScreenNeverMissesAnAccountTheContractLiquidates(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        RandomMarket m = RandomMarket.of(rnd, false);
        AssetId[] assets = m.assets();
        int[] decimals = m.decimals();
        double[] usd = m.usd();
        AaveMarket market = m.market();
        AavePrices prices = m.prices();
        List<AaveAccount> accounts = new ArrayList<>();
        for (int a = 0; a < 400; a++) {
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
            Collections.shuffle(order, new Random(rnd.nextLong()));
            int collaterals = 1 + rnd.nextInt(3);
            int debts = 1 + rnd.nextInt(2);
            List<AaveCollateral> held = new ArrayList<>();
            double weighted = 0;
            for (int c = 0; c < collaterals; c++) {
                int r = order.get(c);
                double value = 20 + rnd.nextDouble() * 1e6;
                held.add(AaveCollateral.of(assets[r], units(value / usd[r], decimals[r])));
                weighted += value * m.config(r).liquidationThresholdBps() / 10_000.0;
            }
            double debtUsd = weighted / (1 + (rnd.nextDouble() * 0.04 - 0.02));
            List<AaveDebt> owed = new ArrayList<>();
            for (int d = 0; d < debts; d++) {
                int r = order.get(collaterals + d);
                owed.add(new AaveDebt(assets[r], units(debtUsd / debts / usd[r], decimals[r])));
            }
            accounts.add(new AaveAccount(AccountId.of("a" + a), 0, held, owed));
        }
        AaveAccountTable table = new AaveAccountTable(market, accounts);
        AaveHealthScreen screen = new AaveHealthScreen(market, table);
        screen.prices(table.valuation(market, prices), Workers.NONE);
        int liquidatable = 0;
        int cleared = 0;
        for (int a = 0; a < accounts.size(); a++) {
            boolean truth = AaveHealth.DEFAULT.accountData(market, prices, accounts.get(a)).liquidatable();
            if (truth) {
                liquidatable++;
                assertThat(screen.mayBeLiquidatable(a)).as("seed %d, account %d: liquidatable, not flagged", seed, a)
                        .isTrue();
            }
            if (!screen.mayBeLiquidatable(a)) {
                cleared++;
            }
        }
        // Neither side empty: the property is asked of many liquidatable accounts, and the screen clears many others.
        assertThat(liquidatable).isGreaterThan(100);
        assertThat(cleared).isGreaterThan(100);
    }

    /**
     * The sides, worked by hand on {@link #ACCOUNT} (10 WETH at an 80% threshold against 15,000 USDC): at WETH 1,850
     * USD the collateral counts 14,800 USD, below 15,000 × (1 − 0.001) = 14,985 and, less a basis point of the
     * 18,500 USD of collateral (14,798.15), above 0.95 × 15,000 × 1.001 = 14,264.25 — liquidatable at a factor of
     * 0.9867, above the close factor's threshold. At 1,500 USD it counts 12,000, below 0.95 × 15,000 × 0.999 =
     * 14,235.75: a factor of 0.8, at most the threshold. At 1,873.75 USD it counts 14,990, within the margin of 1
     * (a factor of 0.99933): no side. At 1,781.25 USD it counts 14,250, a factor of exactly 0.95: no side; and at
     * 1,780 USD 14,240, a factor of 0.94933, within the margin below the threshold: no side either.
     */
    @Test
    void aLiquidatableAccountIsSidedByTheCloseFactorsThreshold() {
        AaveMarket market = market(8_000);
        AaveAccountTable table = new AaveAccountTable(market, List.of(ACCOUNT));
        AaveHealthScreen screen = new AaveHealthScreen(market, table);
        long[] wethPrices = {185_000_000_000L, 150_000_000_000L, 187_375_000_000L, 178_125_000_000L,
                178_000_000_000L};
        byte[] sides = {AaveHealthScreen.ABOVE_CLOSE_THRESHOLD, AaveHealthScreen.AT_MOST_CLOSE_THRESHOLD,
                AaveHealthScreen.MAY_BE, AaveHealthScreen.MAY_BE, AaveHealthScreen.MAY_BE};
        for (int k = 0; k < wethPrices.length; k++) {
            AavePrices prices = new AavePrices(Map.of(WETH, wethPrices[k], USDC, 100_000_000L));
            screen.prices(table.valuation(market, prices), Workers.NONE);
            assertThat(screen.verdict(0)).as("WETH at %d", wethPrices[k]).isEqualTo(sides[k]);
            assertThat(screen.screened(0)).as("kept at %d", wethPrices[k]).isEqualTo(sides[k]);
        }
        // At 1,850 USD and a threshold of 82.5%: not liquidatable (the first test above).
        AaveAccountTable high = new AaveAccountTable(market(8_250), List.of(ACCOUNT));
        assertThat(screened(market(8_250), high).verdict(0)).isEqualTo(AaveHealthScreen.NOT_LIQUIDATABLE);
    }

    /**
     * An account the words cannot value, or whose debt is so small that a unit of 1e-8 USD weighs, is left to the
     * exact factor however far below 1 the doubles put it: a collateral without a price (counted 0 by the screen), a
     * debt under 10 USD, a debt of 1e10 USD or more, and an account the table holds as its record.
     */
    @Test
    void anAccountTheWordsCannotValueGetsNoSide() {
        AaveMarket market = market(8_000);
        AaveAccountTable table = new AaveAccountTable(market, List.of(ACCOUNT));
        AaveHealthScreen screen = new AaveHealthScreen(market, table);
        screen.prices(table.valuation(market, new AavePrices(Map.of(USDC, 100_000_000L))), Workers.NONE);
        assertThat(screen.verdict(0)).isEqualTo(AaveHealthScreen.MAY_BE);
        // The price found again, at 1,500 USD: a side, though the screen's doubles read 0 before and after a loss.
        AavePrices low = new AavePrices(Map.of(WETH, 150_000_000_000L, USDC, 100_000_000L));
        screen.prices(table.valuation(market, low), Workers.NONE);
        assertThat(screen.screened(0)).isEqualTo(AaveHealthScreen.AT_MOST_CLOSE_THRESHOLD);

        AaveAccountTable small = new AaveAccountTable(market, List.of(new AaveAccount(AccountId.of("s"), 0,
                List.of(AaveCollateral.of(WETH, new BigInteger("1000000000000000"))),
                List.of(new AaveDebt(USDC, BigInteger.valueOf(9_990_000L))))));
        // 0.001 WETH at 1,500 USD: 1.20 USD counted against 9.99 USDC.
        AaveHealthScreen smallScreen = new AaveHealthScreen(market, small);
        smallScreen.prices(small.valuation(market, low), Workers.NONE);
        assertThat(smallScreen.verdict(0)).isEqualTo(AaveHealthScreen.MAY_BE);

        AaveAccountTable huge = new AaveAccountTable(market, List.of(new AaveAccount(AccountId.of("h"), 0,
                List.of(AaveCollateral.of(WETH, new BigInteger("1000000000000000000000000"))),
                List.of(new AaveDebt(USDC, BigInteger.valueOf(10_000_000_000_000_000L))))));
        // 1,000,000 WETH at 1,500 USD (1.2e9 counted) against 1e10 USDC.
        AaveHealthScreen hugeScreen = new AaveHealthScreen(market, huge);
        hugeScreen.prices(huge.valuation(market, low), Workers.NONE);
        assertThat(hugeScreen.verdict(0)).isEqualTo(AaveHealthScreen.MAY_BE);

        table.set(0, new AaveAccount(AccountId.of("a"), 0,
                List.of(AaveCollateral.of(WETH, BigInteger.ONE.shiftLeft(127))),
                List.of(new AaveDebt(USDC, new BigInteger("300000000000000000000000000000")))));
        assertThat(table.isWide(0)).isTrue();
        // 2^127 wei at 1,500 USD, 2.04e23 counted against 3e23 USDC: far below 1, held as its record.
        screen.update(market, 0, table);
        assertThat(screen.screened(0)).isEqualTo(AaveHealthScreen.MAY_BE);
    }

    /**
     * A side is the side of the contract's own factor ({@code AaveHealth}, the records' form in big integers), and the
     * offer made — and a liquidation landed — at the factor standing for it is the one made at the exact factor:
     * seeded random markets ({@link RandomMarket}, one reserve in six at a threshold of 0 and two in an e-mode
     * category), and 400 accounts each of one to three collaterals (one in six disabled) and one or two debts, half in
     * e-mode, their debt set so that the factor in doubles lies within 3% of 1 or of 0.95, or within 1e-4 to 1e-12 of
     * either, where the margins decide.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void aSideIsTheExactFactorsSide(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        RandomMarket m = RandomMarket.of(rnd, true);
        AssetId[] assets = m.assets();
        int[] decimals = m.decimals();
        double[] usd = m.usd();
        AaveMarket market = m.market();
        AavePrices prices = m.prices();
        AaveEModeCategory eMode = RandomMarket.E_MODE;
        List<AaveAccount> accounts = new ArrayList<>();
        for (int a = 0; a < 400; a++) {
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
            Collections.shuffle(order, new Random(rnd.nextLong()));
            int category = rnd.nextBoolean() ? 1 : 0;
            int collaterals = 1 + rnd.nextInt(3);
            int debts = 1 + rnd.nextInt(2);
            List<AaveCollateral> held = new ArrayList<>();
            double weighted = 0;
            for (int c = 0; c < collaterals; c++) {
                int r = order.get(c);
                double value = 20 + rnd.nextDouble() * 1e6;
                boolean used = rnd.nextInt(6) != 0;
                held.add(new AaveCollateral(assets[r], units(value / usd[r], decimals[r]), used));
                AaveReserveConfig config = m.config(r);
                int threshold = category == 1 && config.eModeCategory() == 1 ? eMode.liquidationThresholdBps()
                        : config.liquidationThresholdBps();
                weighted += used && config.liquidationThresholdBps() != 0 ? value * threshold / 10_000.0 : 0;
            }
            double near = rnd.nextBoolean() ? 1 : 0.95;
            double factor = rnd.nextBoolean() ? near * (1 + rnd.nextDouble() * 0.06 - 0.03)
                    : near * (1 + (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, -4 - rnd.nextInt(9)));
            double debtUsd = Math.max(weighted, 20) / factor;
            List<AaveDebt> owed = new ArrayList<>();
            for (int d = 0; d < debts; d++) {
                int r = order.get(collaterals + d);
                owed.add(new AaveDebt(assets[r], units(debtUsd / debts / usd[r], decimals[r])));
            }
            accounts.add(new AaveAccount(AccountId.of("a" + a), category, held, owed));
        }
        AaveAccountTable table = new AaveAccountTable(market, accounts);
        AaveAccountTable.Valuation valuation = table.valuation(market, prices);
        AaveHealthScreen screen = new AaveHealthScreen(market, table);
        screen.prices(valuation, Workers.NONE);
        AaveAccountTable exactTable = new AaveAccountTable(market, accounts);
        AaveAccountTable.Valuation exactValuation = exactTable.valuation(market, prices);
        BigInteger closeThreshold = BigInteger.valueOf(950_000_000_000_000_000L);
        int sided = 0;
        int unsided = 0;
        int landed = 0;
        for (int a = 0; a < accounts.size(); a++) {
            byte verdict = screen.screened(a);
            if (verdict == AaveHealthScreen.MAY_BE) {
                unsided++;
            }
            if (verdict != AaveHealthScreen.ABOVE_CLOSE_THRESHOLD && verdict != AaveHealthScreen.AT_MOST_CLOSE_THRESHOLD) {
                continue;
            }
            sided++;
            AaveAccountData truth = AaveHealth.DEFAULT.accountData(market, prices, accounts.get(a));
            assertThat(truth.liquidatable()).as("seed %d, account %d: sided, not liquidatable", seed, a).isTrue();
            boolean above = truth.healthFactor().compareTo(closeThreshold) > 0;
            assertThat(above).as("seed %d, account %d at %s: side %d", seed, a, truth.healthFactor(), verdict)
                    .isEqualTo(verdict == AaveHealthScreen.ABOVE_CLOSE_THRESHOLD);
            long standIn = above ? AaveAccountTable.FACTOR_ABOVE_CLOSE_THRESHOLD
                    : AaveAccountTable.FACTOR_AT_CLOSE_THRESHOLD;
            int collateral = table.largestCollateral(a, valuation);
            int debt = table.largestDebt(a, valuation);
            if (collateral >= 0 && debt >= 0) {
                assertThat(offerOf(table, a, collateral, debt, standIn, valuation)).as("seed %d, account %d", seed, a)
                        .isEqualTo(offerOf(table, a, collateral, debt, table.healthFactor(a, valuation), valuation));
                // A liquidation landed at the standing factor moves what one at the exact factor moves, and leaves
                // the account as it does: a call covering a random part of the debt, up to all of it.
                AssetId collateralAsset = table.collateralAsset(a, collateral);
                AssetId debtAsset = table.debtAsset(a, debt);
                BigInteger cover = new BigDecimal(table.debtBalance(a, debt))
                        .multiply(BigDecimal.valueOf(0.05 + rnd.nextDouble())).toBigInteger().max(BigInteger.ONE);
                AaveAccountTable.Liquidated atSide = table.liquidate(a, collateralAsset, debtAsset, cover, valuation,
                        standIn);
                AaveAccountTable.Liquidated exact = exactTable.liquidate(a, collateralAsset, debtAsset, cover,
                        exactValuation);
                assertThat(atSide).as("seed %d, account %d: liquidated", seed, a).isEqualTo(exact);
                if (exact != null) {
                    landed++;
                }
                assertThat(table.account(a)).as("seed %d, account %d after", seed, a).isEqualTo(exactTable.account(a));
            }
        }
        // Both kinds many: the property is asked of many sided accounts, and the margins leave many to the exact factor.
        assertThat(sided).isGreaterThan(100);
        assertThat(unsided).isGreaterThan(50);
        assertThat(landed).isGreaterThan(50);
    }

    /**
     * A seeded random market of six reserves R0–R5 and their prices: decimals of 6, 8 or 18, bonuses of 100% to 115%,
     * thresholds from 1 bp to 95% (half under 10%, where the floor of the average is over 1e-3 of it), prices from
     * 0.5 to 5,000 USD; with {@code zerosAndEMode}, one reserve in six at a threshold of 0 and R0 and R1 in the e-mode
     * category {@link #E_MODE}.
     */
    private record RandomMarket(AssetId[] assets, int[] decimals, double[] usd, AaveMarket market, AavePrices prices) {
        static final AaveEModeCategory E_MODE = new AaveEModeCategory(1, 9_000, 9_300, 10_100);

        static RandomMarket of(SplittableRandom rnd, boolean zerosAndEMode) {
            int reserves = 6;
            AssetId[] assets = new AssetId[reserves];
            int[] decimals = new int[reserves];
            double[] usd = new double[reserves];
            List<AaveReserveConfig> configs = new ArrayList<>();
            Map<AssetId, Long> priceWords = new HashMap<>();
            for (int r = 0; r < reserves; r++) {
                assets[r] = AssetId.of("R" + r);
                decimals[r] = new int[] {6, 8, 18}[rnd.nextInt(3)];
                int bonus = 10_000 + rnd.nextInt(1_500);
                int threshold = zerosAndEMode && rnd.nextInt(6) == 0 ? 0
                        : rnd.nextBoolean() ? 1 + rnd.nextInt(1_000) : 1 + rnd.nextInt(9_500);
                threshold = Math.min(threshold, (int) (100_000_000L / bonus) - 1);
                configs.add(new AaveReserveConfig(assets[r], decimals[r], threshold == 0 ? 0
                        : rnd.nextInt(threshold + 1), threshold, threshold == 0 ? 0 : bonus, 0, 0, 0, 0, true,
                        zerosAndEMode && r < 2 ? 1 : 0));
                long word = 50_000_000L + (long) (rnd.nextDouble() * 500_000_000_000L);
                priceWords.put(assets[r], word);
                usd[r] = word * 1e-8;
            }
            return new RandomMarket(assets, decimals, usd,
                    AaveMarket.of(configs, zerosAndEMode ? List.of(E_MODE) : List.of()), new AavePrices(priceWords));
        }

        AaveReserveConfig config(int r) {
            return market.reserves().get(assets[r]);
        }
    }

    private static BigInteger units(double tokens, int decimals) {
        return new BigDecimal(tokens).movePointRight(decimals).toBigInteger().max(BigInteger.ONE);
    }

    /** {@link AaveAccountTable#offer}'s answer and, where it offers, its two amounts: comparable as a list. */
    private static List<Object> offerOf(AaveAccountTable table, int account, int collateral, int debt,
                                        long healthFactor, AaveAccountTable.Valuation valuation) {
        AaveAccountTable.OfferAmounts amounts = new AaveAccountTable.OfferAmounts();
        int answer = table.offer(account, collateral, debt, healthFactor, valuation, amounts);
        return answer == AaveAccountTable.OFFERS ? List.of(answer, amounts.repayTokens(), amounts.receivedTokens())
                : List.of(answer);
    }
}
