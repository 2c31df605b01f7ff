package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * Price multiplied by {@code cut} once every {@code step} seconds and constant in between:
 * {@code rmul(top, rpow(cut, dur / step, RAY))} (makerdao/dss {@code src/abaci.sol},
 * {@code StairstepExponentialDecrease.price}).
 *
 * @param step seconds between two cuts
 * @param cut  per-step multiplicative factor in RAY, strictly between 0 and 1 RAY
 */
public record StairstepExponentialDecrease(long step, BigInteger cut) implements Abacus {
    public StairstepExponentialDecrease {
        Checks.positive(step, "step");
        ExponentialDecrease.checkCut(cut);
    }

    @Override
    public BigInteger price(BigInteger top, long dur) {
        Checks.nonNegative(top, "top");
        Checks.nonNegative(dur, "dur");
        return DssMath.rmul(top, DssMath.rpow(cut, dur / step, DssMath.RAY));
    }

    @Override
    public double price(double top, long dur) {
        Checks.nonNegative(dur, "dur");
        return top * Math.pow(DssMath.toDouble(cut, DssMath.RAY), dur / step);
    }
}
