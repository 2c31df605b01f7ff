package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * Price falls linearly from top to zero over {@code tau} seconds: {@code rmul(top, (tau - dur)·RAY / tau)}, and zero
 * from {@code tau} on (makerdao/dss {@code src/abaci.sol}, {@code LinearDecrease.price}).
 *
 * @param tau seconds after the start at which the price reaches zero
 */
public record LinearDecrease(long tau) implements Abacus {
    public LinearDecrease {
        Checks.positive(tau, "tau");
    }

    @Override
    public BigInteger price(BigInteger top, long dur) {
        Checks.nonNegative(top, "top");
        Checks.nonNegative(dur, "dur");
        if (dur >= tau) {
            return BigInteger.ZERO;
        }
        BigInteger factor = BigInteger.valueOf(tau - dur).multiply(DssMath.RAY).divide(BigInteger.valueOf(tau));
        return DssMath.rmul(top, factor);
    }

    @Override
    public double price(double top, long dur) {
        Checks.nonNegative(dur, "dur");
        return dur >= tau ? 0 : top * (tau - dur) / tau;
    }
}
