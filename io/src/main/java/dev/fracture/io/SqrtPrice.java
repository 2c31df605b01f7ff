package dev.fracture.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Converts a human price to the Q64.96 square-root price a Uniswap v3 pool stores, exactly.
 *
 * <p>The pool's price is token1 per token0 in integer units: {@code price · 10^(decimals1 − decimals0)}. Then
 * {@code sqrtPriceX96 = floor(sqrt(ratio) · 2^96) = floor(sqrt(ratio · 2^192))}, and because
 * {@code floor(sqrt(x)) = floor(sqrt(floor(x)))} for x ≥ 0, the integer square root of {@code floor(ratio · 2^192)}
 * gives the result with no rounding anywhere: BigDecimal products are exact and {@link BigInteger#sqrt()} floors.
 */
public final class SqrtPrice {
    private static final BigDecimal TWO_POW_192 = new BigDecimal(BigInteger.ONE.shiftLeft(192));

    private SqrtPrice() {
    }

    /**
     * @param price     token1 per token0, in token units (3500 for USDC per WETH when WETH is token0); must be > 0
     * @param decimals0 token0's decimals
     * @param decimals1 token1's decimals
     */
    public static BigInteger fromPrice(BigDecimal price, int decimals0, int decimals1) {
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be greater than 0 (was " + price.toPlainString() + ")");
        }
        BigDecimal ratio = price.scaleByPowerOfTen(decimals1 - decimals0);
        return ratio.multiply(TWO_POW_192).setScale(0, RoundingMode.FLOOR).toBigIntegerExact().sqrt();
    }
}
