package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * What one {@link Cat#bite} did before kicking the Flipper auction.
 *
 * @param dart  normalized debt taken from the vault [WAD]
 * @param dink  collateral taken from the vault, the auction's lot [WAD]
 * @param due   debt moved to the vow as sin, {@code dart · rate} [RAD]
 * @param tab   DAI the auction must raise, {@code due · chop} [RAD]
 * @param vault the vault after the grab
 * @param ilk   the ilk after the grab ({@code Art} reduced by dart)
 */
public record Bite(BigInteger dart, BigInteger dink, BigInteger due, BigInteger tab, Vault vault, Ilk ilk) {
}
