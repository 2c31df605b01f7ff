package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiquidationPriceIndexTest {
    static final int ASSETS = 5;

    /** A random book: 2-4 collaterals and 1-2 debts per account, debt at 30% to 100% of the weighted collateral. */
    static AaveAccountBook randomBook(SplittableRandom random, int accounts, double[] prices) {
        int[] cs = new int[accounts + 1];
        int[] ds = new int[accounts + 1];
        int[] ca = new int[accounts * 4];
        double[] cm = new double[accounts * 4];
        double[] ct = new double[accounts * 4];
        int[] da = new int[accounts * 2];
        double[] dm = new double[accounts * 2];
        int c = 0;
        int d = 0;
        for (int i = 0; i < accounts; i++) {
            cs[i] = c;
            ds[i] = d;
            int first = random.nextInt(ASSETS);
            int nc = random.nextInt(2, 5);
            double weighted = 0;
            for (int k = 0; k < nc; k++) {
                ca[c] = (first + k) % ASSETS;
                cm[c] = Math.exp(random.nextDouble(-3, 8)) / prices[ca[c]];
                ct[c] = random.nextDouble(0.6, 0.9);
                weighted += cm[c] * prices[ca[c]] * ct[c];
                c++;
            }
            int nd = random.nextInt(1, 3);
            for (int k = 0; k < nd; k++) {
                // Debts may be in an asset also held as collateral: both sides of the index get used.
                da[d] = random.nextInt(ASSETS);
                dm[d] = weighted * random.nextDouble(0.3, 1.0) / nd / prices[da[d]];
                d++;
            }
        }
        cs[accounts] = c;
        ds[accounts] = d;
        return new AaveAccountBook(ASSETS, cs, ca, cm, ct, ds, da, dm);
    }

    static double[] prices(SplittableRandom random) {
        double[] p = new double[ASSETS];
        for (int a = 0; a < ASSETS; a++) {
            p[a] = Math.exp(random.nextDouble(-2, 11));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void findsExactlyTheAccountsAFullScanFinds(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] before = prices(random);
        AaveAccountBook book = randomBook(random, 20_000, before);
        int[] out = new int[book.accounts()];
        int total = 0;
        for (int asset = 0; asset < ASSETS; asset++) {
            LiquidationPriceIndex index = LiquidationPriceIndex.build(book, asset, before);
            for (double move : new double[] {-0.01, -0.05, -0.3, 0.01, 0.05, 0.3}) {
                double[] after = before.clone();
                after[asset] = before[asset] * (1 + move);
                int n = index.newlyLiquidatable(before[asset], after[asset], out);
                int[] found = Arrays.copyOf(out, n);
                Arrays.sort(found);
                List<Integer> scan = new ArrayList<>();
                for (int i = 0; i < book.accounts(); i++) {
                    if (book.healthFactor(i, before) >= 1 && book.healthFactor(i, after) < 1) {
                        scan.add(i);
                    }
                }
                assertThat(found).as("asset %d move %s", asset, move)
                        .containsExactly(scan.stream().mapToInt(Integer::intValue).toArray());
                total += n;
            }
        }
        assertThat(total).isGreaterThan(1_000);
    }

    @Test
    void bookFromRecordsAgreesWithTheRecordFastPath() {
        SplittableRandom random = new SplittableRandom(9);
        List<AaveAccount> accounts = new ArrayList<>();
        RandomAave.Case first = RandomAave.next(random, 0);
        for (int i = 0; i < 500; i++) {
            RandomAave.Case c = RandomAave.next(new SplittableRandom(random.nextLong()), i);
            // One market and price set for the whole book: reuse the first case's.
            accounts.add(new AaveAccount(AccountId.of("a" + i), 0, c.account().collaterals(), c.account().debts()));
        }
        List<AssetId> assets = new ArrayList<>(first.market().reserves().keySet());
        AaveAccountBook book = AaveAccountBook.of(first.market(), assets, accounts);
        double[] p = new double[assets.size()];
        for (int a = 0; a < p.length; a++) {
            p[a] = first.prices().price(assets.get(a)) / 1e8;
        }
        for (int i = 0; i < accounts.size(); i++) {
            double expected = AaveHealth.DEFAULT.healthFactorFast(first.market(), first.prices(), accounts.get(i));
            double actual = book.healthFactor(i, p);
            if (Double.isInfinite(expected)) {
                assertThat(actual).isInfinite();
            } else {
                assertThat(actual).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12 * expected));
            }
        }
    }

    @Test
    void accountsIndependentOfTheAssetAreNotIndexed() {
        AaveAccountBook book = new AaveAccountBook(2, new int[] {0, 1}, new int[] {0}, new double[] {1},
                new double[] {0.8}, new int[] {0, 1}, new int[] {0}, new double[] {0.5});
        assertThat(LiquidationPriceIndex.build(book, 1, new double[] {1, 1}).size()).isZero();
        // Collateral and debt both in asset 0: HF = 0.8 / 0.5 at any price; its key is 0, which no move reaches.
        LiquidationPriceIndex index = LiquidationPriceIndex.build(book, 0, new double[] {1, 1});
        assertThat(index.newlyLiquidatable(1, 1e-12, new int[1])).isZero();
        assertThat(book.healthFactor(0, new double[] {123, 1})).isEqualTo(1.6);
    }
}
