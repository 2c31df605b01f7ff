package dev.fracture.market.clmm;

import java.math.BigInteger;

/**
 * Prices and amounts between two sqrt prices for a liquidity, as v3-core
 * {@code contracts/libraries/SqrtPriceMath.sol}. Rounding always favours the pool: amounts owed to it round up,
 * amounts it pays round down, and next prices round so the pool never gives more than it received. The 256-bit
 * overflow tests of the contract are reproduced because they select a different (less precise) formula.
 */
public final class SqrtPriceMath {
    private SqrtPriceMath() {
    }

    /**
     * Next sqrt price after adding ({@code add}) or removing {@code amount} of token0, rounding up:
     * L·√P / (L ± amount·√P), falling back to L / (L/√P + amount) when amount·√P overflows 256 bits.
     */
    public static BigInteger getNextSqrtPriceFromAmount0RoundingUp(BigInteger sqrtPX96, BigInteger liquidity,
                                                                   BigInteger amount, boolean add) {
        if (amount.signum() == 0) {
            return sqrtPX96;
        }
        BigInteger numerator1 = liquidity.shiftLeft(96);
        BigInteger product = amount.multiply(sqrtPX96);
        boolean productFits = product.bitLength() <= 256;
        if (add) {
            if (productFits) {
                BigInteger denominator = numerator1.add(product);
                if (denominator.bitLength() <= 256) {
                    return FullMath.mulDivRoundingUp(numerator1, sqrtPX96, denominator);
                }
            }
            BigInteger denominator = FullMath.divideAndRemainder(numerator1, sqrtPX96)[0].add(amount);
            if (denominator.bitLength() > 256) {
                throw new ArithmeticException("SqrtPriceMath: L/sqrtP + amount overflows uint256");
            }
            return FullMath.divRoundingUp(numerator1, denominator);
        }
        if (!productFits || numerator1.compareTo(product) <= 0) {
            throw new ArithmeticException("SqrtPriceMath: token0 output exceeds the virtual reserve");
        }
        return toUint160(FullMath.mulDivRoundingUp(numerator1, sqrtPX96, numerator1.subtract(product)));
    }

    /** Next sqrt price after adding or removing {@code amount} of token1, rounding down: √P ± amount/L. */
    public static BigInteger getNextSqrtPriceFromAmount1RoundingDown(BigInteger sqrtPX96, BigInteger liquidity,
                                                                     BigInteger amount, boolean add) {
        if (add) {
            BigInteger quotient = FullMath.divideAndRemainder(amount.shiftLeft(96), liquidity)[0];
            return toUint160(sqrtPX96.add(quotient));
        }
        BigInteger quotient = FullMath.divRoundingUp(amount.shiftLeft(96), liquidity);
        if (sqrtPX96.compareTo(quotient) <= 0) {
            throw new ArithmeticException("SqrtPriceMath: token1 output exceeds the virtual reserve");
        }
        return sqrtPX96.subtract(quotient);
    }

    /** Next sqrt price after an input amount of token0 (zeroForOne) or token1; rounds so the target is not passed. */
    public static BigInteger getNextSqrtPriceFromInput(BigInteger sqrtPX96, BigInteger liquidity, BigInteger amountIn,
                                                       boolean zeroForOne) {
        requirePriceAndLiquidity(sqrtPX96, liquidity);
        return zeroForOne
                ? getNextSqrtPriceFromAmount0RoundingUp(sqrtPX96, liquidity, amountIn, true)
                : getNextSqrtPriceFromAmount1RoundingDown(sqrtPX96, liquidity, amountIn, true);
    }

    /** Next sqrt price after an output amount of token1 (zeroForOne) or token0. */
    public static BigInteger getNextSqrtPriceFromOutput(BigInteger sqrtPX96, BigInteger liquidity, BigInteger amountOut,
                                                        boolean zeroForOne) {
        requirePriceAndLiquidity(sqrtPX96, liquidity);
        return zeroForOne
                ? getNextSqrtPriceFromAmount1RoundingDown(sqrtPX96, liquidity, amountOut, false)
                : getNextSqrtPriceFromAmount0RoundingUp(sqrtPX96, liquidity, amountOut, false);
    }

    /** Token0 between two sqrt prices: L·(√B − √A)/(√A·√B), rounded up or down. */
    public static BigInteger getAmount0Delta(BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96, BigInteger liquidity,
                                             boolean roundUp) {
        BigInteger a = sqrtRatioAX96.min(sqrtRatioBX96);
        BigInteger b = sqrtRatioAX96.max(sqrtRatioBX96);
        if (a.signum() <= 0) {
            throw new ArithmeticException("SqrtPriceMath.getAmount0Delta: sqrt price must be > 0");
        }
        BigInteger numerator1 = liquidity.shiftLeft(96);
        BigInteger numerator2 = b.subtract(a);
        return roundUp
                ? FullMath.divRoundingUp(FullMath.mulDivRoundingUp(numerator1, numerator2, b), a)
                : FullMath.divideAndRemainder(FullMath.mulDiv(numerator1, numerator2, b), a)[0];
    }

    /** Token1 between two sqrt prices: L·(√B − √A), rounded up or down. */
    public static BigInteger getAmount1Delta(BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96, BigInteger liquidity,
                                             boolean roundUp) {
        BigInteger a = sqrtRatioAX96.min(sqrtRatioBX96);
        BigInteger b = sqrtRatioAX96.max(sqrtRatioBX96);
        // mulDiv by Q96 is a shift; the low 96 bits decide the rounding up.
        BigInteger product = liquidity.multiply(b.subtract(a));
        BigInteger result = product.shiftRight(96);
        if (roundUp && product.getLowestSetBit() >= 0 && product.getLowestSetBit() < 96) {
            result = result.add(BigInteger.ONE);
        }
        if (result.bitLength() > 256) {
            throw new ArithmeticException("FullMath: result overflows uint256");
        }
        return result;
    }

    /** Signed token0 delta for a signed liquidity change: owed to the pool (up) when adding, paid out (down) when removing. */
    public static BigInteger getAmount0DeltaSigned(BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96,
                                                   BigInteger liquidity) {
        return liquidity.signum() < 0
                ? getAmount0Delta(sqrtRatioAX96, sqrtRatioBX96, liquidity.negate(), false).negate()
                : getAmount0Delta(sqrtRatioAX96, sqrtRatioBX96, liquidity, true);
    }

    /** Signed token1 delta for a signed liquidity change. */
    public static BigInteger getAmount1DeltaSigned(BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96,
                                                   BigInteger liquidity) {
        return liquidity.signum() < 0
                ? getAmount1Delta(sqrtRatioAX96, sqrtRatioBX96, liquidity.negate(), false).negate()
                : getAmount1Delta(sqrtRatioAX96, sqrtRatioBX96, liquidity, true);
    }

    private static void requirePriceAndLiquidity(BigInteger sqrtPX96, BigInteger liquidity) {
        if (sqrtPX96.signum() <= 0) {
            throw new ArithmeticException("SqrtPriceMath: sqrt price must be > 0 (P)");
        }
        if (liquidity.signum() <= 0) {
            throw new ArithmeticException("SqrtPriceMath: liquidity must be > 0 (L)");
        }
    }

    private static BigInteger toUint160(BigInteger value) {
        if (value.compareTo(FullMath.MAX_UINT160) > 0) {
            throw new ArithmeticException("SqrtPriceMath: sqrt price overflows uint160");
        }
        return value;
    }
}
