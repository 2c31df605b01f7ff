package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * Result of {@link Clipper#yank}: the auction cancelled (governance or emergency shutdown), its lot sent to the
 * caller and its tab left unraised.
 *
 * @param state   the clipper without the auction
 * @param auction the auction as it was when cancelled
 * @param lot     collateral handed to the caller [WAD]
 * @param badDebt tab that was never raised, left as sin with the vow [RAD]
 * @param digs    auction room released in the Dog, the whole remaining tab [RAD]
 */
public record Yank(ClipperState state, Auction auction, BigInteger lot, BigInteger badDebt, BigInteger digs) {
}
