package dev.fracture.market;

import dev.fracture.model.AssetId;
import java.math.BigInteger;

/**
 * Quotes in a contract's integer units, exact to the last unit, for venues that reproduce an on-chain contract.
 *
 * <p>Why it exists: {@link Venue} speaks token units as {@code double}, which carry about 16 significant digits. An
 * 18-decimal amount reaches an exact-mode venue already rounded (1.662497915624478906 arrives as
 * 1.662497915624479) and its result goes back through a double too, so a caller of the double API cannot ask for, or
 * read, the contract's own integer result. These methods take and return {@link BigInteger} units with no double
 * anywhere on the way; the venues' double methods convert with {@link TokenUnits} and then run the same integer code,
 * so the two paths cannot drift apart.
 *
 * <p>Only a venue in {@link MathMode#EXACT} has integer state to quote from; in {@link MathMode#FAST} these methods
 * throw {@link IllegalStateException}, because a fast venue's doubles cannot give an answer exact to the unit and
 * pretending otherwise would be worse than refusing.
 *
 * <p>Rules as in {@link Venue}: the quote methods never change the venue; an asset the venue does not trade, the same
 * token on both sides, or a null or negative amount throws {@link IllegalArgumentException} naming the venue and the
 * rule; a zero amount is an empty, complete quote; running out of liquidity (or a trade the contract would revert) is
 * a quote with {@code complete == false} that says what was filled.
 */
public interface IntegerQuoting {

    /**
     * Prices a trade of {@code amount} integer units (paid in for {@link Venue.Exact#IN}, received for
     * {@link Venue.Exact#OUT}) without changing the venue. The one method each venue implements.
     */
    UnitQuote quoteUnits(AssetId tokenIn, AssetId tokenOut, BigInteger amount, Venue.Exact fixed);

    /** Output, in integer units of {@code tokenOut}, for paying exactly {@code amountIn} integer units of tokenIn. */
    default UnitQuote quoteExactInUnits(AssetId tokenIn, AssetId tokenOut, BigInteger amountIn) {
        return quoteUnits(tokenIn, tokenOut, amountIn, Venue.Exact.IN);
    }

    /**
     * Input, in integer units of {@code tokenIn}, needed to receive at least {@code amountOut} integer units of
     * tokenOut; the quote says what the contract would actually pay, which some venues round above the request.
     */
    default UnitQuote quoteExactOutUnits(AssetId tokenIn, AssetId tokenOut, BigInteger amountOut) {
        return quoteUnits(tokenIn, tokenOut, amountOut, Venue.Exact.OUT);
    }

    /** Decimals of {@code token}: one token unit is 10^decimals integer units. */
    int decimals(AssetId token);
}
