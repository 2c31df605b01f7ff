package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AaveLiquidationTest {
    static final AssetId USDC = AssetId.of("USDC");
    static final AssetId USDT = AssetId.of("USDT");
    static final AssetId WETH = AssetId.of("WETH");
    static final AaveMarket MARKET = AaveMarket.of(List.of(
            new AaveReserveConfig(WETH, 18, 8000, 8250, 10500, 1000, 0, 0, 0, true, 0),
            AaveReserveConfig.of(USDC, 6, 9000, 9500, 10500),
            AaveReserveConfig.of(USDT, 6, 7500, 7800, 10450)), List.of());
    static final BigInteger ONE_ETH = BigInteger.TEN.pow(18);

    static AaveAccount ethBorrower(String usdcDebt) {
        return new AaveAccount(AccountId.of("borrower"), 0, List.of(AaveCollateral.of(WETH, ONE_ETH)),
                List.of(new AaveDebt(USDC, new BigInteger(usdcDebt))));
    }

    static AavePrices prices(long weth) {
        return new AavePrices(Map.of(WETH, weth, USDC, 100_000_000L, USDT, 100_000_000L));
    }

    @Test
    void halfCloseFactorAboveThresholdWithBonusAndProtocolFee() {
        // 1 WETH at 2000 USD, 1700 USDC debt: HF = 2000 * 0.825 / 1700 = 0.970588235294117647 > 0.95 -> 50%.
        AaveLiquidationResult r = AaveLiquidation.DEFAULT.liquidate(MARKET, prices(200_000_000_000L),
                ethBorrower("1700000000"), WETH, USDC, new BigInteger("1000000000"));
        assertThat(r.healthFactorBefore()).isEqualTo(new BigInteger("970588235294117647"));
        assertThat(r.closeFactorBps()).isEqualTo(5000);
        // maxLiquidatable = 1700e6.percentMul(5000) = 850e6 < 1000e6 asked.
        assertThat(r.debtRepaid()).isEqualTo(new BigInteger("850000000"));
        // base = 1e8 * 850e6 * 1e18 / (2000e8 * 1e6) = 0.425e18; seized = base.percentMul(10500) = 0.44625e18
        assertThat(r.collateralSeized()).isEqualTo(new BigInteger("446250000000000000"));
        // bonus part = 0.44625e18 - 0.44625e18.percentDiv(10500) = 0.02125e18; fee 10% of it = 0.002125e18
        assertThat(r.protocolFee()).isEqualTo(new BigInteger("2125000000000000"));
        assertThat(r.collateralToLiquidator()).isEqualTo(new BigInteger("444125000000000000"));
        assertThat(r.remainingCollateral()).isEqualTo(new BigInteger("553750000000000000"));
        assertThat(r.remainingDebt()).isEqualTo(new BigInteger("850000000"));
        assertThat(r.accountAfter().debtBalance(USDC)).isEqualTo(r.remainingDebt());
        assertThat(r.accountAfter().collateralBalance(WETH)).isEqualTo(r.remainingCollateral());
    }

    @Test
    void seizureIsCappedByTheCollateralAndRepaysOnlyWhatItCovers() {
        // WETH at 1000 USD: HF = 1000 * 0.825 / 1700 = 0.485 -> close factor 100%.
        AaveLiquidationResult r = AaveLiquidation.DEFAULT.liquidate(MARKET, prices(100_000_000_000L),
                ethBorrower("1700000000"), WETH, USDC, new BigInteger("1700000000"));
        assertThat(r.closeFactorBps()).isEqualTo(10_000);
        // 1700 USDC would need 1.7 WETH * 1.05 = 1.785 WETH > 1 held: seize all 1 WETH.
        assertThat(r.collateralSeized()).isEqualTo(ONE_ETH);
        assertThat(r.remainingCollateral()).isZero();
        // debt covered = (1000e8 * 1e18 * 1e6 / (1e8 * 1e18)).percentDiv(10500) = 1e9 * 1e4 / 10500 = 952380952
        assertThat(r.debtRepaid()).isEqualTo(new BigInteger("952380952"));
        assertThat(r.remainingDebt()).isEqualTo(new BigInteger("747619048"));
        // bonus = 1e18 - 1e18.percentDiv(10500) = 1e18 - 952380952380952381 = 47619047619047619; 10% rounded half up
        assertThat(r.protocolFee()).isEqualTo(new BigInteger("4761904761904762"));
        assertThat(r.accountAfter().collaterals()).isEmpty();
    }

    @Test
    void theSeizureIsTheCallsAmountsWorkedByHand() {
        // The two cases above, through the amounts alone (what an opportunity reads): the same numbers by hand.
        AaveAccount half = ethBorrower("1700000000");
        AavePrices at2000 = prices(200_000_000_000L);
        AaveLiquidation.Seizure s = AaveLiquidation.DEFAULT.seizure(MARKET, at2000, half,
                AaveHealth.DEFAULT.accountData(MARKET, at2000, half), WETH, USDC, new BigInteger("1000000000"));
        assertThat(s.closeFactorBps()).isEqualTo(5000);
        assertThat(s.debtRepaid()).isEqualTo(new BigInteger("850000000"));
        assertThat(s.collateralSeized()).isEqualTo(new BigInteger("446250000000000000"));
        assertThat(s.protocolFee()).isEqualTo(new BigInteger("2125000000000000"));
        assertThat(s.collateralToLiquidator()).isEqualTo(new BigInteger("444125000000000000"));
        assertThat(s.remainingCollateral()).isEqualTo(new BigInteger("553750000000000000"));
        assertThat(s.remainingDebt()).isEqualTo(new BigInteger("850000000"));
        AavePrices at1000 = prices(100_000_000_000L);
        AaveLiquidation.Seizure all = AaveLiquidation.DEFAULT.seizure(MARKET, at1000, half,
                AaveHealth.DEFAULT.accountData(MARKET, at1000, half), WETH, USDC, new BigInteger("1700000000"));
        assertThat(all.collateralSeized()).isEqualTo(ONE_ETH);
        assertThat(all.debtRepaid()).isEqualTo(new BigInteger("952380952"));
        assertThat(all.remainingDebt()).isEqualTo(new BigInteger("747619048"));
        assertThat(all.protocolFee()).isEqualTo(new BigInteger("4761904761904762"));
        // The same checks as the call: a healthy account is refused.
        AavePrices at4000 = prices(400_000_000_000L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AaveLiquidation.DEFAULT.seizure(MARKET, at4000, half,
                AaveHealth.DEFAULT.accountData(MARKET, at4000, half), WETH, USDC, new BigInteger("1000000000")))
                .hasMessageContaining("HEALTH_FACTOR_NOT_BELOW_THRESHOLD");
    }

    @Test
    void closeFactorBoundaryFollowsTheContractsStrictComparison() {
        BigInteger threshold = new BigInteger("950000000000000000");
        // LiquidationLogic._calculateDebt: healthFactor > CLOSE_FACTOR_HF_THRESHOLD ? 50% : 100%.
        assertThat(AaveLiquidation.closeFactorBps(threshold.add(BigInteger.ONE))).isEqualTo(5000);
        assertThat(AaveLiquidation.closeFactorBps(threshold)).isEqualTo(10_000);
        assertThat(AaveLiquidation.closeFactorBps(threshold.subtract(BigInteger.ONE))).isEqualTo(10_000);

        // Through a whole liquidation: 1 USDC of collateral (threshold 95%) against 1 USDT of debt gives exactly
        // (1e8.percentMul(9500)).wadDiv(1e8) = 0.95e18.
        AaveAccount exact = new AaveAccount(AccountId.of("x"), 0,
                List.of(AaveCollateral.of(USDC, new BigInteger("1000000"))),
                List.of(new AaveDebt(USDT, new BigInteger("1000000"))));
        AaveLiquidationResult atThreshold = AaveLiquidation.DEFAULT.liquidate(MARKET, prices(1L), exact, USDC, USDT,
                new BigInteger("1000000"));
        assertThat(atThreshold.healthFactorBefore()).isEqualTo(threshold);
        assertThat(atThreshold.closeFactorBps()).isEqualTo(10_000);
        // 999999 USDT units of debt: HF = (95000000 * 1e18 + 49999950) / 99999900 = 950000950000950001 > 0.95e18.
        AaveAccount above = new AaveAccount(AccountId.of("y"), 0,
                List.of(AaveCollateral.of(USDC, new BigInteger("1000000"))),
                List.of(new AaveDebt(USDT, new BigInteger("999999"))));
        AaveLiquidationResult r = AaveLiquidation.DEFAULT.liquidate(MARKET, prices(1L), above, USDC, USDT,
                new BigInteger("999999"));
        assertThat(r.healthFactorBefore()).isEqualTo(new BigInteger("950000950000950001"));
        assertThat(r.closeFactorBps()).isEqualTo(5000);
        assertThat(r.debtRepaid()).isEqualTo(new BigInteger("500000")); // 999999.percentMul(5000), half up
    }

    @Test
    void eModeBonusAppliesToSameCategoryCollateral() {
        AaveMarket market = AaveMarket.of(List.of(
                new AaveReserveConfig(WETH, 18, 8000, 8250, 10500, 0, 0, 0, 0, true, 1),
                new AaveReserveConfig(USDC, 6, 9000, 9500, 10500, 0, 0, 0, 0, true, 1)),
                List.of(new AaveEModeCategory(1, 9000, 9300, 10100)));
        AaveAccount account = new AaveAccount(AccountId.of("e"), 1, List.of(AaveCollateral.of(WETH, ONE_ETH)),
                List.of(new AaveDebt(USDC, new BigInteger("1900000000"))));
        // HF = 2000 * 0.93 / 1900 = 0.978947... -> 50%: 950 USDC; seized = 0.475 WETH * 1.01 = 0.47975 WETH.
        AaveLiquidationResult r = AaveLiquidation.DEFAULT.liquidate(market, prices(200_000_000_000L), account, WETH,
                USDC, new BigInteger("950000000"));
        assertThat(r.collateralSeized()).isEqualTo(new BigInteger("479750000000000000"));
    }

    /**
     * A bonus in force for a collateral of the account's category (a mitigation's, {@link AaveMarket#eModeBonusBps})
     * replaces the category's for that collateral: 0.475 WETH × 1.03 = 0.48925 WETH; an account outside e-mode keeps
     * the reserve's own 5%: 0.425 WETH × 1.05 for half of 1700 USDC.
     */
    @Test
    void anEModeBonusInForceReplacesTheCategorysForThatCollateralOnly() {
        Map<AssetId, AaveReserveConfig> reserves = Map.of(
                WETH, new AaveReserveConfig(WETH, 18, 8000, 8250, 10500, 0, 0, 0, 0, true, 1),
                USDC, new AaveReserveConfig(USDC, 6, 9000, 9500, 10500, 0, 0, 0, 0, true, 1));
        AaveMarket market = new AaveMarket(reserves, Map.of(1, new AaveEModeCategory(1, 9000, 9300, 10100)),
                Map.of(WETH, 10_300));
        AaveAccount inMode = new AaveAccount(AccountId.of("e"), 1, List.of(AaveCollateral.of(WETH, ONE_ETH)),
                List.of(new AaveDebt(USDC, new BigInteger("1900000000"))));
        assertThat(AaveLiquidation.DEFAULT.liquidate(market, prices(200_000_000_000L), inMode, WETH, USDC,
                new BigInteger("950000000")).collateralSeized()).isEqualTo(new BigInteger("489250000000000000"));
        assertThat(AaveLiquidation.DEFAULT.liquidate(market, prices(200_000_000_000L), ethBorrower("1700000000"),
                WETH, USDC, new BigInteger("850000000")).collateralSeized())
                .isEqualTo(new BigInteger("446250000000000000"));
        assertThatThrownBy(() -> new AaveMarket(MARKET.reserves(), MARKET.eModes(), Map.of(WETH, 10_300)))
                .hasMessage("eModeBonusBps[WETH]: not a reserve of an e-mode category of this market");
        assertThatThrownBy(() -> new AaveMarket(reserves, market.eModes(), Map.of(WETH, 9_900)))
                .hasMessage("eModeBonusBps[WETH]: must be >= 10000 (was 9900): a bonus includes the principal");
    }

    @Test
    void healthyAccountsCannotBeLiquidated() {
        assertThatThrownBy(() -> AaveLiquidation.DEFAULT.liquidate(MARKET, prices(300_000_000_000L),
                ethBorrower("1700000000"), WETH, USDC, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HEALTH_FACTOR_NOT_BELOW_THRESHOLD");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theAccountDataGivenIsTheDataComputed(long seed) {
        // The overload for a caller that has the account's data already is the same call: same result, same revert.
        SplittableRandom random = new SplittableRandom(seed);
        int liquidatable = 0;
        for (int k = 0; k < 60; k++) {
            RandomAave.Case c = RandomAave.next(random, 3);
            AaveAccountData data = AaveHealth.DEFAULT.accountData(c.market(), c.prices(), c.account());
            if (c.account().collaterals().isEmpty() || c.account().debts().isEmpty()) {
                continue;
            }
            AssetId collateral = c.account().collaterals().get(0).asset();
            AssetId debt = c.account().debts().get(0).asset();
            BigInteger cover = c.account().debtBalance(debt).max(BigInteger.ONE);
            Object plain;
            Object given;
            try {
                plain = AaveLiquidation.DEFAULT.liquidate(c.market(), c.prices(), c.account(), collateral, debt, cover);
            } catch (IllegalArgumentException e) {
                plain = e.getMessage();
            }
            try {
                given = AaveLiquidation.DEFAULT.liquidate(c.market(), c.prices(), c.account(), data, collateral, debt,
                        cover);
            } catch (IllegalArgumentException e) {
                given = e.getMessage();
            }
            assertThat(given).as("seed %d case %d", seed, k).isEqualTo(plain);
            liquidatable += data.liquidatable() ? 1 : 0;
        }
        assertThat(liquidatable).as("both outcomes occur").isBetween(1, 59);
    }
}
