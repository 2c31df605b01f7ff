package dev.fracture.protocol.options;

/**
 * Price and first-order sensitivities of one European option (one unit of underlying), Black–Scholes–Merton.
 *
 * @param price       premium, in quote units per unit of underlying
 * @param delta       ∂price/∂spot, units of underlying per option
 * @param gamma       ∂²price/∂spot², units of underlying per option per unit of spot price
 * @param vega        ∂price/∂σ per 1.00 (100 vol points) of volatility; divide by 100 for one vol point
 * @param thetaPerYear ∂price/∂t as calendar time passes (= −∂price/∂T), quote units per year
 * @param rho         ∂price/∂r per 1.00 (10,000 bp) of the continuously compounded rate
 */
public record Greeks(double price, double delta, double gamma, double vega, double thetaPerYear, double rho) {
    /** Days in the year used for {@link #thetaPerDay()}: calendar days, as Hull quotes theta. */
    public static final double DAYS_PER_YEAR = 365;

    /** Theta per calendar day. */
    public double thetaPerDay() {
        return thetaPerYear / DAYS_PER_YEAR;
    }

    /** Vega per vol point (σ moving by 0.01). */
    public double vegaPerPoint() {
        return vega / 100;
    }
}
