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
}
