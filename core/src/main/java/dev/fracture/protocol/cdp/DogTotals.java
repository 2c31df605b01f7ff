package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * The Dog's global limit ({@code Hole}) and the DAI in auction over all ilks ({@code Dirt}), makerdao/dss
 * {@code src/dog.sol}.
 *
 * @param hole {@code Hole}: most DAI in auction at once over all ilks [RAD]
 * @param dirt {@code Dirt}: DAI currently in auction over all ilks [RAD]
 */
public record DogTotals(BigInteger hole, BigInteger dirt) {
    public DogTotals {
        Checks.nonNegative(hole, "Hole");
        Checks.nonNegative(dirt, "Dirt");
    }

    public DogTotals withDirt(BigInteger newDirt) {
        return new DogTotals(hole, newDirt);
    }
}
