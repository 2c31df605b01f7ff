package dev.fracture.protocol.perp;

/**
 * A liquidation market order's fill on the book.
 *
 * @param market       market id
 * @param size         base units traded by the liquidated account (negative: sold, closing a long)
 * @param averagePrice USD per base unit before the taker fee
 * @param fee          taker fee in USD (for a buy, the book charges base units; they are valued at the average price)
 * @param complete     false when the book ran out before the order was filled
 */
public record BookFill(String market, double size, double averagePrice, double fee, boolean complete) {
}
