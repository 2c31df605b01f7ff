package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * Stability fee accrual (makerdao/dss {@code src/jug.sol}, {@code drip}):
 * {@code rate' = rmul(rpow(base + duty, now − rho, RAY), rate)}, then {@code Vat.fold} adds {@code Art · (rate' − rate)}
 * to the vow's surplus. rpow rounds each product half up; the final rmul floors.
 */
public final class Jug {
    private static final double SECONDS_PER_YEAR = 365 * 24 * 3600.0;

    private Jug() {
    }

    /**
     * Accrues the ilk's stability fee up to {@code now}.
     *
     * @param base global per-second fee added to {@code duty} [RAY], usually 0
     */
    public static Drip drip(Ilk ilk, JugIlk jug, BigInteger base, long now) {
        Checks.nonNegative(base, "base");
        if (now < jug.rho()) {
            throw new IllegalArgumentException("now must not be before rho (" + jug.rho() + "), got " + now);
        }
        BigInteger factor = DssMath.rpow(base.add(jug.duty()), now - jug.rho(), DssMath.RAY);
        BigInteger rate = DssMath.rmul(factor, ilk.rate());
        BigInteger fees = ilk.totalArt().multiply(rate.subtract(ilk.rate()));
        return new Drip(ilk.withRate(rate), new JugIlk(jug.duty(), now), fees);
    }

    /** Annual growth of debt under a per-second {@code duty} [RAY], as a double: duty^(seconds in 365 days) − 1. */
    public static double annualRate(BigInteger duty) {
        // duty is 1 + a few 1e-9: a double of duty itself would keep only ~7 digits of the excess, so take the excess.
        double excess = DssMath.toDouble(duty.subtract(DssMath.RAY), DssMath.RAY);
        return Math.expm1(SECONDS_PER_YEAR * Math.log1p(excess));
    }
}
