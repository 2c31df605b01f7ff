package dev.fracture.protocol.options;

/**
 * The market an option book is valued in at one moment of model time.
 *
 * @param spot    underlying price, quote units per unit of underlying
 * @param time    model time in years (option expiries are on the same clock)
 * @param rate    continuously compounded risk-free (stablecoin lending) rate per year
 * @param yield   continuously compounded yield of holding the underlying (staking, lending) per year
 * @param surface implied vols, read at each option's forward log-moneyness and time to expiry
 */
public record PricingContext(double spot, double time, double rate, double yield, VolSurface surface) {
    public PricingContext {
        Checks.positive(spot, "spot");
        Checks.finite(time, "time");
        Checks.finite(rate, "rate");
        Checks.finite(yield, "yield");
        Checks.present(surface, "vol surface");
    }

    /** The same market at another spot and time: the next step of a path. */
    public PricingContext at(double newSpot, double newTime) {
        return new PricingContext(newSpot, newTime, rate, yield, surface);
    }

    /** Forward price for delivery in {@code years}. */
    public double forward(double years) {
        return spot * Math.exp((rate - yield) * years);
    }

    /**
     * Greeks of one option of this series, at the surface vol of its strike. The surface is read afresh at every
     * spot, so from one step to the next the vol moves with moneyness (sticky moneyness); within one step the
     * greeks are Black–Scholes greeks at a fixed vol, which is what a dealer's risk system reports.
     *
     * @throws IllegalArgumentException when the option has expired ({@code expiry <= time})
     */
    public Greeks greeks(OptionType type, double strike, double expiry) {
        double years = Checks.unexpired(expiry - time, "time to expiry");
        double vol = surface.vol(strike, forward(years), years);
        return BlackScholes.greeks(type, spot, strike, years, rate, yield, vol);
    }
}
