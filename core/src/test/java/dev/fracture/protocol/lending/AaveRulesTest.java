package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AaveRulesTest {
    static final AssetId ISO = AssetId.of("ISO");
    static final AssetId USDC = AssetId.of("USDC");
    static final AssetId WETH = AssetId.of("WETH");
    // ISO: isolated with a debt ceiling of 10,000.00 USD (2 decimals); USDC borrowable in isolation, WETH not;
    // USDC supply cap 1,000,000 tokens and borrow cap 500,000 tokens.
    static final AaveMarket MARKET = AaveMarket.of(List.of(
            new AaveReserveConfig(ISO, 18, 5000, 6000, 11000, 0, 0, 0, 1_000_000, false, 0),
            new AaveReserveConfig(USDC, 6, 8000, 8500, 10500, 0, 1_000_000, 500_000, 0, true, 0),
            new AaveReserveConfig(WETH, 18, 8000, 8250, 10500, 0, 0, 0, 0, false, 0)), List.of());
    static final AavePrices PRICES = new AavePrices(Map.of(ISO, 100_000_000L, USDC, 100_000_000L,
            WETH, 200_000_000_000L));
    static final AaveAccount ISOLATED = new AaveAccount(AccountId.of("iso"), 0,
            List.of(AaveCollateral.of(ISO, new BigInteger("100000000000000000000000"))), List.of()); // 100k ISO

    @Test
    void isolationDebtCeilingIsEnforcedOnBorrow() {
        assertThat(AaveRules.DEFAULT.isolationCollateral(MARKET, ISOLATED)).isNotNull();
        // 6,000.00 already borrowed against ISO; 4,000 USDC = 4000e6 / 10^(6-2) = 400000 -> 1,000,000 = ceiling.
        assertThat(AaveRules.DEFAULT.validateBorrow(MARKET, PRICES, ISOLATED, USDC, new BigInteger("4000000000"),
                BigInteger.ZERO, 600_000)).isEqualTo(AaveCheck.OK);
        // One more hundredth of a dollar is over.
        assertThat(AaveRules.DEFAULT.validateBorrow(MARKET, PRICES, ISOLATED, USDC, new BigInteger("4000010000"),
                BigInteger.ZERO, 600_000)).isEqualTo(AaveCheck.DEBT_CEILING_EXCEEDED);
        // Units below a hundredth are truncated away, as the contract does.
        assertThat(AaveRules.DEFAULT.validateBorrow(MARKET, PRICES, ISOLATED, USDC, new BigInteger("4000009999"),
                BigInteger.ZERO, 600_000)).isEqualTo(AaveCheck.OK);
        assertThat(AaveRules.DEFAULT.validateBorrow(MARKET, PRICES, ISOLATED, WETH, BigInteger.ONE,
                BigInteger.ZERO, 0)).isEqualTo(AaveCheck.ASSET_NOT_BORROWABLE_IN_ISOLATION);
    }

    @Test
    void anAccountWithASecondCollateralIsNotIsolated() {
        AaveAccount two = new AaveAccount(AccountId.of("two"), 0, List.of(
                AaveCollateral.of(ISO, new BigInteger("1000000000000000000000")),
                AaveCollateral.of(USDC, new BigInteger("1000000000"))), List.of());
        assertThat(AaveRules.DEFAULT.isolationCollateral(MARKET, two)).isNull();
        assertThat(AaveRules.DEFAULT.validateBorrow(MARKET, PRICES, two, WETH, new BigInteger("100000000000000000"),
                BigInteger.ZERO, 999_999_999)).isEqualTo(AaveCheck.OK);
    }

    @Test
    void capsAreWholeTokensTimesUnit() {
        AaveReserveConfig usdc = MARKET.reserves().get(USDC);
        BigInteger cap = new BigInteger("1000000000000"); // 1,000,000 USDC in 6-decimal units
        assertThat(AaveRules.DEFAULT.validateSupply(usdc, cap.subtract(BigInteger.TEN), BigInteger.TEN))
                .isEqualTo(AaveCheck.OK);
        assertThat(AaveRules.DEFAULT.validateSupply(usdc, cap.subtract(BigInteger.TEN), BigInteger.valueOf(11)))
                .isEqualTo(AaveCheck.SUPPLY_CAP_EXCEEDED);
        assertThat(AaveRules.DEFAULT.validateBorrow(MARKET, PRICES, ISOLATED, USDC, BigInteger.ONE,
                new BigInteger("500000000000"), 0)).isEqualTo(AaveCheck.BORROW_CAP_EXCEEDED);
    }

    @Test
    void borrowMustStayWithinLtv() {
        AaveAccount eth = new AaveAccount(AccountId.of("eth"), 0,
                List.of(AaveCollateral.of(WETH, BigInteger.TEN.pow(18))), List.of());
        // 1 WETH = 2000 USD at LTV 80%: 1600 USDC is the most.
        assertThat(AaveRules.DEFAULT.validateBorrow(MARKET, PRICES, eth, USDC, new BigInteger("1600000000"),
                BigInteger.ZERO, 0)).isEqualTo(AaveCheck.OK);
        assertThat(AaveRules.DEFAULT.validateBorrow(MARKET, PRICES, eth, USDC, new BigInteger("1600010000"),
                BigInteger.ZERO, 0)).isEqualTo(AaveCheck.COLLATERAL_CANNOT_COVER_NEW_BORROW);
    }
}
