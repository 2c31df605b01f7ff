package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * One collateral type of the Vat (makerdao/dss {@code src/vat.sol}, {@code struct Ilk}) plus the liquidation ratio
 * the Spotter holds for it ({@code src/spot.sol}).
 *
 * @param name     ilk name, e.g. "ETH-A"
 * @param totalArt total normalized debt of all vaults, {@code Art} [WAD]
 * @param rate     debt accumulator: DAI owed per unit of normalized debt [RAY]
 * @param spot     collateral price divided by par and by {@code mat}: the most DAI one unit may back [RAY]
 * @param line     debt ceiling [RAD]
 * @param dust     smallest debt a vault may hold, unless it holds none [RAD]
 * @param mat      liquidation ratio, e.g. 1.5 RAY for 150% [RAY], at least 1 RAY
 */
public record Ilk(String name, BigInteger totalArt, BigInteger rate, BigInteger spot, BigInteger line,
                  BigInteger dust, BigInteger mat) {
    public Ilk {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Checks.nonNegative(totalArt, "totalArt");
        Checks.positive(rate, "rate");
        Checks.nonNegative(spot, "spot");
        Checks.nonNegative(line, "line");
        Checks.nonNegative(dust, "dust");
        Checks.atLeast(mat, DssMath.RAY, "mat", "RAY");
    }

    public Ilk withRate(BigInteger newRate) {
        return new Ilk(name, totalArt, newRate, spot, line, dust, mat);
    }

    public Ilk withSpot(BigInteger newSpot) {
        return new Ilk(name, totalArt, rate, newSpot, line, dust, mat);
    }

    public Ilk withTotalArt(BigInteger newTotalArt) {
        return new Ilk(name, newTotalArt, rate, spot, line, dust, mat);
    }

    /** Total debt of the ilk, {@code Art · rate} [RAD]. */
    public BigInteger debt() {
        return totalArt.multiply(rate);
    }
}
