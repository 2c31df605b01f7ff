package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * The Dog's per-ilk liquidation parameters and state (makerdao/dss {@code src/dog.sol}, {@code struct Ilk}).
 *
 * @param chop liquidation penalty factor, e.g. 1.13 WAD for 13%, at least 1 WAD [WAD]
 * @param hole most DAI (tab, penalty included) this ilk may have in auction at once [RAD]
 * @param dirt DAI currently in auction for this ilk [RAD]
 */
public record DogIlk(BigInteger chop, BigInteger hole, BigInteger dirt) {
    public DogIlk {
        Checks.atLeast(chop, DssMath.WAD, "chop", "WAD");
        Checks.nonNegative(hole, "hole");
        Checks.nonNegative(dirt, "dirt");
    }

    public DogIlk withDirt(BigInteger newDirt) {
        return new DogIlk(chop, hole, newDirt);
    }
}
