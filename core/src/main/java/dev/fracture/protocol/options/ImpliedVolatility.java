package dev.fracture.protocol.options;

/**
 * The Black–Scholes–Merton volatility that reproduces a given premium, by Newton's method on vega kept inside a
 * bracket that bisection shrinks (the "safeguarded Newton" of Press et al., <i>Numerical Recipes</i>, 3rd ed.,
 * §9.4, {@code rtsafe}). The price is strictly increasing in σ (vega > 0), so the bracket always holds the root;
 * Newton converges quadratically near it, and where vega is tiny (deep out of the money, short expiries) and a
 * Newton step would leave the bracket, the step is a bisection instead, so the solver never diverges.
 */
public final class ImpliedVolatility {
    /** Lowest and highest vol searched: 0.01% to 10,000% a year. */
    static final double MIN_VOL = 1e-4;
    static final double MAX_VOL = 100;
    private static final int MAX_ITERATIONS = 200;

    private ImpliedVolatility() {
    }

    /**
     * The implied volatility of {@code premium}.
     *
     * @throws IllegalArgumentException naming the field for bad market inputs, and naming the premium when it lies
     *                                  outside the no-arbitrage bounds: above the discounted intrinsic value of the
     *                                  forward, below {@code S e^(−qT)} for a call or {@code K e^(−rT)} for a put
     */
    public static double of(OptionType type, double premium, double spot, double strike, double years, double rate,
                            double yield) {
        Checks.present(type, "option type");
        Checks.finite(premium, "premium");
        Checks.positive(spot, "spot");
        Checks.positive(strike, "strike");
        Checks.unexpired(years, "time to expiry");
        Checks.finite(rate, "rate");
        Checks.finite(yield, "yield");
        double fwdSpot = spot * Math.exp(-yield * years);
        double pvStrike = strike * Math.exp(-rate * years);
        double lower = type == OptionType.CALL ? Math.max(fwdSpot - pvStrike, 0) : Math.max(pvStrike - fwdSpot, 0);
        double upper = type == OptionType.CALL ? fwdSpot : pvStrike;
        if (!(premium > lower && premium < upper)) {
            throw new IllegalArgumentException("premium must lie strictly between the no-arbitrage bounds " + lower
                    + " and " + upper + ", was " + premium);
        }

        double lo = MIN_VOL;
        double hi = MAX_VOL;
        if (BlackScholes.price(type, spot, strike, years, rate, yield, lo) >= premium) {
            return lo;
        }
        if (BlackScholes.price(type, spot, strike, years, rate, yield, hi) <= premium) {
            return hi;
        }
        // Start where the Brenner–Subrahmanyam at-the-money approximation puts it, C ≈ 0.4 S σ √T.
        double vol = clamp(premium / (0.4 * fwdSpot * Math.sqrt(years)), lo, hi);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            Greeks g = BlackScholes.greeks(type, spot, strike, years, rate, yield, vol);
            double diff = g.price() - premium;
            if (Math.abs(diff) <= 1e-14 * upper) {
                return vol;
            }
            if (diff > 0) {
                hi = vol;
            } else {
                lo = vol;
            }
            if (hi - lo <= 1e-15 * hi) {
                return vol;
            }
            double next = vol - diff / g.vega();
            vol = next > lo && next < hi && g.vega() > 0 ? next : 0.5 * (lo + hi);
        }
        return vol;
    }

    private static double clamp(double x, double lo, double hi) {
        return Double.isNaN(x) ? 0.5 * (lo + hi) : Math.max(lo, Math.min(hi, x));
    }
}
