package dev.fracture.protocol.perp;

/**
 * Who gained and who lost in one liquidation, each party's change of equity valued at the mark prices (USD). The
 * waterfall only moves value between these parties, so {@link #sum()} is zero up to rounding.
 *
 * @param trader           the liquidated account (its negative equity wiped counts as a gain)
 * @param bookMakers       the makers whose resting orders filled the market orders (fill price against mark)
 * @param vault            the backstop vault
 * @param insuranceFund    the fund (negative: paid out)
 * @param adlCounterparties deleveraged accounts, closed at the bankruptcy price instead of the mark
 * @param socialized       accounts charged the socialized loss (negative; a part no account could carry is in
 *                         {@code vault})
 * @param venueFees        taker fees kept by the venue
 */
public record PerpLedger(double trader, double bookMakers, double vault, double insuranceFund,
                         double adlCounterparties, double socialized, double venueFees) {
    public double sum() {
        return trader + bookMakers + vault + insuranceFund + adlCounterparties + socialized + venueFees;
    }
}
