package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * The Spotter's poke (makerdao/dss {@code src/spot.sol}): {@code spot = rdiv(rdiv(val · 10^9, par), mat)}, the
 * oracle price turned into the DAI one unit of collateral may back. The price itself comes from the oracle package
 * (the OSM is delayed there); this class only applies it.
 */
public final class Spotter {
    /** par of 1 DAI = 1 USD [RAY]. */
    public static final BigInteger PAR = DssMath.RAY;
    private static final BigInteger BLN = BigInteger.TEN.pow(9);

    private Spotter() {
    }

    /** The ilk with its spot recomputed from an oracle price {@code val} [WAD] and {@code par} [RAY]. */
    public static Ilk poke(Ilk ilk, BigInteger val, BigInteger par) {
        Checks.nonNegative(val, "val");
        Checks.positive(par, "par");
        return ilk.withSpot(DssMath.rdiv(DssMath.rdiv(val.multiply(BLN), par), ilk.mat()));
    }

    /** The ilk repriced at {@code val} [WAD] with par = 1. */
    public static Ilk poke(Ilk ilk, BigInteger val) {
        return poke(ilk, val, PAR);
    }

    /**
     * The Clipper's feed price, {@code rdiv(val · 10^9, par)} [RAY] (makerdao/dss {@code src/clip.sol},
     * {@code getFeedPrice}): the oracle price without {@code mat}.
     */
    public static BigInteger feedPrice(BigInteger val, BigInteger par) {
        Checks.nonNegative(val, "val");
        Checks.positive(par, "par");
        return DssMath.rdiv(val.multiply(BLN), par);
    }
}
