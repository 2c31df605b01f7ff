package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;
import java.math.BigInteger;

/**
 * Result of {@link Clipper#kick}.
 *
 * @param state   the clipper with the new auction
 * @param auction the new auction
 * @param keeper  the account paid the incentive
 * @param coin    incentive paid to the keeper by the vow, {@code tip + wmul(tab, chip)} [RAD]
 */
public record Kick(ClipperState state, Auction auction, AccountId keeper, BigInteger coin) {
}
