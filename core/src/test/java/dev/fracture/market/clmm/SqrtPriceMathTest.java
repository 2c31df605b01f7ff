package dev.fracture.market.clmm;

import static dev.fracture.market.clmm.V3TestValues.big;
import static dev.fracture.market.clmm.V3TestValues.e18;
import static dev.fracture.market.clmm.V3TestValues.encodePriceSqrt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Expected values from v3-core {@code test/SqrtPriceMath.spec.ts}. */
class SqrtPriceMathTest {
    private static final BigInteger TENTH = e18(1).divide(BigInteger.TEN);
    private static final BigInteger SMALL_POOL_PRICE = big("20282409603651670423947251286016");

    @Test
    void inputOfATenthOfToken1() {
        assertThat(SqrtPriceMath.getNextSqrtPriceFromInput(encodePriceSqrt(1, 1), e18(1), TENTH, false))
                .isEqualTo(big("87150978765690771352898345369"));
    }

    @Test
    void inputOfATenthOfToken0() {
        assertThat(SqrtPriceMath.getNextSqrtPriceFromInput(encodePriceSqrt(1, 1), e18(1), TENTH, true))
                .isEqualTo(big("72025602285694852357767227579"));
    }

    @Test
    void amountInAboveUint96MaxTakesTheOverflowSafePath() {
        assertThat(SqrtPriceMath.getNextSqrtPriceFromInput(encodePriceSqrt(1, 1), e18(10),
                BigInteger.TWO.pow(100), true)).isEqualTo(big("624999999995069620"));
    }

    @Test
    void anyInputAmountCannotUnderflowThePrice() {
        assertThat(SqrtPriceMath.getNextSqrtPriceFromInput(BigInteger.ONE, BigInteger.ONE, BigInteger.TWO.pow(255),
                true)).isEqualTo(BigInteger.ONE);
        assertThat(SqrtPriceMath.getNextSqrtPriceFromInput(encodePriceSqrt(1, 1), BigInteger.ONE,
                FullMath.MAX_UINT256.divide(BigInteger.TWO), true)).isEqualTo(BigInteger.ONE);
    }

    @Test
    void zeroInputReturnsThePrice() {
        BigInteger price = encodePriceSqrt(1, 1);
        assertThat(SqrtPriceMath.getNextSqrtPriceFromInput(price, TENTH, BigInteger.ZERO, true)).isEqualTo(price);
        assertThat(SqrtPriceMath.getNextSqrtPriceFromOutput(price, TENTH, BigInteger.ZERO, false)).isEqualTo(price);
    }

    @Test
    void outputOfATenthOfEachToken() {
        assertThat(SqrtPriceMath.getNextSqrtPriceFromOutput(encodePriceSqrt(1, 1), e18(1), TENTH, false))
                .isEqualTo(big("88031291682515930659493278152"));
        assertThat(SqrtPriceMath.getNextSqrtPriceFromOutput(encodePriceSqrt(1, 1), e18(1), TENTH, true))
                .isEqualTo(big("71305346262837903834189555302"));
    }

    @Test
    void outputOfTheWholeVirtualReserveOfToken0Reverts() {
        assertThatThrownBy(() -> SqrtPriceMath.getNextSqrtPriceFromOutput(SMALL_POOL_PRICE, BigInteger.valueOf(1024),
                BigInteger.valueOf(4), false)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void outputOfTheWholeVirtualReserveOfToken1Reverts() {
        // The released contract requires sqrtPX96 > quotient, so exactly the reserve (262144) reverts as well.
        for (long out : new long[] {262144, 262145}) {
            assertThatThrownBy(() -> SqrtPriceMath.getNextSqrtPriceFromOutput(SMALL_POOL_PRICE,
                    BigInteger.valueOf(1024), BigInteger.valueOf(out), true)).isInstanceOf(ArithmeticException.class);
        }
    }

    @Test
    void zeroPriceOrLiquidityReverts() {
        assertThatThrownBy(() -> SqrtPriceMath.getNextSqrtPriceFromInput(BigInteger.ZERO, BigInteger.ZERO, TENTH,
                false)).hasMessageContaining("(P)");
        assertThatThrownBy(() -> SqrtPriceMath.getNextSqrtPriceFromInput(BigInteger.ONE, BigInteger.ZERO, TENTH,
                true)).hasMessageContaining("(L)");
    }

    @Test
    void amount0DeltaForPrice1To121Hundredths() {
        BigInteger up = SqrtPriceMath.getAmount0Delta(encodePriceSqrt(121, 100), encodePriceSqrt(1, 1), e18(1), true);
        BigInteger down = SqrtPriceMath.getAmount0Delta(encodePriceSqrt(121, 100), encodePriceSqrt(1, 1), e18(1),
                false);
        assertThat(up).isEqualTo(big("90909090909090910"));
        assertThat(down).isEqualTo(up.subtract(BigInteger.ONE));
    }

    @Test
    void amount1DeltaForPrice1To121Hundredths() {
        BigInteger up = SqrtPriceMath.getAmount1Delta(encodePriceSqrt(1, 1), encodePriceSqrt(121, 100), e18(1), true);
        BigInteger down = SqrtPriceMath.getAmount1Delta(encodePriceSqrt(1, 1), encodePriceSqrt(121, 100), e18(1),
                false);
        assertThat(up).isEqualTo(big("100000000000000000"));
        assertThat(down).isEqualTo(up.subtract(BigInteger.ONE));
    }

    @Test
    void amountsAreZeroForZeroLiquidityOrEqualPrices() {
        assertThat(SqrtPriceMath.getAmount0Delta(encodePriceSqrt(2, 1), encodePriceSqrt(1, 1), BigInteger.ZERO, true))
                .isZero();
        assertThat(SqrtPriceMath.getAmount1Delta(encodePriceSqrt(1, 1), encodePriceSqrt(1, 1), e18(1), true)).isZero();
    }

    @Test
    void sqrtPTimesSqrtQOverflowCase() {
        BigInteger sqrtP = big("1025574284609383690408304870162715216695788925244");
        BigInteger liquidity = big("50015962439936049619261659728067971248");
        BigInteger sqrtQ = SqrtPriceMath.getNextSqrtPriceFromInput(sqrtP, liquidity, BigInteger.valueOf(406), true);
        assertThat(sqrtQ).isEqualTo(big("1025574284609383582644711336373707553698163132913"));
        assertThat(SqrtPriceMath.getAmount0Delta(sqrtP, sqrtQ, liquidity, true)).isEqualTo(BigInteger.valueOf(406));
    }

    @Test
    void signedDeltasRoundTowardThePool() {
        BigInteger a = encodePriceSqrt(1, 1);
        BigInteger b = encodePriceSqrt(121, 100);
        assertThat(SqrtPriceMath.getAmount1DeltaSigned(a, b, e18(1))).isEqualTo(big("100000000000000000"));
        assertThat(SqrtPriceMath.getAmount1DeltaSigned(a, b, e18(1).negate())).isEqualTo(big("-99999999999999999"));
        assertThat(SqrtPriceMath.getAmount0DeltaSigned(b, a, e18(1).negate())).isEqualTo(big("-90909090909090909"));
    }
}
