package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.protocol.lending.AaveAccount;
import dev.fracture.protocol.lending.AaveAccountTable;
import dev.fracture.protocol.lending.AaveCollateral;
import dev.fracture.protocol.lending.AaveDebt;
import dev.fracture.protocol.lending.AaveMarket;
import dev.fracture.protocol.lending.AavePrices;
import dev.fracture.protocol.lending.AaveReserveConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A move of prices screens again only the accounts whose answer it may have changed, and the candidates are still
 * exactly the accounts a screen of every account flags ({@link AaveHealthScreen#mayBeLiquidatable} of each).
 */
class SlackGenerationsTest {
    private static final AssetId WETH = AssetId.of("WETH");
    private static final AssetId USDC = AssetId.of("USDC");
    private static final int BLOCKS = 120;

    /**
     * Worked by hand: 10 WETH at a threshold of 82.5% against 15,000 USDC. The screen's left side is
     * 10 × (0.825 − 0.0001) × 1,850 = 15,260.65 USD against 15,000 × 1.001 = 15,015: a slack of 1.016362. With USDC
     * where it was, WETH at 1,821 is a ratio of 0.984324, a bound of 1 / 0.984324 = 1.015926, under the slack: the
     * account is left alone, and rightly — the screen counts 10 × 0.8249 × 1,821 = 15,021.43, still above 15,015.
     * At 1,820 the bound is 1.016484, over the slack: the account is looked at, and flagged (15,013.18 < 15,015).
     * A second account, of 100 WETH against the same debt, is never looked at.
     */
    @Test
    void anAccountIsLookedAtOnceTheMoveSinceItsGenerationCanReachItsSlack() {
        AaveMarket market = AaveMarket.of(List.of(AaveReserveConfig.of(WETH, 18, 7_500, 8_250, 10_500),
                AaveReserveConfig.of(USDC, 6, 7_700, 8_000, 10_450)), List.of());
        AaveAccountTable table = new AaveAccountTable(market, List.of(account("near", "10"), account("far", "100")));
        AaveHealthScreen screen = new AaveHealthScreen(market, table);
        screen.prices(table.valuation(market, prices(185_000_000_000L)), Workers.NONE);
        assertThat(screen.lookedAt()).isEqualTo(2);
        assertThat(screen.slack(0)).isCloseTo(15_260.65 / 15_015, org.assertj.core.data.Offset.offset(1e-9));
        int[] out = new int[2];
        assertThat(screen.candidates(out)).isZero();

        screen.prices(table.valuation(market, prices(182_100_000_000L)), Workers.NONE);
        assertThat(screen.lookedAt()).isZero();
        assertThat(screen.candidates(out)).isZero();
        assertThat(screen.mayBeLiquidatable(0)).isFalse();

        screen.prices(table.valuation(market, prices(182_000_000_000L)), Workers.NONE);
        assertThat(screen.lookedAt()).isEqualTo(1);
        assertThat(screen.candidates(out)).isEqualTo(1);
        assertThat(out[0]).isZero();

        // Back up: the account just looked at is filed at 1,820 with a slack under 1, so it is looked at again.
        screen.prices(table.valuation(market, prices(185_000_000_000L)), Workers.NONE);
        assertThat(screen.lookedAt()).isEqualTo(1);
        assertThat(screen.candidates(out)).isZero();
    }

    @Test
    void aPriceToOrFromZeroLooksAtEveryAccountOfTheGeneration() {
        double[] then = {2.0, 1.0};
        assertThat(SlackGenerations.boundKey(then, new double[] {0, 1.0})).isEqualTo(SlackGenerations.EVERY);
        assertThat(SlackGenerations.boundKey(new double[] {0, 1.0}, then)).isEqualTo(SlackGenerations.EVERY);
        // Both zero: that reserve is left out; the other moved by 1.5, so the bound is max(1.5 / 1.5, 1 / 1.5) = 1,
        // with the margin of 1e-10, rounded up to a float: the next float above 1.
        float bound = Float.intBitsToFloat(SlackGenerations.boundKey(new double[] {0, 1.0},
                new double[] {0, 1.5}));
        assertThat(bound).isEqualTo(Math.nextUp(1f));
        // 2 → 1 and 1 → 1.5: rmin 0.5, rmax 1.5, bound max(3, 2) = 3 (and the margin), rounded up: the float after 3.
        bound = Float.intBitsToFloat(SlackGenerations.boundKey(then, new double[] {1.0, 1.5}));
        assertThat(bound).isEqualTo(Math.nextUp(3f));
    }

    /**
     * Past {@link SlackGenerations#MAX_GENERATIONS} generations, a move empties the smallest (the first of the smallest
     * on a tie) whatever its slacks: 40 accounts filed one per generation, each under an infinite slack (no debt),
     * are looked at one per move, oldest first, until 32 generations are left.
     */
    @Test
    void theSmallestGenerationIsEmptiedPastTheLimit() {
        SlackGenerations generations = new SlackGenerations(40);
        double[] prices = {1.0};
        for (int a = 0; a < 40; a++) {
            SlackGenerations.Filing filing = generations.filing(prices, 1);
            filing.put(0, a, Float.POSITIVE_INFINITY);
            generations.file(filing, new int[] {1});
        }
        for (int move = 0; move < 8; move++) {
            assertThat(generations.toLookAt(prices)).containsExactly(move);
        }
        assertThat(generations.size()).isEqualTo(SlackGenerations.MAX_GENERATIONS);
        assertThat(generations.toLookAt(prices)).isEmpty();
        // A changed account is looked at on the next move, and only once.
        generations.changed(39);
        generations.changed(39);
        assertThat(generations.toLookAt(prices)).containsExactly(39);
        assertThat(generations.toLookAt(prices)).isEmpty();
    }

    /**
     * A generation filed in runs, each put in order on its own (as the engine's threads file it, a slice each), is
     * read run by run: a move takes each run's prefix below its bound. Six accounts in two runs of three: slacks 1.5,
     * 1.01, 3.0 and 1.02, 2.5, 1.001. A fall of every price to 0.99 bounds the move by 1 / 0.99 = 1.0101…, so accounts
     * 1 (1.01) and 5 (1.001) are looked at, one from each run; a fall to 0.97 (bound 1.0309…) then takes account 3
     * (1.02) and leaves 0, 2 and 4.
     */
    @Test
    void aGenerationFiledInRunsGivesEachRunsPrefix() {
        SlackGenerations generations = new SlackGenerations(6);
        double[] prices = {1.0, 2.0};
        float[] slacks = {1.5f, 1.01f, 3.0f, 1.02f, 2.5f, 1.001f};
        SlackGenerations.Filing filing = generations.filing(prices, 6);
        // Each run filed and put in order on its own, the second first.
        for (int j = 3; j < 6; j++) {
            filing.put(j, j, slacks[j]);
        }
        filing.sortRun(3, 6);
        for (int j = 0; j < 3; j++) {
            filing.put(j, j, slacks[j]);
        }
        filing.sortRun(0, 3);
        generations.file(filing, new int[] {3, 6});
        assertThat(generations.toLookAt(new double[] {0.99, 1.98})).containsExactly(1, 5);
        assertThat(generations.toLookAt(new double[] {0.97, 1.94})).containsExactly(3);
        assertThat(generations.toLookAt(new double[] {1.0, 2.0})).isEmpty();
        assertThat(generations.size()).isEqualTo(1);
        // Every price falling to half of the generation's (bound 2, rounded up) takes account 0 (1.5) and leaves 4
        // (2.5) and 2 (3.0).
        assertThat(generations.toLookAt(new double[] {0.5, 1.0})).containsExactly(0);
    }

    @Test
    void aSlackIsKeptRoundedDownAndInOrder() {
        for (double slack : new double[] {1.0 + 1e-9, 0.1, 1.0173, 2.5, 1e-30, 7e20}) {
            float value = SlackGenerations.floorOf(slack);
            // Within one float step below.
            assertThat((double) value).isLessThanOrEqualTo(slack).isGreaterThan(slack - Math.ulp((float) slack));
        }
        assertThat(SlackGenerations.floorOf(Double.NaN)).isZero();
        assertThat(SlackGenerations.floorOf(-1)).isZero();
        assertThat(SlackGenerations.floorOf(Double.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
        // The radix sort orders by key, those of one key in their order before.
        SplittableRandom rnd = new SplittableRandom(7);
        long[] entries = new long[1_000];
        for (int j = 0; j < entries.length; j++) {
            int key = SlackGenerations.keyOf(SlackGenerations.floorOf(Math.exp(rnd.nextDouble() * 6 - 3)));
            entries[j] = (long) key << 32 | j;
        }
        long[] expected = entries.clone();
        java.util.Arrays.sort(expected);
        assertThat(SlackGenerations.byKey(entries)).containsExactly(expected);
    }

    /**
     * Seeded random books near their boundary, moved through 120 blocks of random prices — small moves and large ones,
     * a reserve's price gone and back, accounts' balances changed between moves, reserves used as collateral at a
     * threshold of 0 — on one thread and on two: after every move the candidates are exactly the accounts the screen
     * flags when asked of each, and over the run the moves looked at fewer accounts than there are.
     */
    @ParameterizedTest(name = "seed {0}, {1} threads")
    @CsvSource({"1, 1", "2, 1", "3, 1", "4, 2", "5, 2", "6, 2", "7, 1", "8, 2"})
    void theCandidatesAreThoseAScreenOfEveryAccountFlags(long seed, int threads) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int reserves = 6;
        AssetId[] assets = new AssetId[reserves];
        int[] thresholds = new int[reserves];
        double[] usd = new double[reserves];
        List<AaveReserveConfig> configs = new ArrayList<>();
        for (int r = 0; r < reserves; r++) {
            assets[r] = AssetId.of("R" + r);
            // One reserve in three at a threshold of 0 (counted by the screen, left out by the contract).
            int threshold = r % 3 == 2 ? 0 : 1 + rnd.nextInt(9_000);
            thresholds[r] = threshold;
            configs.add(AaveReserveConfig.of(assets[r], 18, 0, threshold, threshold == 0 ? 0 : 10_500));
            usd[r] = 1 + rnd.nextDouble() * 3_000;
        }
        AaveMarket market = AaveMarket.of(configs, List.of());
        List<AaveAccount> accounts = new ArrayList<>();
        for (int a = 0; a < 300; a++) {
            accounts.add(randomAccount(rnd, a, assets, thresholds, usd));
        }
        AaveAccountTable table = new AaveAccountTable(market, accounts);
        AaveHealthScreen screen = new AaveHealthScreen(market, table);
        int looked = 0;
        int flaggedSeen = 0;
        int maxGenerations = 0;
        try (Workers workers = new Workers(threads, 1)) {
            for (int block = 0; block < BLOCKS; block++) {
                // Mostly small moves, as a cascade's blocks make them, and now and then a large one.
                double sigma = rnd.nextInt(20) == 0 ? 0.03 : 0.002;
                Map<AssetId, Long> words = new HashMap<>();
                for (int r = 0; r < reserves; r++) {
                    usd[r] *= Math.exp(sigma * gaussian(rnd));
                    // A reserve's price gone for a block (counted 0 by the screen): at block 40, and now and then.
                    if (!(block == 40 && r == 0) && rnd.nextInt(300) != 0) {
                        words.put(assets[r], Math.max(1, Math.round(usd[r] * 1e8)));
                    }
                }
                for (int changes = rnd.nextInt(4); changes > 0; changes--) {
                    int a = rnd.nextInt(accounts.size());
                    table.set(a, rescaled(rnd, table.account(a)));
                    screen.update(market, a, table);
                }
                screen.prices(table.valuation(market, new AavePrices(words)), workers);
                if (block > 0) {
                    looked += screen.lookedAt();
                }
                maxGenerations = Math.max(maxGenerations, screen.generations());
                int[] out = new int[accounts.size()];
                int n = screen.candidates(out);
                List<Integer> expected = new ArrayList<>();
                for (int a = 0; a < accounts.size(); a++) {
                    if (screen.mayBeLiquidatable(a)) {
                        expected.add(a);
                        // What leaves the flags of the accounts not looked at alone: a flagged one is looked at again.
                        assertThat(screen.slack(a)).as("seed %d, block %d, account %d", seed, block, a).isLessThan(1);
                    }
                }
                List<Integer> got = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    got.add(out[c]);
                }
                assertThat(got).as("seed %d, block %d", seed, block).isEqualTo(expected);
                flaggedSeen += n;
            }
        }
        // The property was asked of flagged accounts, the moves left most accounts alone, and the generations stayed
        // within their bound.
        assertThat(flaggedSeen).isGreaterThan(200);
        assertThat(looked).isLessThan((BLOCKS - 1) * accounts.size() / 3);
        assertThat(maxGenerations).isLessThanOrEqualTo(SlackGenerations.MAX_GENERATIONS + 1);
    }

    /** One to three collaterals and one or two debts, the screen's health factor between 0.9 and 3. */
    private static AaveAccount randomAccount(SplittableRandom rnd, int a, AssetId[] assets, int[] thresholds,
                                             double[] usd) {
        int first = rnd.nextInt(assets.length);
        int collaterals = 1 + rnd.nextInt(3);
        List<AaveCollateral> held = new ArrayList<>();
        double weighted = 0;
        for (int c = 0; c < collaterals; c++) {
            int r = (first + c) % assets.length;
            // One account in ten small, near the screen's exact-check floor of 10 USD of collateral.
            double value = a % 10 == 0 ? (10.5 + rnd.nextDouble() * 3) / collaterals : 20 + rnd.nextDouble() * 1e5;
            held.add(AaveCollateral.of(assets[r], units(value / usd[r])));
            weighted += value * Math.max(thresholds[r], 100) / 10_000.0;
        }
        int debts = 1 + rnd.nextInt(2);
        double debtUsd = weighted / (0.9 + rnd.nextDouble() * 2.1);
        List<AaveDebt> owed = new ArrayList<>();
        for (int d = 0; d < debts; d++) {
            int r = (first + collaterals + d) % assets.length;
            owed.add(new AaveDebt(assets[r], units(debtUsd / debts / usd[r])));
        }
        return new AaveAccount(AccountId.of("a" + a), 0, held, owed);
    }

    /**
     * A move's accounts are exactly those a plain reading of the filing rule names, each once: those marked changed,
     * and those whose slack (the key they were last filed under) is below the bound of the move from the prices they
     * were filed at. 3,000 accounts over 20 random moves of three prices, each move's accounts filed again
     * under new random slacks in runs of random lengths, 1% of the accounts marked changed before each move.
     */
    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "2", "3", "4", "5", "6"})
    void aMoveTakesTheAccountsTheFilingRuleNames(long seed) {
        int accounts = 3_000;
        SplittableRandom rnd = new SplittableRandom(seed);
        SlackGenerations generations = new SlackGenerations(accounts);
        double[][] filedAt = new double[accounts][];
        int[] key = new int[accounts];
        boolean[] changed = new boolean[accounts];
        double[] prices = {1.0, 2.0, 3.0};
        int[] all = new int[accounts];
        for (int a = 0; a < accounts; a++) {
            all[a] = a;
        }
        fileAgain(rnd, all, prices, generations, filedAt, key);
        for (int move = 0; move < 20; move++) {
            for (int a = 0; a < accounts; a++) {
                if (rnd.nextInt(100) == 0) {
                    generations.changed(a);
                    changed[a] = true;
                }
            }
            double[] now = prices.clone();
            for (int k = 0; k < now.length; k++) {
                now[k] *= 1 + (rnd.nextDouble() - 0.5) * 0.04;
            }
            java.util.Set<Integer> expected = new java.util.TreeSet<>();
            for (int a = 0; a < accounts; a++) {
                if (changed[a] || key[a] < SlackGenerations.boundKey(filedAt[a], now)) {
                    expected.add(a);
                }
            }
            int[] looked = generations.toLookAt(now);
            assertThat(java.util.Arrays.stream(looked).boxed().toList())
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            java.util.Arrays.fill(changed, false);
            prices = now;
            fileAgain(rnd, looked, prices, generations, filedAt, key);
        }
        assertThat(generations.size()).isLessThanOrEqualTo(SlackGenerations.MAX_GENERATIONS);
    }

    /**
     * Files {@code looked} in a new generation at {@code prices} under random slacks near 1 (0.98–1.06), in runs of
     * random lengths each put in order (as the engine's threads file a move's accounts, a slice each), noting each
     * account's prices and key.
     */
    private static void fileAgain(SplittableRandom rnd, int[] looked, double[] prices, SlackGenerations generations,
                                  double[][] filedAt, int[] key) {
        SlackGenerations.Filing filing = generations.filing(prices.clone(), looked.length);
        List<Integer> runEnds = new ArrayList<>();
        int from = 0;
        while (from < looked.length) {
            int to = Math.min(looked.length, from + 1 + rnd.nextInt(400));
            for (int j = from; j < to; j++) {
                float slack = SlackGenerations.floorOf(0.98 + rnd.nextDouble() * 0.08);
                filing.put(j, looked[j], slack);
                filedAt[looked[j]] = prices;
                key[looked[j]] = SlackGenerations.keyOf(slack);
            }
            filing.sortRun(from, to);
            runEnds.add(to);
            from = to;
        }
        generations.file(filing, runEnds.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * {@code account}'s balances each scaled by 0.5–1.5 (a liquidation or a repayment moves them, and never adds an
     * asset, which the screen's layout relies on).
     */
    private static AaveAccount rescaled(SplittableRandom rnd, AaveAccount account) {
        List<AaveCollateral> held = new ArrayList<>();
        for (AaveCollateral c : account.collaterals()) {
            held.add(AaveCollateral.of(c.asset(), scaled(rnd, c.balance())));
        }
        List<AaveDebt> owed = new ArrayList<>();
        for (AaveDebt d : account.debts()) {
            owed.add(new AaveDebt(d.asset(), scaled(rnd, d.balance())));
        }
        return new AaveAccount(account.id(), 0, held, owed);
    }

    private static BigInteger scaled(SplittableRandom rnd, BigInteger amount) {
        return new BigDecimal(amount).multiply(BigDecimal.valueOf(0.5 + rnd.nextDouble())).toBigInteger();
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box–Muller, from the seeded generator alone.
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static BigInteger units(double tokens) {
        return new BigDecimal(tokens).movePointRight(18).toBigInteger().max(BigInteger.ONE);
    }

    private static AaveAccount account(String id, String weth) {
        return new AaveAccount(AccountId.of(id), 0,
                List.of(AaveCollateral.of(WETH, new BigDecimal(weth).movePointRight(18).toBigInteger())),
                List.of(new AaveDebt(USDC, BigInteger.valueOf(15_000_000_000L))));
    }

    private static AavePrices prices(long wethWord) {
        return new AavePrices(Map.of(WETH, wethWord, USDC, 100_000_000L));
    }
}
