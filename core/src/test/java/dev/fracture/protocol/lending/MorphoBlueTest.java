package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MorphoBlueTest {
    static final BigInteger E18 = BigInteger.TEN.pow(18);
    static final MorphoMarketParams WETH_USDC_86 = new MorphoMarketParams(AssetId.of("USDC"), AssetId.of("WETH"),
            new BigInteger("860000000000000000"));

    @ParameterizedTest
    @CsvSource({
            // lltv, 1 / (0.3 lltv + 0.7) worked out, WAD result (wDivDown of WAD by WAD - 0.3 * (1 - lltv))
            "860000000000000000, 1.0438413361169102, 1043841336116910229", // 1 / 0.958
            "915000000000000000, 1.0261672652642381, 1026167265264238070", // 1 / 0.9745
            "945000000000000000, 1.0167768174885613, 1016776817488561260", // 1 / 0.9835
            "980000000000000000, 1.0060362173038229, 1006036217303822937", // 1 / 0.994
            "500000000000000000, 1.15, 1150000000000000000"               // 1 / 0.85 = 1.176 -> capped at 1.15
    })
    void liquidationIncentiveFactorFollowsTheCursorFormula(String lltv, double expected, String wad) {
        BigInteger lif = MorphoBlue.liquidationIncentiveFactor(new BigInteger(lltv));
        assertThat(lif).isEqualTo(new BigInteger(wad));
        double l = Double.parseDouble(lltv) / 1e18;
        assertThat(lif.doubleValue() / 1e18).isCloseTo(Math.min(1.15, 1 / (0.3 * l + 0.7)),
                org.assertj.core.api.Assertions.within(1e-15));
        assertThat(lif.doubleValue() / 1e18).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void seizingAllCollateralRealizesTheRestAsBadDebtAgainstSuppliers() {
        // 1000 USDC borrowed (all of the market's borrow) against 1 WETH; WETH at 900 USDC:
        // oracle price = 900e6 loan units per 1e18 collateral units, scaled 1e36 -> 900e24.
        MorphoMarketState state = new MorphoMarketState(BigInteger.valueOf(10_000_000_000L),
                new BigInteger("10000000000000000"), BigInteger.valueOf(1_000_000_000L),
                new BigInteger("1000000000000000"));
        MorphoPosition position = new MorphoPosition(AccountId.of("b"), new BigInteger("1000000000000000"), E18);
        BigInteger price = new BigInteger("900000000000000000000000000");
        // max borrow 900 * 0.86 = 774 < 1000: unhealthy.
        assertThat(MorphoBlue.DEFAULT.isHealthy(WETH_USDC_86, state, position, price)).isFalse();

        MorphoLiquidationResult r = MorphoBlue.DEFAULT.liquidateBySeizedAssets(WETH_USDC_86, state, position, price, E18);
        // quoted = 1e18 * 900e24 / 1e36 = 900e6 (up); repaid = 900e6 / 1.043841336116910229 rounded up in shares:
        // 862200001000000 shares, worth 862200001 assets (up).
        assertThat(r.seizedAssets()).isEqualTo(E18);
        assertThat(r.repaidShares()).isEqualTo(new BigInteger("862200001000000"));
        assertThat(r.repaidAssets()).isEqualTo(BigInteger.valueOf(862_200_001L));
        // Collateral is zero: the remaining 137799999000000 shares = 137799999 assets are bad debt.
        assertThat(r.badDebtShares()).isEqualTo(new BigInteger("137799999000000"));
        assertThat(r.badDebtAssets()).isEqualTo(BigInteger.valueOf(137_799_999L));
        assertThat(r.repaidAssets().add(r.badDebtAssets())).isEqualTo(state.totalBorrowAssets());
        assertThat(r.stateAfter().totalBorrowAssets()).isZero();
        assertThat(r.stateAfter().totalBorrowShares()).isZero();
        // Suppliers lose the bad debt at once: supply assets fall, supply shares do not.
        assertThat(r.stateAfter().totalSupplyAssets()).isEqualTo(BigInteger.valueOf(10_000_000_000L - 137_799_999L));
        assertThat(r.stateAfter().totalSupplyShares()).isEqualTo(state.totalSupplyShares());
        assertThat(r.positionAfter().borrowShares()).isZero();
        assertThat(r.positionAfter().collateral()).isZero();
    }

    @Test
    void repayingSharesSeizesCollateralAtTheIncentive() {
        MorphoMarketState state = new MorphoMarketState(BigInteger.valueOf(10_000_000_000L),
                new BigInteger("10000000000000000"), BigInteger.valueOf(1_000_000_000L),
                new BigInteger("1000000000000000"));
        MorphoPosition position = new MorphoPosition(AccountId.of("b"), new BigInteger("1000000000000000"), E18.multiply(BigInteger.TWO));
        BigInteger price = new BigInteger("500000000000000000000000000"); // 500 USDC per WETH: 1000 * 0.86 = 860 < 1000
        MorphoLiquidationResult r = MorphoBlue.DEFAULT.liquidateByRepaidShares(WETH_USDC_86, state, position, price,
                new BigInteger("500000000000000"));
        // 500e12 shares -> 500e6 - (rounding down) 499999999 or 500000000 assets; * 1.0438... / 500 per WETH
        BigInteger repaidValue = MorphoBlue.toAssetsDown(new BigInteger("500000000000000"),
                state.totalBorrowAssets(), state.totalBorrowShares());
        assertThat(repaidValue).isEqualTo(BigInteger.valueOf(500_000_000L));
        // seized = 500e6 * 1.043841336116910229 (down) * 1e36 / 500e24 = 1.043841336116910229e18 (down)
        assertThat(r.seizedAssets()).isEqualTo(new BigInteger("1043841336000000000"));
        assertThat(r.badDebtAssets()).isZero();
        assertThat(r.positionAfter().collateral()).isEqualTo(new BigInteger("956158664000000000"));
    }

    /**
     * The whole liquidation's amounts without the state after it, worked by hand on the two cases above: 1 WETH at
     * 900 USDC against 1,000 USDC seizes all the collateral for 862,200,001 units repaid; 2 WETH at 550 USDC (1,100
     * USDC, 946 at the LLTV: unhealthy, and more than the 1,043.84 the whole debt asks at the incentive) against the
     * same debt: the whole 1,000 USDC repaid (1e15 shares at 1e6 per unit with the virtual ones: 1,000,000,000 units
     * exactly), and 1,000e6 × 1.043841336116910229 (down) = 1,043,841,336 units of value at 550 USDC per WETH,
     * 1,043,841,336e12 / 550 = 1,897,893,338,181,818,181 WETH units (down) seized. At 1,200 USDC per WETH the first
     * position is healthy (1,200 × 0.86 = 1,032 ≥ 1,000): none.
     */
    @Test
    void aWholeLiquidationTakesWhatLiquidateAllTakes() {
        MorphoMarketState state = new MorphoMarketState(BigInteger.valueOf(10_000_000_000L),
                new BigInteger("10000000000000000"), BigInteger.valueOf(1_000_000_000L),
                new BigInteger("1000000000000000"));
        BigInteger lif = MorphoBlue.liquidationIncentiveFactor(WETH_USDC_86.lltv());
        MorphoPosition one = new MorphoPosition(AccountId.of("b"), new BigInteger("1000000000000000"), E18);
        MorphoBlue.WholeLiquidation all = MorphoBlue.DEFAULT.wholeLiquidation(WETH_USDC_86, state, one,
                new BigInteger("900000000000000000000000000"), lif);
        assertThat(all.seizedAssets()).isEqualTo(E18);
        assertThat(all.repaidAssets()).isEqualTo(BigInteger.valueOf(862_200_001L));
        MorphoPosition two = new MorphoPosition(AccountId.of("b"), new BigInteger("1000000000000000"),
                E18.multiply(BigInteger.TWO));
        all = MorphoBlue.DEFAULT.wholeLiquidation(WETH_USDC_86, state, two,
                new BigInteger("550000000000000000000000000"), lif);
        assertThat(all.repaidAssets()).isEqualTo(BigInteger.valueOf(1_000_000_000L));
        assertThat(all.seizedAssets()).isEqualTo(new BigInteger("1897893338181818181"));
        assertThat(MorphoBlue.DEFAULT.wholeLiquidation(WETH_USDC_86, state, one,
                new BigInteger("1200000000000000000000000000"), lif)).isNull();
    }

    /**
     * The whole liquidation's amounts are {@code liquidateAll}'s, and it is null exactly where the position is healthy:
     * seeded random markets (LLTV 50% to 98%, 6 to 18 decimals either side, totals with 0.9 to 1.2 million shares per
     * unit) and 500 positions each, their borrow set within 20% of the most the LLTV allows, so that both of
     * {@code liquidateAll}'s branches (all the shares repaid, all the collateral seized) and healthy positions come up.
     */
    @ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aWholeLiquidationIsLiquidateAllsAmounts(long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int seizedAll = 0;
        int repaidAll = 0;
        int healthy = 0;
        for (int m = 0; m < 8; m++) {
            BigInteger lltv = BigInteger.valueOf(500_000_000_000_000_000L + rnd.nextLong(480_000_000_000_000_000L));
            MorphoMarketParams params = new MorphoMarketParams(AssetId.of("L"), AssetId.of("C"), lltv);
            BigInteger lif = MorphoBlue.liquidationIncentiveFactor(lltv);
            int loanDecimals = 6 + rnd.nextInt(13);
            int collateralDecimals = 6 + rnd.nextInt(13);
            BigInteger totalBorrowAssets = BigInteger.TEN.pow(loanDecimals).multiply(BigInteger.valueOf(
                    1_000_000 + rnd.nextInt(100_000_000)));
            BigInteger totalBorrowShares = new java.math.BigDecimal(totalBorrowAssets)
                    .multiply(java.math.BigDecimal.valueOf(900_000 + rnd.nextInt(300_000))).toBigInteger();
            MorphoMarketState state = new MorphoMarketState(totalBorrowAssets.multiply(BigInteger.TWO),
                    totalBorrowShares.multiply(BigInteger.TWO), totalBorrowAssets, totalBorrowShares);
            // The loan value of one collateral token: 0.01 to 100,000 loan tokens, scaled as the oracle scales it.
            double perToken = Math.pow(10, -2 + rnd.nextDouble() * 7);
            BigInteger price = new java.math.BigDecimal(perToken).movePointRight(36 + loanDecimals - collateralDecimals)
                    .toBigInteger().max(BigInteger.ONE);
            for (int p = 0; p < 500; p++) {
                double collateralTokens = Math.pow(10, rnd.nextDouble() * 5);
                BigInteger collateral = new java.math.BigDecimal(collateralTokens).movePointRight(collateralDecimals)
                        .toBigInteger().max(BigInteger.ONE);
                double borrowTokens = collateralTokens * perToken * lltv.doubleValue() / 1e18
                        * (0.8 + rnd.nextDouble() * 0.4);
                BigInteger shares = new java.math.BigDecimal(borrowTokens).movePointRight(loanDecimals)
                        .multiply(new java.math.BigDecimal(totalBorrowShares))
                        .divide(new java.math.BigDecimal(totalBorrowAssets), java.math.RoundingMode.DOWN)
                        .toBigInteger().min(totalBorrowShares).max(BigInteger.ONE);
                MorphoPosition position = new MorphoPosition(AccountId.of("p" + p), shares, collateral);
                MorphoBlue.WholeLiquidation whole = MorphoBlue.DEFAULT.wholeLiquidation(params, state, position,
                        price, lif);
                if (MorphoBlue.DEFAULT.isHealthy(params, state, position, price)) {
                    healthy++;
                    assertThat(whole).as("seed %d, market %d, position %d: healthy", seed, m, p).isNull();
                    continue;
                }
                MorphoLiquidationResult truth = MorphoBlue.DEFAULT.liquidateAll(params, state, position, price);
                assertThat(whole).as("seed %d, market %d, position %d", seed, m, p)
                        .isEqualTo(new MorphoBlue.WholeLiquidation(truth.seizedAssets(), truth.repaidAssets()));
                if (truth.seizedAssets().equals(collateral)) {
                    seizedAll++;
                } else {
                    repaidAll++;
                }
            }
        }
        assertThat(seizedAll).isGreaterThan(100);
        assertThat(repaidAll).isGreaterThan(100);
        assertThat(healthy).isGreaterThan(100);
    }
}
