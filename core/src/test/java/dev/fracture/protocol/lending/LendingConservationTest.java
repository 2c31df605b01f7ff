package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conservation of tokens on seeded random liquidations: nothing is created or lost by a mechanic. */
class LendingConservationTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aaveLiquidationConservesDebtAndCollateral(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int liquidated = 0;
        for (int i = 0; i < 3_000; i++) {
            RandomAave.Case c = RandomAave.next(random, i);
            AaveAccountData data = AaveHealth.DEFAULT.accountData(c.market(), c.prices(), c.account());
            var collateral = c.account().collaterals().stream().filter(AaveCollateral::usedAsCollateral).findFirst();
            if (!data.liquidatable() || collateral.isEmpty() || c.account().debts().isEmpty()) {
                continue;
            }
            AssetId col = collateral.get().asset();
            AaveDebt debt = c.account().debts().get(random.nextInt(c.account().debts().size()));
            BigInteger ask = random.nextBoolean() ? debt.balance() : debt.balance().shiftRight(2).max(BigInteger.ONE);
            AaveLiquidationResult r = AaveLiquidation.DEFAULT.liquidate(c.market(), c.prices(), c.account(), col,
                    debt.asset(), ask);
            // Aave v3.0 writes nothing off: bad debt is zero and the debt removed is exactly the debt repaid.
            assertThat(r.debtRepaid().add(r.remainingDebt())).isEqualTo(debt.balance());
            assertThat(r.collateralSeized().add(r.remainingCollateral())).isEqualTo(collateral.get().balance());
            assertThat(r.collateralToLiquidator().add(r.protocolFee())).isEqualTo(r.collateralSeized());
            assertThat(r.debtRepaid()).isLessThanOrEqualTo(ask);
            assertThat(r.debtRepaid().signum()).isGreaterThanOrEqualTo(0);
            liquidated++;
        }
        assertThat(liquidated).isGreaterThan(300);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void morphoLiquidationRepaysPlusBadDebtEqualsBorrowRemoved(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int badDebts = 0;
        for (int i = 0; i < 3_000; i++) {
            BigInteger lltv = BigInteger.valueOf(random.nextLong(500_000_000_000_000_000L, 980_000_000_000_000_000L));
            MorphoMarketParams params = new MorphoMarketParams(AssetId.of("L"), AssetId.of("C"), lltv);
            BigInteger otherBorrow = BigInteger.valueOf(random.nextLong(0, 1_000_000_000_000L));
            BigInteger borrow = BigInteger.valueOf(random.nextLong(1_000_000, 1_000_000_000_000L));
            BigInteger totalBorrowAssets = otherBorrow.add(borrow);
            // Shares minted at a random past share price (interest accrued since), as toSharesDown would.
            BigInteger totalBorrowShares = totalBorrowAssets.multiply(BigInteger.valueOf(random.nextLong(500_000, 1_000_000)));
            BigInteger shares = MorphoBlue.toSharesDown(borrow, totalBorrowAssets, totalBorrowShares);
            BigInteger supply = totalBorrowAssets.multiply(BigInteger.TWO);
            MorphoMarketState state = new MorphoMarketState(supply, supply.multiply(BigInteger.valueOf(1_000_000)),
                    totalBorrowAssets, totalBorrowShares);
            BigInteger collateral = BigInteger.valueOf(random.nextLong(1, 1_000_000_000_000_000_000L));
            MorphoPosition position = new MorphoPosition(AccountId.of("p" + i), shares, collateral);
            BigInteger borrowed = MorphoBlue.DEFAULT.borrowed(state, position);
            // A price that puts the position at 60% to 110% of its LLTV capacity over borrowed: often underwater.
            double ratio = random.nextDouble(0.5, 1.1);
            BigInteger price = new java.math.BigDecimal(borrowed).multiply(new java.math.BigDecimal(MorphoBlue.ORACLE_PRICE_SCALE))
                    .multiply(java.math.BigDecimal.valueOf(ratio)).divide(new java.math.BigDecimal(collateral), java.math.MathContext.DECIMAL128)
                    .toBigInteger().max(BigInteger.ONE);
            if (MorphoBlue.DEFAULT.isHealthy(params, state, position, price)) {
                continue;
            }
            MorphoLiquidationResult r;
            try {
                r = random.nextBoolean()
                        ? MorphoBlue.DEFAULT.liquidateBySeizedAssets(params, state, position, price, collateral)
                        : MorphoBlue.DEFAULT.liquidateByRepaidShares(params, state, position, price,
                                shares.multiply(BigInteger.valueOf(random.nextInt(1, 101))).divide(BigInteger.valueOf(100)).max(BigInteger.ONE));
            } catch (IllegalArgumentException moreThanHeld) {
                // Seizing all collateral worth more than the debt at the incentive, or repaying shares worth more
                // collateral than held: the contract's checked subtraction reverts.
                assertThat(moreThanHeld).hasMessageContaining("exceed the position's");
                continue;
            }
            BigInteger borrowRemoved = state.totalBorrowAssets().subtract(r.stateAfter().totalBorrowAssets());
            assertThat(r.repaidAssets().add(r.badDebtAssets())).as("case %d", i).isEqualTo(borrowRemoved);
            assertThat(r.seizedAssets().add(r.positionAfter().collateral())).isEqualTo(collateral);
            assertThat(state.totalSupplyAssets().subtract(r.stateAfter().totalSupplyAssets())).isEqualTo(r.badDebtAssets());
            assertThat(state.totalBorrowShares().subtract(r.stateAfter().totalBorrowShares()))
                    .isEqualTo(r.repaidShares().add(r.badDebtShares()));
            if (r.badDebtAssets().signum() > 0) {
                badDebts++;
            }
        }
        assertThat(badDebts).isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void cometAbsorbConservesCollateralAndAccountsForEveryBaseUnit(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AssetId base = AssetId.of("USDC");
        AssetId weth = AssetId.of("WETH");
        AssetId wbtc = AssetId.of("WBTC");
        long e18 = 1_000_000_000_000_000_000L;
        for (int i = 0; i < 2_000; i++) {
            long lcf = random.nextLong(e18 / 2, e18 / 100 * 95);
            CometMarket market = CometMarket.of(base, 6, e18 / 2, BigInteger.TEN.pow(12), java.util.List.of(
                    new CometAssetConfig(weth, 18, lcf - e18 / 20, lcf, random.nextLong(lcf, e18), BigInteger.TEN.pow(30)),
                    new CometAssetConfig(wbtc, 8, lcf - e18 / 20, lcf, random.nextLong(lcf, e18), BigInteger.TEN.pow(30))));
            CometPrices prices = new CometPrices(Map.of(base, 100_000_000L, weth, random.nextLong(100_000_000_000L, 500_000_000_000L),
                    wbtc, random.nextLong(2_000_000_000_000L, 9_000_000_000_000L)));
            Map<AssetId, BigInteger> collateral = Map.of(weth, BigInteger.valueOf(random.nextLong(1, e18 * 5)),
                    wbtc, BigInteger.valueOf(random.nextLong(1, 500_000_000L)));
            BigInteger debt = BigInteger.valueOf(random.nextLong(1_000_000, 600_000_000_000L));
            CometAccount account = new CometAccount(AccountId.of("c" + i), debt.negate(), collateral);
            if (!Comet.DEFAULT.isLiquidatable(market, prices, account)) {
                continue;
            }
            CometState state = new CometState(BigInteger.valueOf(random.nextLong(-1_000_000_000L, 1_000_000_000_000L)),
                    Map.of(), debt.multiply(BigInteger.TWO), debt);
            CometAbsorbResult r = Comet.DEFAULT.absorb(market, prices, state, account);
            for (AssetId a : collateral.keySet()) {
                assertThat(r.stateAfter().collateralReserve(a)).isEqualTo(collateral.get(a));
            }
            // debt removed = credited by collateral + uncovered (the protocol's loss); reserves pay both plus any
            // excess credited as supply.
            assertThat(r.debtAbsorbed()).isEqualTo(debt);
            assertThat(r.creditedBase().add(r.uncoveredDebt())).isEqualTo(debt.add(r.supplyCredited()));
            assertThat(state.reserves().subtract(r.stateAfter().reserves())).isEqualTo(debt.add(r.supplyCredited()));
        }
    }
}
