package dev.fracture.market;

import dev.fracture.model.AssetId;
import dev.fracture.model.VenueId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A quote in integer units, as the contract computes it (see {@link IntegerQuoting}). The decimals travel with the
 * amounts so that they can be shown in token units without a double: {@link #amountInTokens()} is exact.
 *
 * @param amountIn    what the trader pays, fee included, in integer units of tokenIn
 * @param amountOut   what the trader receives, in integer units of tokenOut
 * @param feePaid     the fee, in integer units of {@code feeToken} (input for Uniswap, output for Curve)
 * @param feeToken    the token the fee is charged in: tokenIn or tokenOut
 * @param complete    false when the venue ran out of liquidity, or the contract would revert, before the requested
 *                    amount was filled; the amounts then say what was actually filled
 * @param decimalsIn  decimals of tokenIn
 * @param decimalsOut decimals of tokenOut
 */
public record UnitQuote(VenueId venue, AssetId tokenIn, AssetId tokenOut, BigInteger amountIn, BigInteger amountOut,
                        BigInteger feePaid, AssetId feeToken, boolean complete, int decimalsIn, int decimalsOut) {

    public UnitQuote {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(tokenIn, "tokenIn");
        Objects.requireNonNull(tokenOut, "tokenOut");
        Objects.requireNonNull(feeToken, "feeToken");
        if (amountIn == null || amountOut == null || feePaid == null) {
            throw new IllegalArgumentException("venue " + venue + ": amounts must not be null");
        }
        if (amountIn.signum() < 0 || amountOut.signum() < 0 || feePaid.signum() < 0) {
            throw new IllegalArgumentException("venue " + venue + ": amounts must be non-negative, got in " + amountIn
                    + ", out " + amountOut + ", fee " + feePaid);
        }
        if (!feeToken.equals(tokenIn) && !feeToken.equals(tokenOut)) {
            throw new IllegalArgumentException("venue " + venue + ": feeToken " + feeToken + " must be tokenIn "
                    + tokenIn + " or tokenOut " + tokenOut);
        }
        if (decimalsIn < 0 || decimalsOut < 0) {
            throw new IllegalArgumentException("venue " + venue + ": decimals must be non-negative, got "
                    + decimalsIn + " and " + decimalsOut);
        }
    }

    /** A quote that fills nothing: complete when nothing was asked, incomplete when the venue could not fill it. */
    static UnitQuote empty(VenueId venue, AssetId tokenIn, AssetId tokenOut, AssetId feeToken, boolean complete,
                           int decimalsIn, int decimalsOut) {
        return new UnitQuote(venue, tokenIn, tokenOut, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, feeToken,
                complete, decimalsIn, decimalsOut);
    }

    /** {@link #amountIn} in token units, exactly. */
    public BigDecimal amountInTokens() {
        return new BigDecimal(amountIn, decimalsIn);
    }

    /** {@link #amountOut} in token units, exactly. */
    public BigDecimal amountOutTokens() {
        return new BigDecimal(amountOut, decimalsOut);
    }

    /** {@link #feePaid} in token units of {@link #feeToken}, exactly. */
    public BigDecimal feePaidTokens() {
        return new BigDecimal(feePaid, feeDecimals());
    }

    /** Decimals of the fee token. */
    public int feeDecimals() {
        return feeToken.equals(tokenIn) ? decimalsIn : decimalsOut;
    }
}
