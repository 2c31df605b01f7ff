package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * What one {@link Jug#drip} changed.
 *
 * @param ilk  the ilk with its new rate
 * @param jug  the fee state with {@code rho} moved to now
 * @param fees DAI created for the vow by {@code Vat.fold}, {@code Art · (rate' − rate)} [RAD]
 */
public record Drip(Ilk ilk, JugIlk jug, BigInteger fees) {
}
