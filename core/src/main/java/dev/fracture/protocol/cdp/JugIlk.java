package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * The Jug's per-ilk fee state (makerdao/dss {@code src/jug.sol}, {@code struct Ilk}).
 *
 * @param duty per-second stability fee factor on top of the global {@code base}, e.g. 1.000000001547125957863212448
 *             RAY for about 5% a year [RAY]
 * @param rho  timestamp of the last drip [seconds]
 */
public record JugIlk(BigInteger duty, long rho) {
    public JugIlk {
        Checks.nonNegative(duty, "duty");
        Checks.nonNegative(rho, "rho");
    }
}
