package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * A Clipper's parameters (makerdao/dss {@code src/clip.sol}, {@code file}).
 *
 * @param buf   starting price multiplier over the feed price, at least 1 RAY [RAY]
 * @param tail  seconds after which an auction needs a reset
 * @param cusp  fraction of {@code top} below which an auction needs a reset, strictly between 0 and 1 RAY [RAY]
 * @param chip  keeper incentive as a fraction of tab [WAD]
 * @param tip   flat keeper incentive [RAD]
 * @param chost the ilk's dust times its chop, {@code wmul(dust, chop)}: the smallest tab a partial take may leave [RAD]
 * @param calc  the price curve
 */
public record ClipperParams(BigInteger buf, long tail, BigInteger cusp, BigInteger chip, BigInteger tip,
                            BigInteger chost, Abacus calc) {
    public ClipperParams {
        Checks.atLeast(buf, DssMath.RAY, "buf", "RAY");
        Checks.positive(tail, "tail");
        Checks.positive(cusp, "cusp");
        if (cusp.compareTo(DssMath.RAY) >= 0) {
            throw new IllegalArgumentException("cusp must be below 1 RAY (" + DssMath.RAY + "), got " + cusp);
        }
        Checks.nonNegative(chip, "chip");
        Checks.nonNegative(tip, "tip");
        Checks.nonNegative(chost, "chost");
        Checks.notNull(calc, "calc");
    }

    /** Parameters with {@code chost} computed as {@code upchost} does, from the ilk's dust and the Dog's chop. */
    public static ClipperParams of(BigInteger buf, long tail, BigInteger cusp, BigInteger chip, BigInteger tip,
                                   Abacus calc, Ilk ilk, DogIlk dogIlk) {
        return new ClipperParams(buf, tail, cusp, chip, tip, DssMath.wmul(ilk.dust(), dogIlk.chop()), calc);
    }
}
