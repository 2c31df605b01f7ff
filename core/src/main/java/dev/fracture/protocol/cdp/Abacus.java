package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * A Clipper price curve: the auction price after {@code dur} seconds from a starting price {@code top}, as the
 * contracts of makerdao/dss {@code src/abaci.sol}. The integer form reproduces the contract to the last unit; the
 * double form is for analytics.
 */
public sealed interface Abacus permits LinearDecrease, StairstepExponentialDecrease, ExponentialDecrease {

    /** Price in RAY after {@code dur} seconds from {@code top} (RAY). */
    BigInteger price(BigInteger top, long dur);

    /** The same curve in doubles, in whatever unit {@code top} is given. */
    double price(double top, long dur);
}
