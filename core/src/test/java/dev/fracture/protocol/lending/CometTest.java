package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CometTest {
    static final AssetId USDC = AssetId.of("USDC");
    static final AssetId WETH = AssetId.of("WETH");
    static final long E18 = 1_000_000_000_000_000_000L;
    // USDC base; WETH borrow CF 80%, liquidate CF 85%, liquidation factor 90%; storefront factor 50%.
    static final CometMarket MARKET = CometMarket.of(USDC, 6, E18 / 2, usdc(5_000_000), List.of(
            new CometAssetConfig(WETH, 18, E18 / 10 * 8, E18 / 100 * 85, E18 / 10 * 9,
                    new BigInteger("100000000000000000000000"))));
    static final CometState STATE = new CometState(usdc(1000), Map.of(), usdc(100_000), usdc(50_000));

    static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    static CometPrices prices(long wethUsd) {
        return new CometPrices(Map.of(USDC, 100_000_000L, WETH, wethUsd * 100_000_000L));
    }

    static CometAccount borrower() {
        return new CometAccount(AccountId.of("b"), usdc(-1700), Map.of(WETH, BigInteger.TEN.pow(18)));
    }

    @Test
    void liquidatableUsesTheLiquidateCollateralFactor() {
        // 1 WETH at 2000: 2000 * 0.85 = 1700 = debt -> liquidity 0, not liquidatable; at 1999 it is.
        assertThat(Comet.DEFAULT.isLiquidatable(MARKET, prices(2000), borrower())).isFalse();
        assertThat(Comet.DEFAULT.isLiquidatable(MARKET, prices(1999), borrower())).isTrue();
        // Borrowing needs 2000 * 0.80 = 1600 >= 1700: not collateralized even at 2000.
        assertThat(Comet.DEFAULT.isBorrowCollateralized(MARKET, prices(2000), borrower())).isFalse();
        assertThat(Comet.DEFAULT.isBorrowCollateralized(MARKET, prices(2125), borrower())).isTrue();
    }

    @Test
    void absorbCreditsLiquidationFactorValueAndReservesGoNegative() {
        // WETH at 1900: value 1900e8 USD; credited 1900 * 0.9 = 1710 USDC against 1700 debt:
        // debt erased, 10 USDC credited as supply, reserves 1000 - 1710 = -710 USDC.
        CometAbsorbResult r = Comet.DEFAULT.absorb(MARKET, prices(1900), STATE, borrower());
        assertThat(r.collateralValue()).isEqualTo(BigInteger.valueOf(190_000_000_000L));
        assertThat(r.creditedBase()).isEqualTo(usdc(1710));
        assertThat(r.debtAbsorbed()).isEqualTo(usdc(1700));
        assertThat(r.supplyCredited()).isEqualTo(usdc(10));
        assertThat(r.uncoveredDebt()).isZero();
        assertThat(r.reservesChange()).isEqualTo(usdc(-1710));
        assertThat(r.stateAfter().reserves()).isEqualTo(usdc(-710));
        assertThat(r.stateAfter().collateralReserve(WETH)).isEqualTo(BigInteger.TEN.pow(18));
        assertThat(r.stateAfter().totalSupplyBase()).isEqualTo(usdc(100_010));
        assertThat(r.stateAfter().totalBorrowBase()).isEqualTo(usdc(48_300));
        assertThat(r.accountAfter().baseBalance()).isEqualTo(usdc(10));
        assertThat(r.accountAfter().collateral()).isEmpty();
    }

    @Test
    void absorbOfAnInsolventAccountLeavesTheShortfallToReserves() {
        // WETH at 1500: credited 1350 against 1700: the account ends at 0, 350 USDC uncovered; reserves pay 1700.
        CometAbsorbResult r = Comet.DEFAULT.absorb(MARKET, prices(1500), STATE, borrower());
        assertThat(r.creditedBase()).isEqualTo(usdc(1350));
        assertThat(r.uncoveredDebt()).isEqualTo(usdc(350));
        assertThat(r.accountAfter().baseBalance()).isZero();
        assertThat(r.stateAfter().reserves()).isEqualTo(usdc(-700));

        // The storefront sells at 1500 * (1 - 0.5 * (1 - 0.9)) = 1425 USDC per WETH: 1425 USDC buys 1 WETH.
        assertThat(Comet.DEFAULT.quoteCollateral(MARKET, prices(1500), WETH, usdc(1425)))
                .isEqualTo(BigInteger.TEN.pow(18));
        CometPurchase p = Comet.DEFAULT.buyCollateral(MARKET, prices(1500), r.stateAfter(), WETH, BigInteger.ZERO,
                usdc(1425));
        assertThat(p.collateralReceived()).isEqualTo(BigInteger.TEN.pow(18));
        assertThat(p.stateAfter().reserves()).isEqualTo(usdc(725));
        assertThat(p.stateAfter().collateralReserve(WETH)).isZero();
    }

    @Test
    void storefrontClosesOnceReservesReachTheTarget() {
        CometState rich = new CometState(usdc(5_000_000), Map.of(WETH, BigInteger.TEN.pow(18)), usdc(1), usdc(1));
        assertThatThrownBy(() -> Comet.DEFAULT.buyCollateral(MARKET, prices(1500), rich, WETH, BigInteger.ZERO,
                usdc(10))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NotForSale");
        CometState poor = new CometState(usdc(1), Map.of(WETH, BigInteger.ONE), usdc(1), usdc(1));
        assertThatThrownBy(() -> Comet.DEFAULT.buyCollateral(MARKET, prices(1500), poor, WETH, BigInteger.ZERO,
                usdc(10))).hasMessageContaining("InsufficientReserves");
        assertThatThrownBy(() -> Comet.DEFAULT.absorb(MARKET, prices(3000), STATE, borrower()))
                .hasMessageContaining("NotLiquidatable");
    }
}
