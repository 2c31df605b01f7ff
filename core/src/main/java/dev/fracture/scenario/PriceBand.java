package dev.fracture.scenario;

/**
 * The prices, in USD, a scenario may set for an asset: the price a step shock leads to, every point of a path (after
 * rebasing), the bottom of a stablecoin depeg. The band exists for the engine's oracles: lending markets read USD
 * prices with 8 decimals into a {@code long} (Aave's base currency, Comet's price scale), so an answer below
 * 0.5e-8 USD rounds to 0, which they refuse, and one above {@code Long.MAX_VALUE} / 1e8 (about 9.2e10 USD) does not
 * fit.
 *
 * <ul>
 * <li>{@link #MIN_USD}: forced selling takes up to 95% off a reference price (the square-root impact's cap), which
 *     leaves 5e-8 USD of this floor, five units of an 8-decimal answer. A floor of 1e-8 USD, one unit, rounded to 0
 *     once impact acted on it.
 * <li>{@link #MAX_USD}: 1e15 units, which leaves a factor of about 9,000 under the {@code long}'s 9.2e18 for what
 *     the engine multiplies a price by: an oracle fault's factor (at most
 *     {@link ScenarioEvent.OracleWrongValue#MAX_FACTOR}, 1000), then the ratio of a token that follows another at a
 *     higher price (wstETH at about 1.2 ETH).
 * </ul>
 */
public final class PriceBand {
    public static final double MIN_USD = 1e-6;
    public static final double MAX_USD = 1e7;

    private PriceBand() {
    }

    static boolean contains(double usd) {
        return usd >= MIN_USD && usd <= MAX_USD;
    }

    /** The band in words, for a broken rule. */
    static String words() {
        return "between " + Checks.show(MIN_USD) + " and " + Checks.show(MAX_USD) + " USD";
    }
}
