package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LendingBadInputTest {
    static final AssetId WETH = AssetId.of("WETH");
    static final AssetId USDC = AssetId.of("USDC");

    @Test
    void thresholdBelowLtvIsRejected() {
        assertThatThrownBy(() -> AaveReserveConfig.of(WETH, 18, 8000, 7999, 10500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reserve WETH: liquidationThresholdBps (7999) must be >= ltvBps (8000)");
        assertThatThrownBy(() -> new AaveEModeCategory(1, 9000, 8000, 10100))
                .hasMessage("e-mode category 1: liquidationThresholdBps (8000) must be >= ltvBps (9000)");
    }

    @Test
    void bonusBelowOneHundredPercentIsRejected() {
        assertThatThrownBy(() -> AaveReserveConfig.of(WETH, 18, 8000, 8250, 9999))
                .hasMessage("reserve WETH: liquidationBonusBps must be >= 10000 (100%), was 9999");
        assertThatThrownBy(() -> AaveReserveConfig.of(WETH, 18, 8000, 9600, 10500))
                .hasMessageContaining("liquidationThresholdBps x liquidationBonusBps must be <= 100%");
    }

    @Test
    void negativeCapsAmountsAndPricesAreRejected() {
        assertThatThrownBy(() -> new AaveReserveConfig(WETH, 18, 8000, 8250, 10500, 0, -1, 0, 0, true, 0))
                .hasMessage("reserve WETH: supplyCap must be >= 0, was -1");
        assertThatThrownBy(() -> new AaveDebt(USDC, BigInteger.valueOf(-5)))
                .hasMessage("debt USDC balance must be >= 0, was -5");
        assertThatThrownBy(() -> AaveCollateral.of(USDC, BigInteger.valueOf(-1)))
                .hasMessage("collateral USDC balance must be >= 0, was -1");
        assertThatThrownBy(() -> new AavePrices(Map.of(WETH, -2L)))
                .hasMessage("prices[WETH] must be > 0, was -2");
        assertThatThrownBy(() -> new MorphoPosition(AccountId.of("m"), BigInteger.ONE, BigInteger.valueOf(-3)))
                .hasMessage("position m collateral must be >= 0, was -3");
        assertThatThrownBy(() -> new CometAssetConfig(WETH, 18, 1, 2, 3, BigInteger.valueOf(-1)))
                .hasMessage("comet asset WETH: supplyCap must be >= 0, was -1");
    }

    @Test
    void nanIsRejectedOnTheFastPath() {
        assertThatThrownBy(() -> new AaveAccountBook(1, new int[] {0, 1}, new int[] {0}, new double[] {Double.NaN},
                new double[] {0.8}, new int[] {0, 0}, new int[0], new double[0]))
                .hasMessage("collateralAmount[0] must be a finite number, was NaN");
    }

    @Test
    void lltvOutsideTheOpenUnitIntervalIsRejected() {
        assertThatThrownBy(() -> new MorphoMarketParams(USDC, WETH, BigInteger.TEN.pow(18)))
                .hasMessage("lltv must be in (0, 1e18) WAD, was 1000000000000000000");
        assertThatThrownBy(() -> new MorphoMarketParams(USDC, WETH, BigInteger.ZERO))
                .hasMessage("lltv must be in (0, 1e18) WAD, was 0");
    }

    @Test
    void unknownAssetInAnAccountIsRejected() {
        AaveMarket market = AaveMarket.of(List.of(AaveReserveConfig.of(WETH, 18, 8000, 8250, 10500)), List.of());
        AaveAccount account = new AaveAccount(AccountId.of("z"), 0, List.of(AaveCollateral.of(WETH, BigInteger.ONE)),
                List.of(new AaveDebt(USDC, BigInteger.ONE)));
        assertThatThrownBy(() -> AaveHealth.DEFAULT.accountData(market, new AavePrices(Map.of(WETH, 1L)), account))
                .hasMessage("account z debt: unknown asset USDC (not a reserve of this market)");
        CometMarket comet = CometMarket.of(USDC, 6, 0, BigInteger.ZERO, List.of());
        assertThatThrownBy(() -> Comet.DEFAULT.isLiquidatable(comet, new CometPrices(Map.of(USDC, 1L)),
                new CometAccount(AccountId.of("c"), BigInteger.valueOf(-1), Map.of(WETH, BigInteger.ONE))))
                .hasMessage("account c collateral: unknown asset WETH (not a collateral of this market)");
    }

    @Test
    void cometFactorsMustBeOrdered() {
        long e17 = 100_000_000_000_000_000L;
        assertThatThrownBy(() -> new CometAssetConfig(WETH, 18, 9 * e17, 8 * e17, 9 * e17, BigInteger.ONE))
                .hasMessageContaining("borrowCollateralFactor (900000000000000000) must be < liquidateCollateralFactor");
    }
}
