package dev.fracture.protocol.options;

import org.hipparchus.special.Erf;

/**
 * European option prices and greeks in the Black–Scholes (1973) model with Merton's (1973) continuous dividend
 * yield {@code q} — for crypto underlyings, a staking or lending yield the holder of the asset earns and the holder
 * of the option does not. Formulas as Hull, <i>Options, Futures, and Other Derivatives</i> (9th ed.), chapters "The
 * Black–Scholes–Merton Model" (pricing), "Options on Stock Indices and Currencies" (the yield) and "The Greek
 * Letters" (greeks with a yield):
 *
 * <pre>
 * d1 = (ln(S/K) + (r − q + σ²/2) T) / (σ √T),   d2 = d1 − σ √T
 * call = S e^(−qT) N(d1) − K e^(−rT) N(d2)       put = K e^(−rT) N(−d2) − S e^(−qT) N(−d1)
 * </pre>
 *
 * Spot and strike are in quote units per unit of underlying, {@code T} in years, {@code r}, {@code q} and {@code σ}
 * annualized and continuously compounded. Units of the greeks are stated on {@link Greeks}. Stateless.
 */
public final class BlackScholes {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private BlackScholes() {
    }

    /** The premium of one option. */
    public static double price(OptionType type, double spot, double strike, double years, double rate, double yield,
                               double vol) {
        return greeks(type, spot, strike, years, rate, yield, vol).price();
    }

    /**
     * Price and greeks of one option.
     *
     * @throws IllegalArgumentException naming the field when spot, strike or vol is not a positive finite number,
     *                                  rate or yield is not finite, or {@code years <= 0} (expired)
     */
    public static Greeks greeks(OptionType type, double spot, double strike, double years, double rate, double yield,
                                double vol) {
        Checks.present(type, "option type");
        Checks.positive(spot, "spot");
        Checks.positive(strike, "strike");
        Checks.unexpired(years, "time to expiry");
        Checks.finite(rate, "rate");
        Checks.finite(yield, "yield");
        Checks.positive(vol, "vol");

        double sqrtT = Math.sqrt(years);
        double volSqrtT = vol * sqrtT;
        double d1 = (Math.log(spot / strike) + (rate - yield + 0.5 * vol * vol) * years) / volSqrtT;
        double d2 = d1 - volSqrtT;
        double growth = Math.exp(-yield * years);
        double discount = Math.exp(-rate * years);
        double fwdSpot = spot * growth;
        double pvStrike = strike * discount;
        double density = pdf(d1);

        double gamma = growth * density / (spot * volSqrtT);
        double vega = fwdSpot * density * sqrtT;
        double decay = -fwdSpot * density * vol / (2 * sqrtT);
        if (type == OptionType.CALL) {
            double nd1 = cdf(d1);
            double nd2 = cdf(d2);
            double price = fwdSpot * nd1 - pvStrike * nd2;
            double theta = decay - rate * pvStrike * nd2 + yield * fwdSpot * nd1;
            return new Greeks(price, growth * nd1, gamma, vega, theta, strike * years * discount * nd2);
        }
        double nmd1 = cdf(-d1);
        double nmd2 = cdf(-d2);
        double price = pvStrike * nmd2 - fwdSpot * nmd1;
        double theta = decay + rate * pvStrike * nmd2 - yield * fwdSpot * nmd1;
        return new Greeks(price, -growth * nmd1, gamma, vega, theta, -strike * years * discount * nmd2);
    }

    /**
     * The standard normal CDF, {@code N(x) = erfc(−x/√2) / 2}. Written through erfc rather than {@code 1 + erf}
     * so the lower tail keeps its relative precision instead of cancelling against 1.
     */
    public static double cdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT2);
    }

    /** The standard normal density. */
    public static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }
}
