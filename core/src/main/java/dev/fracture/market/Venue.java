package dev.fracture.market;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import java.util.List;

/**
 * A place to trade: an AMM pool or an order book. Amounts are in token units (doubles); venues that have an
 * exact mode convert them to integer units on the way in and back on the way out, and also implement
 * {@link IntegerQuoting} for callers who need every unit (a double carries about 16 significant digits).
 *
 * <p>A venue is mutable: {@code swap*} changes it, {@code quote*} never does, and a quote followed by the same
 * swap gives the quoted amounts. Bad arguments (an asset the venue does not trade, a negative, NaN or
 * infinite amount) throw {@link IllegalArgumentException} naming the venue and the rule; running out of
 * liquidity is not an error but a quote with {@code complete == false}.
 */
public interface Venue {

    VenueId id();

    ChainId chain();

    /** The assets this venue trades. */
    List<AssetId> assets();

    default boolean trades(AssetId a, AssetId b) {
        return !a.equals(b) && assets().contains(a) && assets().contains(b);
    }

    /** Which amount of a trade is fixed. */
    enum Exact {
        /** The trader pays exactly the amount given. */
        IN,
        /** The trader receives exactly the amount given. */
        OUT
    }

    /**
     * Prices a trade of {@code amount} (paid in for {@link Exact#IN}, received for {@link Exact#OUT}) and,
     * when {@code commit} is true, executes it. The one method each venue implements; the four below name its uses.
     */
    Quote trade(AssetId tokenIn, AssetId tokenOut, double amount, Exact fixed, boolean commit);

    /** Output for paying exactly {@code amountIn} of {@code tokenIn}; does not change the venue. */
    default Quote quoteExactIn(AssetId tokenIn, AssetId tokenOut, double amountIn) {
        return trade(tokenIn, tokenOut, amountIn, Exact.IN, false);
    }

    /** Input needed to receive exactly {@code amountOut} of {@code tokenOut}; does not change the venue. */
    default Quote quoteExactOut(AssetId tokenIn, AssetId tokenOut, double amountOut) {
        return trade(tokenIn, tokenOut, amountOut, Exact.OUT, false);
    }

    /** Executes an exact-input trade and returns its fill. */
    default Quote swapExactIn(AssetId tokenIn, AssetId tokenOut, double amountIn) {
        return trade(tokenIn, tokenOut, amountIn, Exact.IN, true);
    }

    /** Executes an exact-output trade and returns its fill. */
    default Quote swapExactOut(AssetId tokenIn, AssetId tokenOut, double amountOut) {
        return trade(tokenIn, tokenOut, amountOut, Exact.OUT, true);
    }

    /** Fee-free spot price of {@code base} in {@code quote} (mid price for an order book). */
    double spotPrice(AssetId base, AssetId quote);

    /**
     * Marginal rate of a trade in this direction: d(amountOut)/d(amountIn) at zero size, fees included. This is
     * what a router equalizes across venues.
     */
    double marginalRate(AssetId tokenIn, AssetId tokenOut);

    /**
     * Amount of {@code tokenIn} that, sold into this venue, moves the spot price of tokenIn in tokenOut down by
     * {@code priceMoveFraction} (0.02 for 2%). Selling the other token gives the depth in the other direction.
     * Returns the whole available liquidity when the venue cannot move that far.
     */
    double depth(AssetId tokenIn, AssetId tokenOut, double priceMoveFraction);

    /**
     * Amount of {@code tokenIn} a sale into this venue takes before its marginal rate — tokenOut per further unit of
     * tokenIn, fees included — falls to {@code rate}: 0 when it is already there or below; all the venue can take
     * when it never falls that far. Where a venue's marginal rate is its spot price times a fixed fee factor, that is
     * {@link #depth} at the move that brings the spot to {@code rate} over that factor, which this default returns;
     * venues whose marginal rate is not that (fees left in the reserves, order books priced off their mid) say so
     * themselves. Selling up to here is what maximizes a seller's {@code output − rate × input}.
     */
    default double inputAtMarginalRate(AssetId tokenIn, AssetId tokenOut, double rate) {
        VenueChecks.requireRate(id(), rate);
        double atZero = marginalRate(tokenIn, tokenOut);
        return rate < atZero ? depth(tokenIn, tokenOut, 1 - rate / atZero) : 0;
    }

    /**
     * Whether {@link #inputAtMarginalRate} is this venue's own answer to the question — a closed form of its curve or
     * a walk of its levels, where the next unit's rate, fee included, is exactly the one asked — rather than this
     * interface's default read off {@link #depth}, which only approximates it where a curve's marginal rate is not its
     * spot times a fixed factor (a StableSwap pool). The router splits an order exactly over venues that say so
     * ({@code WaterFillingSplit}); false by default.
     */
    default boolean exactMarginalInput() {
        return false;
    }

    /**
     * The rate at and above which {@link #inputAtMarginalRate} is 0 — the sale that stops where a further unit returns
     * this rate takes nothing — up to the rounding of the few operations that compute either (a caller asking
     * whether a rate takes nothing keeps a relative margin far above that, e.g. 1e-9). Where the marginal rate at
     * zero size is where the sale starts, as in this default's {@link #inputAtMarginalRate}, a constant-product
     * pool's closed form and an order book's best level, it is {@link #marginalRate}; a venue whose sale can start
     * above its marginal rate at zero size says so itself.
     */
    default double rateSellingNothing(AssetId tokenIn, AssetId tokenOut) {
        return marginalRate(tokenIn, tokenOut);
    }

    /**
     * Liquidity in {@code buckets} equal price bands on each side of spot, reaching {@code rangeFraction} away
     * from it (0.5 = from half the spot price to one and a half times it).
     */
    LiquidityProfile liquidityProfile(AssetId base, AssetId quote, int buckets, double rangeFraction);

    /**
     * Every liquidity provider takes out the share {@code fraction} (0..1) of its liquidity, pro rata, as
     * Uniswap v2 {@code burn}, v3 {@code burn} per position, Curve {@code remove_liquidity} (balanced) and a market
     * maker cancelling that share of each resting order do. The price does not move; the depth at every price
     * move shrinks by {@code fraction}. Returns the tokens taken out, one amount per {@link #assets()} entry in that
     * order, in token units.
     *
     * A venue cannot be emptied here: an empty pool has no price, and Uniswap v2 itself locks MINIMUM_LIQUIDITY
     * forever at the first mint; a caller meaning "all" passes {@code Math.nextDown(1.0)}.
     *
     * @throws IllegalArgumentException when {@code fraction} is not in (0, 1)
     */
    double[] withdrawLiquidity(double fraction);

    /**
     * Whether this venue is a contract converting at a set rate with no liquidity providers behind it (a wrapper such
     * as Lido's wstETH): its price never moves, so arbitrage, liquidity withdrawals, depth tallies and the
     * unified-liquidity merge leave it alone, and a route uses it only as the contract it is.
     */
    default boolean fixedRate() {
        return false;
    }

    /** An independent copy in the same state, for what-if trades. */
    Venue copy();

    /**
     * A count that grows with every committed trade and every withdrawal, so that a caller holding a result computed
     * from this venue's state knows whether the state may have changed since; -1 when the venue does not count (the
     * caller must then assume it always may have).
     */
    default long version() {
        return -1;
    }
}
