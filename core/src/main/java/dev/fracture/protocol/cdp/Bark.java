package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * What one {@link Dog#bark} did before kicking the auction.
 *
 * @param dart   normalized debt taken from the vault [WAD]
 * @param dink   collateral taken from the vault, the auction's lot [WAD]
 * @param due    debt moved to the vow as sin, {@code dart · rate} [RAD]
 * @param tab    DAI the auction must raise, {@code due · chop / WAD} [RAD]
 * @param vault  the vault after the grab
 * @param ilk    the ilk after the grab ({@code Art} reduced by dart)
 * @param dogIlk the ilk's dirt raised by tab
 * @param totals the global Dirt raised by tab
 */
public record Bark(BigInteger dart, BigInteger dink, BigInteger due, BigInteger tab, Vault vault, Ilk ilk,
                   DogIlk dogIlk, DogTotals totals) {

    /** True when the whole debt of the vault went to auction. */
    public boolean full() {
        return vault.art().signum() == 0;
    }
}
