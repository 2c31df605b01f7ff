package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * Result of {@link Flipper#deal}: the winner ({@code won.guy()}) receives the lot for the bid it already paid.
 *
 * @param state the flipper without the auction
 * @param won   the auction as it ended
 */
public record FlipDeal(FlipperState state, FlipBid won) {
    /** Tab the auction did not raise: {@code tab − bid}, 0 when it reached the dent phase [RAD]. */
    public BigInteger unraised() {
        return won.tab().subtract(won.bid());
    }
}
