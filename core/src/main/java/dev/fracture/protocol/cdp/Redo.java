package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;
import java.math.BigInteger;

/**
 * Result of {@link Clipper#redo}.
 *
 * @param state   the clipper with the auction restarted
 * @param auction the auction with its new {@code tic} and {@code top}
 * @param keeper  the account paid the incentive
 * @param coin    incentive paid again, {@code tip + wmul(tab, chip)}, or 0 when tab or the lot's value is below chost
 *                [RAD]
 */
public record Redo(ClipperState state, Auction auction, AccountId keeper, BigInteger coin) {
}
