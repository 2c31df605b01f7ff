package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast engine's Morpho screen ({@link MorphoBook.Screen#mayBeLiquidatable}) never clears a position Morpho Blue's
 * own check would liquidate. The truth is the contract's {@code _isHealthy}, worked here in plain integers: healthy
 * while {@code collateral.mulDivDown(price, 1e36).wMulDown(lltv) >= borrowShares.toAssetsUp(totalBorrowAssets,
 * totalBorrowShares)}, with the virtual 1 asset and 1e6 shares of {@code SharesMathLib}.
 */
class MorphoScreenTest {
    private static final BigInteger E36 = BigInteger.TEN.pow(36);
    private static final BigInteger WAD = BigInteger.TEN.pow(18);

    private static boolean liquidatable(BigInteger collateral, BigInteger price, BigInteger lltv, BigInteger shares,
                                        BigInteger totalAssets, BigInteger totalShares) {
        BigInteger maxBorrow = collateral.multiply(price).divide(E36).multiply(lltv).divide(WAD);
        BigInteger assets = totalAssets.add(BigInteger.ONE);
        BigInteger sharesWithVirtual = totalShares.add(BigInteger.valueOf(1_000_000));
        BigInteger borrowed = shares.multiply(assets).add(sharesWithVirtual).subtract(BigInteger.ONE)
                .divide(sharesWithVirtual);
        return borrowed.compareTo(maxBorrow) > 0;
    }

    private static boolean screened(BigInteger collateral, BigInteger price, BigInteger lltv, BigInteger shares,
                                    BigInteger totalAssets, BigInteger totalShares, double unitUsd) {
        // The position's amounts as MorphoBook keeps them for the screen (Market.rescreen).
        return MorphoBook.Screen.of(price, lltv, totalAssets, totalShares)
                .mayBeLiquidatable(collateral.doubleValue(), shares.doubleValue(), unitUsd);
    }

    /**
     * Worked by hand: a loan token of two decimals at 1 USD (a unit is 0.01 USD), LLTV 98%, 2,042 collateral units at
     * 1.0004999 loan units each, and 2,002,100,000 shares of a market of 999,999 assets and 999,999,000,000 shares
     * (1e-6 assets per share with the virtual ones): in doubles the max borrow is 2,042 × 1.0004999 × 0.98 =
     * 2,002.160 against a borrow of 2,002.1 (20.02 USD), 3.0e-5 above it, over the 1e-6 margin. The contract floors
     * 2,043.02 to 2,043 and 2,043 × 0.98 = 2,002.14 to 2,002, and ceils the borrow to 2,003: liquidatable.
     */
    @Test
    void aSmallBorrowInATokenOfFewDecimalsIsCheckedExactly() {
        BigInteger collateral = BigInteger.valueOf(2_042);
        BigInteger price = new BigInteger("1000499900000000000000000000000000000");
        BigInteger lltv = new BigInteger("980000000000000000");
        BigInteger shares = BigInteger.valueOf(2_002_100_000L);
        BigInteger totalAssets = BigInteger.valueOf(999_999);
        BigInteger totalShares = BigInteger.valueOf(999_999_000_000L);
        assertThat(liquidatable(collateral, price, lltv, shares, totalAssets, totalShares)).isTrue();
        assertThat(screened(collateral, price, lltv, shares, totalAssets, totalShares, 0.01)).isTrue();
    }

    /**
     * Seeded random positions within 1e-5 of Morpho's boundary, in loan tokens of 0, 2, 6 and 18 decimals at 1 USD,
     * borrowing from ten units to a trillion, at the LLTVs Morpho governance enabled: none the contract liquidates is
     * cleared by the screen.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theScreenNeverClearsAPositionTheContractLiquidates(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] lltvs = {"385000000000000000", "625000000000000000", "770000000000000000", "860000000000000000",
            "915000000000000000", "945000000000000000", "965000000000000000", "980000000000000000"};
        int[] decimals = {0, 2, 6, 18};
        int liquidatable = 0;
        int cleared = 0;
        for (int n = 0; n < 2_000; n++) {
            BigInteger lltv = new BigInteger(lltvs[rnd.nextInt(lltvs.length)]);
            double unitUsd = Math.pow(10, -decimals[rnd.nextInt(decimals.length)]);
            // The market: a million to a trillion assets, shares about a million per asset.
            BigInteger totalAssets = BigInteger.valueOf((long) Math.pow(10, 6 + 6 * rnd.nextDouble()));
            BigInteger totalShares = new BigDecimal(totalAssets)
                    .multiply(BigDecimal.valueOf(1e6 * (0.5 + rnd.nextDouble())))
                    .setScale(0, RoundingMode.FLOOR).toBigInteger();
            double borrowUnits = Math.pow(10, 1 + 11 * rnd.nextDouble());
            double assetsPerShare = (totalAssets.doubleValue() + 1) / (totalShares.doubleValue() + 1e6);
            BigInteger shares = BigInteger.valueOf(Math.max(1, (long) (borrowUnits / assetsPerShare)));
            // The oracle's price of a collateral unit in loan units (× 1e36), and collateral for a max borrow within
            // 1e-5 of the borrow.
            double priceInLoan = Math.pow(10, -6 + 12 * rnd.nextDouble());
            BigInteger price = new BigDecimal(priceInLoan).multiply(new BigDecimal(E36))
                    .setScale(0, RoundingMode.FLOOR).toBigInteger();
            double target = shares.doubleValue() * assetsPerShare * (1 + (rnd.nextDouble() * 2e-5 - 1e-5));
            BigInteger collateral = new BigDecimal(target / (priceInLoan * lltv.doubleValue() * 1e-18))
                    .setScale(0, RoundingMode.HALF_EVEN).toBigInteger().max(BigInteger.ONE);
            boolean truth = liquidatable(collateral, price, lltv, shares, totalAssets, totalShares);
            boolean flagged = screened(collateral, price, lltv, shares, totalAssets, totalShares, unitUsd);
            if (truth) {
                liquidatable++;
                assertThat(flagged).as("seed %d, position %d: %s collateral, %s shares, price %s, lltv %s, unit %s USD:"
                        + " liquidatable, not flagged", seed, n, collateral, shares, price, lltv, unitUsd).isTrue();
            }
            if (!flagged) {
                cleared++;
            }
        }
        // Neither side empty: many liquidatable positions asked, many healthy ones cleared.
        assertThat(liquidatable).isGreaterThan(200);
        assertThat(cleared).isGreaterThan(200);
    }
}
