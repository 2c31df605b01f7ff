package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;
import java.math.BigInteger;

/**
 * Result of a {@link Flipper#tend} or {@link Flipper#dent} that landed: what the new high bidder paid and to whom.
 *
 * @param state     the flipper after the bid
 * @param auction   the auction after the bid
 * @param refunded  the previous high bidder (the kicker before the first bid)
 * @param refund    DAI paid by the new bidder to the previous one, his whole bid [RAD]
 * @param toVow     DAI paid by the new bidder to the vow: the raise in tend, 0 in dent [RAD]
 * @param toUsr     collateral given up to the vault owner: the lot decrease in dent, 0 in tend [WAD]
 */
public record FlipMove(FlipperState state, FlipBid auction, AccountId refunded, BigInteger refund, BigInteger toVow,
                       BigInteger toUsr) {
}
