package dev.fracture.market;

import dev.fracture.model.AssetId;
import dev.fracture.model.VenueId;

/**
 * The result of a trade on one venue, quoted or executed. Amounts in token units (not integer units).
 *
 * @param amountIn     what the trader pays, fee included
 * @param amountOut    what the trader receives
 * @param feePaid      the part of {@code amountIn} (or, for venues charging on output, of the output) kept as fee,
 *                     in units of the token it was charged in
 * @param spotBefore   the venue's fee-free spot price of tokenIn in tokenOut before the trade
 * @param spotAfter    the same after the trade
 * @param complete     false when the venue ran out of liquidity (or hit a price limit) before the requested amount
 *                     was filled; the amounts then say what was actually filled
 */
public record Quote(VenueId venue, AssetId tokenIn, AssetId tokenOut, double amountIn, double amountOut,
                    double feePaid, double spotBefore, double spotAfter, boolean complete) {

    /** Average execution price, tokenOut per tokenIn. */
    public double averagePrice() {
        return amountIn == 0 ? spotBefore : amountOut / amountIn;
    }

    /** Relative shortfall of the average price against the spot price before the trade (fee included). */
    public double slippage() {
        return spotBefore == 0 ? 0 : 1 - averagePrice() / spotBefore;
    }
}
