package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The positions a Morpho market's index names ({@link MorphoScreenIndex#candidates}) include every position the
 * block's screen ({@link MorphoBook.Screen#mayBeLiquidatable}, of a position that borrows) lets through, ascending and
 * each once: a listing that screens only those lists what a screen of every position lists.
 */
class MorphoScreenIndexTest {
    /**
     * Worked by hand. One WETH unit (1e-18 WETH) is worth 2e-9 USDC units (2,000 USDC a WETH), the LLTV is 86% and a
     * borrow share is worth 1e-6 USDC units (Morpho's 1e6 virtual shares per asset); a USDC unit is 1e-6 USD.
     * Position 0, 1 WETH against 1,700 USDC: it may borrow 1e18 × 2e-9 × 0.86 = 1.72e9 units, above its 1.7e9 × (1 +
     * 1e-6): not let through, and not named (1e18 / 1.7e15 = 588.2 units per share against the bound 1e-6 × (1 + 1e-6)
     * / 1.72e-9 = 581.4; 1.7e15 shares against max(1e7 / 1e-6, 10 / (1e-6 × 1e-6)) = 1e13). Position 1, 1 WETH against
     * 1,720.5 USDC: 1.7205e9 above 1.72e9, let through. Position 2, 0.001 WETH against 1 USDC, and position 4, 10 WETH
     * against 5 USDC: fewer than 1e7 units borrowed, always let through. Position 3 borrows nothing.
     */
    @Test
    void aMarketsIndexNamesThePositionsItsScreenLetsThroughWorkedByHand() {
        double[] collateral = {1e18, 1e18, 1e15, 0, 1e19};
        double[] shares = {1.7e15, 1.7205e15, 1e12, 0, 5e12};
        MorphoBook.Screen screen = new MorphoBook.Screen(2e-9, 0.86, 1e-6);
        double unitUsd = 1e-6;
        for (int i = 0; i < 5; i++) {
            assertThat(shares[i] != 0 && screen.mayBeLiquidatable(collateral[i], shares[i], unitUsd))
                    .as("position %d", i).isEqualTo(i == 1 || i == 2 || i == 4);
        }
        MorphoScreenIndex index = new MorphoScreenIndex(5);
        int[] out = new int[5];
        int n = index.candidates(collateral, shares, screen, unitUsd, out);
        assertThat(Arrays.copyOf(out, n)).containsExactly(1, 2, 4);

        // Position 0 liquidated in part: named until the orders are made again, whatever its balances.
        collateral[0] = 0.5e18;
        index.changed(0);
        n = index.candidates(collateral, shares, screen, unitUsd, out);
        assertThat(Arrays.copyOf(out, n)).containsExactly(0, 1, 2, 4);

        // A price of zero (or any input not positive and finite) bounds nothing: every position is to be screened.
        assertThat(index.candidates(collateral, shares, new MorphoBook.Screen(0, 0.86, 1e-6), unitUsd, out))
                .isEqualTo(MorphoScreenIndex.EVERY);
        assertThat(index.candidates(collateral, shares, screen, Double.NaN, out)).isEqualTo(MorphoScreenIndex.EVERY);
        assertThat(index.candidates(collateral, shares, new MorphoBook.Screen(2e-9, 0.86, Double.POSITIVE_INFINITY),
                unitUsd, out)).isEqualTo(MorphoScreenIndex.EVERY);
    }

    /**
     * Seeded random markets of 2,000 positions — balances over many orders of magnitude, a tenth without a borrow, a
     * few zero, huge or tiny — through 60 random screens, between which a random tenth to a hundredth of the positions
     * change (and are marked changed), so that the orders are made again now and then: the index names every position
     * the screen lets through, ascending and each once, and leaves out most of the rest.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theIndexNamesEveryPositionTheScreenLetsThrough(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int size = 2_000;
        double[] collateral = new double[size];
        double[] shares = new double[size];
        for (int i = 0; i < size; i++) {
            randomPosition(rnd, collateral, shares, i);
        }
        MorphoScreenIndex index = new MorphoScreenIndex(size);
        int[] out = new int[size];
        long named = 0;
        long through = 0;
        for (int block = 0; block < 60; block++) {
            // Around 2,000 collateral units a borrowed unit (times the share rate), moved by up to ±30%.
            double assetsPerShare = 1e-6 * (1 + rnd.nextDouble());
            double priceInLoan = 2e-9 * (0.7 + 0.6 * rnd.nextDouble());
            MorphoBook.Screen screen = new MorphoBook.Screen(priceInLoan, 0.86, assetsPerShare);
            double unitUsd = rnd.nextInt(10) == 0 ? 1e-2 : 1e-6;
            int n = index.candidates(collateral, shares, screen, unitUsd, out);
            assertThat(n).isNotEqualTo(MorphoScreenIndex.EVERY);
            int[] names = Arrays.copyOf(out, n);
            assertThat(names).isSorted().doesNotHaveDuplicates();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (shares[i] != 0 && screen.mayBeLiquidatable(collateral[i], shares[i], unitUsd)) {
                    expected.add(i);
                }
            }
            assertThat(Arrays.stream(names).boxed().toList()).as("block %d", block).containsAll(expected);
            named += n;
            through += expected.size();
            int changes = size / (10 + rnd.nextInt(90));
            for (int c = 0; c < changes; c++) {
                int i = rnd.nextInt(size);
                randomPosition(rnd, collateral, shares, i);
                index.changed(i);
            }
        }
        // What the index spares: most positions are named only when the screen lets them through (or they changed).
        assertThat(named).isLessThan(through + 60L * size / 4);
    }

    /**
     * A random position: a tenth without a borrow, a few of extreme sizes or past the doubles' range, the rest around
     * the boundary.
     */
    private static void randomPosition(SplittableRandom rnd, double[] collateral, double[] shares, int i) {
        int kind = rnd.nextInt(40);
        if (kind < 4) {
            collateral[i] = rnd.nextDouble() * 1e20;
            shares[i] = 0;
        } else if (kind == 4) {
            collateral[i] = 0;
            shares[i] = 1e15 * rnd.nextDouble();
        } else if (kind == 5) {
            collateral[i] = 1e300 * rnd.nextDouble();
            shares[i] = Double.MIN_VALUE * (1 + rnd.nextInt(5));
        } else if (kind == 6) {
            collateral[i] = 1e-300;
            shares[i] = 1e290;
        } else if (kind == 7) {
            // Shares past the doubles' range (a BigInteger's doubleValue): the screen lets it through, and the orders
            // cannot place it.
            collateral[i] = 1e18;
            shares[i] = Double.POSITIVE_INFINITY;
        } else {
            // Collateral of 1e15–1e21 units; a borrow putting the position within ±20% of its boundary.
            collateral[i] = Math.pow(10, 15 + 6 * rnd.nextDouble());
            double maxBorrowUnits = collateral[i] * 2e-9 * 0.86;
            shares[i] = maxBorrowUnits * (0.8 + 0.4 * rnd.nextDouble()) / 1.5e-6;
        }
    }
}
