package dev.fracture.protocol.options;

/**
 * One pillar of the at-the-money term structure.
 *
 * @param expiry years from now
 * @param vol    annualized at-the-money (forward) implied volatility, 0.55 for 55%
 */
public record AtmPoint(double expiry, double vol) {
    public AtmPoint {
        Checks.positive(expiry, "atm expiry");
        Checks.positive(vol, "atm vol at expiry " + expiry);
    }

    /** Total implied variance σ² T at this pillar. */
    public double totalVariance() {
        return vol * vol * expiry;
    }
}
