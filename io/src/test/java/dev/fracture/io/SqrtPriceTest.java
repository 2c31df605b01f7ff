package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SqrtPriceTest {
    private static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);

    @Test
    void priceOneWithEqualDecimalsIsExactlyTwoToThe96() {
        assertThat(SqrtPrice.fromPrice(BigDecimal.ONE, 18, 18)).isEqualTo(Q96);
        assertThat(SqrtPrice.fromPrice(BigDecimal.ONE, 6, 6)).isEqualTo(Q96);
    }

    @Test
    void perfectSquareRatioIsExact() {
        // WETH per USDC at 2500 USDC/ETH: 0.0004 · 10^(18−6) = 4·10^8, whose square root is 20000.
        assertThat(SqrtPrice.fromPrice(new BigDecimal("0.0004"), 6, 18))
                .isEqualTo(Q96.multiply(BigInteger.valueOf(20_000)))
                .isEqualTo(new BigInteger("1584563250285286751870879006720000"));
        // Price 4 with equal decimals: √4 = 2.
        assertThat(SqrtPrice.fromPrice(new BigDecimal("4"), 18, 18)).isEqualTo(Q96.shiftLeft(1));
    }

    @Test
    void usdcPerWethIsFlooredSquareRoot() {
        // WETH (18) as token0, USDC (6) as token1 at 3200 USDC/ETH: ratio 3200 · 10^−12 = 3.2·10^−9.
        // floor(√(3.2·10^−9 · 2^192)) = 4481821677982891193498555, worked out with integer square roots
        // (Python: math.isqrt(32 * 2**192 // 10**10)); 2^192 · 3.2·10^−9 is not whole, so the floor matters.
        BigInteger expected = new BigInteger("4481821677982891193498555");
        assertThat(SqrtPrice.fromPrice(new BigDecimal("3200"), 18, 6)).isEqualTo(expected);
        assertThat(expected.pow(2)).isLessThanOrEqualTo(
                BigInteger.valueOf(32).shiftLeft(192).divide(BigInteger.TEN.pow(10)));
        assertThat(expected.add(BigInteger.ONE).pow(2)).isGreaterThan(
                BigInteger.valueOf(32).shiftLeft(192).divide(BigInteger.TEN.pow(10)));
    }

    @Test
    void sameMarketSeenFromTheOtherTokenOrder() {
        // USDC as token0: 1/3200 WETH per USDC = 0.0003125.
        assertThat(SqrtPrice.fromPrice(new BigDecimal("0.0003125"), 6, 18))
                .isEqualTo(new BigInteger("1400569274369653497968298455686454"));
    }

    @Test
    void rejectsNonPositivePrice() {
        assertThatThrownBy(() -> SqrtPrice.fromPrice(BigDecimal.ZERO, 18, 6))
                .hasMessage("price must be greater than 0 (was 0)");
    }
}
