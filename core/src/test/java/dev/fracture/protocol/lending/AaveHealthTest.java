package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AaveHealthTest {
    static final AssetId USDC = AssetId.of("USDC");
    static final AssetId WBTC = AssetId.of("WBTC");
    static final AssetId WETH = AssetId.of("WETH");

    static final AaveMarket MARKET = AaveMarket.of(List.of(
            AaveReserveConfig.of(USDC, 6, 7500, 7800, 10450),
            AaveReserveConfig.of(WBTC, 8, 7000, 7500, 10650),
            AaveReserveConfig.of(WETH, 18, 8000, 8250, 10500)), List.of());
    static final AavePrices PRICES = new AavePrices(Map.of(
            USDC, 100_010_000L, WBTC, 6_000_012_345_678L, WETH, 300_050_000_000L));

    static BigInteger big(String s) {
        return new BigInteger(s);
    }

    @Test
    void healthFactorOfThreeDecimalsMatchesTheContractArithmeticByHand() {
        AaveAccount account = new AaveAccount(AccountId.of("alice"), 0,
                List.of(AaveCollateral.of(USDC, big("1234567891")),          // 1234.567891 USDC
                        AaveCollateral.of(WBTC, big("12345678")),            // 0.12345678 WBTC
                        AaveCollateral.of(WETH, big("1500000000000000123"))), // 1.5 WETH + 123 wei
                List.of(new AaveDebt(USDC, big("500000000")),                // 500 USDC
                        new AaveDebt(WETH, big("2000000000000000001"))));     // 2 WETH + 1 wei

        AaveAccountData data = AaveHealth.DEFAULT.accountData(MARKET, PRICES, account);

        // Collateral, balance * price / 10^decimals truncated per reserve:
        //   USDC 1234567891 * 100010000 = 123469134778910000 / 1e6  = 123469134778 (.91 dropped)
        //   WBTC 12345678 * 6000012345678 = 74074220415765279684 / 1e8 = 740742204157 (.65 dropped)
        //   WETH 1500000000000000123 * 300050000000 = 450075000000000036906150000000 / 1e18 = 450075000000
        //   total = 1314286338935 (13142.86338935 USD)
        assertThat(data.totalCollateralBase()).isEqualTo(big("1314286338935"));
        // Threshold weighted: 123469134778*7800 + 740742204157*7500 + 450075000000*8250 = 10231744532445900,
        // / 1314286338935 = 7785.0193... truncated to 7785.
        assertThat(data.avgLiquidationThresholdBps()).isEqualTo(big("7785"));
        // Debt: 500000000 * 100010000 / 1e6 = 50005000000; (2e18 + 1) * 300050000000 / 1e18 = 600100000000
        //   (the 1 wei adds 300050000000 / 1e18, truncated away); total 650105000000.
        assertThat(data.totalDebtBase()).isEqualTo(big("650105000000"));
        // percentMul: (1314286338935 * 7785 + 5000) / 10000 = (10231719148608975 + 5000) / 10000 = 1023171914861
        // wadDiv: (1023171914861 * 1e18 + 650105000000 / 2) / 650105000000 = 1573856399906169003
        assertThat(data.healthFactor()).isEqualTo(big("1573856399906169003"));
        assertThat(data.liquidatable()).isFalse();
        assertThat(AaveHealth.DEFAULT.healthFactorFast(MARKET, PRICES, account))
                .isCloseTo(1.5738564, within(2e-4 * 1.57));
    }

    @Test
    void collateralNotEnabledOrWithZeroThresholdDoesNotCount() {
        AaveMarket market = AaveMarket.of(List.of(AaveReserveConfig.of(USDC, 6, 0, 0, 0),
                AaveReserveConfig.of(WETH, 18, 8000, 8250, 10500)), List.of());
        AaveAccount account = new AaveAccount(AccountId.of("bob"), 0,
                List.of(AaveCollateral.of(USDC, big("1000000000")),
                        new AaveCollateral(WETH, big("1000000000000000000"), false)),
                List.of(new AaveDebt(WETH, big("1000000000000000"))));
        AaveAccountData data = AaveHealth.DEFAULT.accountData(market, PRICES, account);
        assertThat(data.totalCollateralBase()).isZero();
        assertThat(data.healthFactor()).isZero();
        assertThat(data.liquidatable()).isTrue();
    }

    @Test
    void noDebtMeansMaximalHealthFactor() {
        AaveAccount account = new AaveAccount(AccountId.of("carol"), 0,
                List.of(AaveCollateral.of(USDC, big("1"))), List.of());
        assertThat(AaveHealth.DEFAULT.healthFactor(MARKET, PRICES, account))
                .isEqualTo(AaveAccountData.NO_DEBT_HEALTH_FACTOR);
        assertThat(AaveHealth.DEFAULT.healthFactorFast(MARKET, PRICES, account)).isInfinite();
    }

    @Test
    void eModeOverridesThresholdOfSameCategoryCollateralOnly() {
        AaveMarket market = AaveMarket.of(List.of(
                new AaveReserveConfig(WETH, 18, 8000, 8250, 10500, 0, 0, 0, 0, true, 1),
                AaveReserveConfig.of(USDC, 6, 7500, 7800, 10450)),
                List.of(new AaveEModeCategory(1, 9000, 9300, 10100)));
        AavePrices prices = new AavePrices(Map.of(WETH, 200_000_000_000L, USDC, 100_000_000L));
        List<AaveCollateral> collateral = List.of(AaveCollateral.of(WETH, big("1000000000000000000")),
                AaveCollateral.of(USDC, big("2000000000")));
        List<AaveDebt> debt = List.of(new AaveDebt(WETH, big("1000000000000000000")));
        // WETH 2000 USD at 93% (e-mode) + USDC 2000 USD at 78% (own): avg (2000*9300 + 2000*7800) / 4000 = 8550.
        AaveAccountData inEMode = AaveHealth.DEFAULT.accountData(market, prices,
                new AaveAccount(AccountId.of("e"), 1, collateral, debt));
        assertThat(inEMode.avgLiquidationThresholdBps()).isEqualTo(big("8550"));
        assertThat(inEMode.avgLtvBps()).isEqualTo(big("8250")); // (9000 + 7500) / 2
        // HF = 4000 * 0.855 / 2000 = 1.71
        assertThat(inEMode.healthFactor()).isEqualTo(big("1710000000000000000"));
        AaveAccountData plain = AaveHealth.DEFAULT.accountData(market, prices,
                new AaveAccount(AccountId.of("p"), 0, collateral, debt));
        assertThat(plain.avgLiquidationThresholdBps()).isEqualTo(big("8025")); // (8250 + 7800) / 2
        assertThat(plain.healthFactor()).isEqualTo(big("1605000000000000000"));
    }

    @Test
    void fastModeStaysWithinTheTruncationsOfTheExactMode() {
        var random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            RandomAave.Case c = RandomAave.next(random, i);
            AaveAccountData exact = AaveHealth.DEFAULT.accountData(c.market(), c.prices(), c.account());
            double fast = AaveHealth.DEFAULT.healthFactorFast(c.market(), c.prices(), c.account());
            double avg = exact.avgLiquidationThresholdBps().doubleValue();
            // The contract truncates the average threshold to a whole basis point: up to 1/avg relative.
            assertThat(Math.abs(fast - exact.healthFactorAsDouble()))
                    .as("case %d", i).isLessThanOrEqualTo(avg == 0 ? 0 : (1.0 / avg + 1e-9) * fast);
        }
    }
}
