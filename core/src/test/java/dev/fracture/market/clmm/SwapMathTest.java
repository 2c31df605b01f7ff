package dev.fracture.market.clmm;

import static dev.fracture.market.clmm.V3TestValues.big;
import static dev.fracture.market.clmm.V3TestValues.e18;
import static dev.fracture.market.clmm.V3TestValues.encodePriceSqrt;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Expected values from v3-core {@code test/SwapMath.spec.ts} ('#computeSwapStep'), test names kept. */
class SwapMathTest {

    @Test
    void exactAmountInThatGetsCappedAtPriceTargetInOneForZero() {
        BigInteger price = encodePriceSqrt(1, 1);
        BigInteger target = encodePriceSqrt(101, 100);
        SwapMath.Step s = SwapMath.computeSwapStep(price, target, e18(2), e18(1), 600);
        assertThat(s.amountIn()).isEqualTo(big("9975124224178055"));
        assertThat(s.feeAmount()).isEqualTo(big("5988667735148"));
        assertThat(s.amountOut()).isEqualTo(big("9925619580021728"));
        assertThat(s.amountIn().add(s.feeAmount())).isLessThan(e18(1));
        assertThat(s.sqrtRatioNextX96()).isEqualTo(target)
                .isLessThan(SqrtPriceMath.getNextSqrtPriceFromInput(price, e18(2), e18(1), false));
    }

    @Test
    void exactAmountOutThatGetsCappedAtPriceTargetInOneForZero() {
        BigInteger target = encodePriceSqrt(101, 100);
        SwapMath.Step s = SwapMath.computeSwapStep(encodePriceSqrt(1, 1), target, e18(2), e18(1).negate(), 600);
        assertThat(s.amountIn()).isEqualTo(big("9975124224178055"));
        assertThat(s.feeAmount()).isEqualTo(big("5988667735148"));
        assertThat(s.amountOut()).isEqualTo(big("9925619580021728"));
        assertThat(s.sqrtRatioNextX96()).isEqualTo(target);
    }

    @Test
    void exactAmountInThatIsFullySpentInOneForZero() {
        BigInteger price = encodePriceSqrt(1, 1);
        BigInteger target = encodePriceSqrt(1000, 100);
        SwapMath.Step s = SwapMath.computeSwapStep(price, target, e18(2), e18(1), 600);
        assertThat(s.amountIn()).isEqualTo(big("999400000000000000"));
        assertThat(s.feeAmount()).isEqualTo(big("600000000000000"));
        assertThat(s.amountOut()).isEqualTo(big("666399946655997866"));
        assertThat(s.amountIn().add(s.feeAmount())).isEqualTo(e18(1));
        assertThat(s.sqrtRatioNextX96()).isLessThan(target).isEqualTo(
                SqrtPriceMath.getNextSqrtPriceFromInput(price, e18(2), e18(1).subtract(s.feeAmount()), false));
    }

    @Test
    void exactAmountOutThatIsFullyReceivedInOneForZero() {
        BigInteger price = encodePriceSqrt(1, 1);
        BigInteger target = encodePriceSqrt(10000, 100);
        SwapMath.Step s = SwapMath.computeSwapStep(price, target, e18(2), e18(1).negate(), 600);
        assertThat(s.amountIn()).isEqualTo(big("2000000000000000000"));
        assertThat(s.feeAmount()).isEqualTo(big("1200720432259356"));
        assertThat(s.amountOut()).isEqualTo(e18(1));
        assertThat(s.sqrtRatioNextX96()).isLessThan(target)
                .isEqualTo(SqrtPriceMath.getNextSqrtPriceFromOutput(price, e18(2), e18(1), false));
    }

    @Test
    void amountOutIsCappedAtTheDesiredAmountOut() {
        SwapMath.Step s = SwapMath.computeSwapStep(big("417332158212080721273783715441582"),
                big("1452870262520218020823638996"), big("159344665391607089467575320103"), big("-1"), 1);
        assertThat(s.amountIn()).isEqualTo(BigInteger.ONE);
        assertThat(s.feeAmount()).isEqualTo(BigInteger.ONE);
        assertThat(s.amountOut()).isEqualTo(BigInteger.ONE);
        assertThat(s.sqrtRatioNextX96()).isEqualTo(big("417332158212080721273783715441581"));
    }

    @Test
    void targetPriceOf1UsesPartialInputAmount() {
        SwapMath.Step s = SwapMath.computeSwapStep(BigInteger.TWO, BigInteger.ONE, BigInteger.ONE,
                big("3915081100057732413702495386755767"), 1);
        assertThat(s.amountIn()).isEqualTo(big("39614081257132168796771975168"));
        assertThat(s.feeAmount()).isEqualTo(big("39614120871253040049813"));
        assertThat(s.amountOut()).isZero();
        assertThat(s.sqrtRatioNextX96()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void entireInputAmountTakenAsFee() {
        SwapMath.Step s = SwapMath.computeSwapStep(big("2413"), big("79887613182836312"),
                big("1985041575832132834610021537970"), BigInteger.TEN, 1872);
        assertThat(s.amountIn()).isZero();
        assertThat(s.feeAmount()).isEqualTo(BigInteger.TEN);
        assertThat(s.amountOut()).isZero();
        assertThat(s.sqrtRatioNextX96()).isEqualTo(big("2413"));
    }

    @Test
    void handlesIntermediateInsufficientLiquidityInZeroForOneExactOutputCase() {
        BigInteger sqrtP = big("20282409603651670423947251286016");
        BigInteger target = sqrtP.multiply(BigInteger.valueOf(11)).divide(BigInteger.TEN);
        SwapMath.Step s = SwapMath.computeSwapStep(sqrtP, target, BigInteger.valueOf(1024), BigInteger.valueOf(-4),
                3000);
        assertThat(s.amountOut()).isZero();
        assertThat(s.sqrtRatioNextX96()).isEqualTo(target);
        assertThat(s.amountIn()).isEqualTo(BigInteger.valueOf(26215));
        assertThat(s.feeAmount()).isEqualTo(BigInteger.valueOf(79));
    }

    @Test
    void handlesIntermediateInsufficientLiquidityInOneForZeroExactOutputCase() {
        BigInteger sqrtP = big("20282409603651670423947251286016");
        BigInteger target = sqrtP.multiply(BigInteger.valueOf(9)).divide(BigInteger.TEN);
        SwapMath.Step s = SwapMath.computeSwapStep(sqrtP, target, BigInteger.valueOf(1024),
                BigInteger.valueOf(-263000), 3000);
        assertThat(s.amountOut()).isEqualTo(BigInteger.valueOf(26214));
        assertThat(s.sqrtRatioNextX96()).isEqualTo(target);
        assertThat(s.amountIn()).isOne();
        assertThat(s.feeAmount()).isOne();
    }
}
