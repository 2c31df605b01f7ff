package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * Price multiplied by {@code cut} every second: {@code rmul(top, rpow(cut, dur, RAY))} (makerdao/dss
 * {@code src/abaci.sol}, {@code ExponentialDecrease.price}). A half-life of h seconds is {@code cut = 0.5^(1/h)}.
 *
 * @param cut per-second multiplicative factor in RAY, strictly between 0 and 1 RAY
 */
public record ExponentialDecrease(BigInteger cut) implements Abacus {
    public ExponentialDecrease {
        checkCut(cut);
    }

    /** The cut (RAY, rounded down) whose price halves every {@code halfLifeSeconds}. */
    public static ExponentialDecrease withHalfLife(double halfLifeSeconds) {
        Checks.nonNegative(halfLifeSeconds, "halfLifeSeconds");
        return new ExponentialDecrease(DssMath.fromDouble(Math.pow(0.5, 1 / halfLifeSeconds), DssMath.RAY));
    }

    @Override
    public BigInteger price(BigInteger top, long dur) {
        Checks.nonNegative(top, "top");
        Checks.nonNegative(dur, "dur");
        return DssMath.rmul(top, DssMath.rpow(cut, dur, DssMath.RAY));
    }

    @Override
    public double price(double top, long dur) {
        Checks.nonNegative(dur, "dur");
        return top * Math.pow(DssMath.toDouble(cut, DssMath.RAY), dur);
    }

    /**
     * abaci.sol only refuses {@code cut > RAY}; a cut of 0 or of exactly 1 RAY is accepted there but gives an auction
     * that never decreases or collapses at once, which in a simulation is a parameter error, so both are refused.
     */
    static void checkCut(BigInteger cut) {
        Checks.nonNegative(cut, "cut");
        if (cut.signum() == 0 || cut.compareTo(DssMath.RAY) >= 0) {
            throw new IllegalArgumentException("cut must be strictly between 0 and 1 RAY (" + DssMath.RAY + "), got "
                    + cut);
        }
    }
}
