package dev.fracture.protocol.lending;

import static dev.fracture.protocol.lending.AaveLiquidationTest.MARKET;
import static dev.fracture.protocol.lending.AaveLiquidationTest.ONE_ETH;
import static dev.fracture.protocol.lending.AaveLiquidationTest.USDC;
import static dev.fracture.protocol.lending.AaveLiquidationTest.USDT;
import static dev.fracture.protocol.lending.AaveLiquidationTest.WETH;
import static dev.fracture.protocol.lending.AaveLiquidationTest.prices;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AaveTargets}: the collateral and the debt a bot targets, worked by hand in the oracle's base currency. */
class AaveTargetsTest {

    private static AaveAccount account(List<AaveCollateral> collaterals, List<AaveDebt> debts) {
        return new AaveAccount(AccountId.of("a"), 0, collaterals, debts);
    }

    @Test
    void theLargestValueWinsWhereverItIsListed() {
        // 1 WETH at 2,000 USD (2000e8 base units) against 2,500 USDC (2500e8): the USDC listed second is larger.
        AaveAccount a = account(List.of(AaveCollateral.of(WETH, ONE_ETH),
                        AaveCollateral.of(USDC, new BigInteger("2500000000"))),
                List.of(new AaveDebt(USDT, new BigInteger("100000000")), new AaveDebt(USDC, new BigInteger("300000000"))));
        assertThat(AaveTargets.largestCollateral(MARKET, prices(200_000_000_000L), a)).isEqualTo(USDC);
        // At 3,000 USD the WETH (3000e8) is larger than the USDC.
        assertThat(AaveTargets.largestCollateral(MARKET, prices(300_000_000_000L), a)).isEqualTo(WETH);
        // Debts: 100 USDT (100e8) and 300 USDC (300e8): the second.
        assertThat(AaveTargets.largestDebt(MARKET, prices(200_000_000_000L), a)).isEqualTo(USDC);
    }

    @Test
    void theFirstAmongEqualsAndOnlyWhatMayBeLiquidated() {
        // 2,000 USDC and 2,000 USDT at 1 USD each: equal values, the first listed stays.
        AaveAccount equal = account(List.of(AaveCollateral.of(USDT, new BigInteger("2000000000")),
                        AaveCollateral.of(USDC, new BigInteger("2000000000"))),
                List.of(new AaveDebt(USDC, new BigInteger("1000000"))));
        assertThat(AaveTargets.largestCollateral(MARKET, prices(200_000_000_000L), equal)).isEqualTo(USDT);
        // A larger collateral not enabled, and an emptied one, are passed over: the lone candidate left (1 unit of
        // USDC, 1e-6 USD) is the answer; so is the lone debt owed.
        AaveAccount lone = account(List.of(new AaveCollateral(WETH, ONE_ETH, false),
                        AaveCollateral.of(USDT, BigInteger.ZERO), AaveCollateral.of(USDC, BigInteger.ONE)),
                List.of(new AaveDebt(USDT, BigInteger.ZERO), new AaveDebt(USDC, BigInteger.ONE)));
        assertThat(AaveTargets.largestCollateral(MARKET, prices(200_000_000_000L), lone)).isEqualTo(USDC);
        assertThat(AaveTargets.largestDebt(MARKET, prices(200_000_000_000L), lone)).isEqualTo(USDC);
        AaveAccount none = account(List.of(new AaveCollateral(WETH, ONE_ETH, false)),
                List.of(new AaveDebt(USDC, BigInteger.ZERO)));
        assertThat(AaveTargets.largestCollateral(MARKET, prices(200_000_000_000L), none)).isNull();
        assertThat(AaveTargets.largestDebt(MARKET, prices(200_000_000_000L), none)).isNull();
    }
}
