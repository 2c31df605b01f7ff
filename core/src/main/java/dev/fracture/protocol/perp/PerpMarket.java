package dev.fracture.protocol.perp;

import java.util.List;

/**
 * A perpetual market's risk parameters. Sizes are in base units (signed: positive long), prices in USD per base
 * unit, notional and margin in USD.
 *
 * <p><b>Margin tiers.</b> The tier of a position is the last one whose lower bound its notional reaches. Its
 * maintenance margin is {@code notional × mmr_i − deduction_i} with
 * {@code deduction_i = deduction_{i−1} + lowerBound_i × (mmr_i − mmr_{i−1})}, {@code deduction_0 = 0}: the
 * "maintenance amount" of Binance's leverage brackets and Hyperliquid's margin tiers, which makes the requirement
 * continuous in notional (a position one dollar above a bound does not jump), so that it equals charging each slice
 * of notional at its own tier's rate. Rates rise with size because max leverage falls with size.
 *
 * <p><b>Partial liquidation.</b> Hyperliquid (docs "Liquidations"): a position whose notional exceeds
 * {@code partialLiquidationNotional} (100,000 USDC there) is sent to the book only
 * {@code partialLiquidationFraction} (20%) at a time; a backstop liquidation by the liquidator vault happens when
 * equity falls below {@code backstopFraction} (2/3) of maintenance margin.
 *
 * @param id                         market name, e.g. {@code BTC}
 * @param tiers                      margin table, lower bounds strictly ascending from 0, max leverage non-increasing
 * @param partialLiquidationNotional notional in USD above which only a fraction is liquidated per event
 * @param partialLiquidationFraction that fraction, in (0, 1]
 * @param backstopFraction           equity / maintenance margin below which the vault takes over, in [0, 1]
 */
public record PerpMarket(String id, List<MarginTier> tiers, double partialLiquidationNotional,
                         double partialLiquidationFraction, double backstopFraction) {
    public PerpMarket {
        Require.notNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Require.notNull(tiers, "tiers");
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty() || tiers.get(0).lowerBound() != 0) {
            throw new IllegalArgumentException("tiers of " + id + " must start with a tier at lowerBound 0");
        }
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).lowerBound() <= tiers.get(i - 1).lowerBound()) {
                throw new IllegalArgumentException("tiers[" + i + "].lowerBound of " + id + " must be above tiers["
                        + (i - 1) + "].lowerBound");
            }
            if (tiers.get(i).maxLeverage() > tiers.get(i - 1).maxLeverage()) {
                throw new IllegalArgumentException("tiers[" + i + "].maxLeverage of " + id
                        + " must not exceed tiers[" + (i - 1) + "].maxLeverage");
            }
        }
        Require.nonNegative(partialLiquidationNotional, "partialLiquidationNotional");
        Require.fraction(partialLiquidationFraction, "partialLiquidationFraction");
        if (partialLiquidationFraction == 0) {
            throw new IllegalArgumentException("partialLiquidationFraction must be > 0, was 0");
        }
        Require.fraction(backstopFraction, "backstopFraction");
    }

    /** A market with Hyperliquid's liquidation rules: 20% partial above 100,000 USD, backstop below 2/3 of MM. */
    public static PerpMarket hyperliquid(String id, List<MarginTier> tiers) {
        return new PerpMarket(id, tiers, 100_000, 0.2, 2.0 / 3);
    }

    /** The highest leverage at notional 0. */
    public double maxLeverage() {
        return tiers.get(0).maxLeverage();
    }

    /** Index of the tier a position of this notional (USD, sign ignored) falls in. */
    public int tierIndex(double notional) {
        double n = Math.abs(Require.finite(notional, "notional"));
        int i = tiers.size() - 1;
        while (i > 0 && n < tiers.get(i).lowerBound()) {
            i--;
        }
        return i;
    }

    public double maxLeverage(double notional) {
        return tiers.get(tierIndex(notional)).maxLeverage();
    }

    public double maintenanceMarginRate(double notional) {
        return tiers.get(tierIndex(notional)).maintenanceMarginRate();
    }

    /** The maintenance amount subtracted in tier {@code i}. */
    public double maintenanceDeduction(int i) {
        double deduction = 0;
        for (int k = 1; k <= i; k++) {
            deduction += tiers.get(k).lowerBound()
                    * (tiers.get(k).maintenanceMarginRate() - tiers.get(k - 1).maintenanceMarginRate());
        }
        return deduction;
    }

    /** Maintenance margin in USD of a position of this notional (USD, sign ignored). */
    public double maintenanceMargin(double notional) {
        double n = Math.abs(notional);
        int i = tierIndex(n);
        return n * tiers.get(i).maintenanceMarginRate() - maintenanceDeduction(i);
    }

    /**
     * Initial margin in USD to hold this notional at this leverage; the leverage must not exceed the tier's maximum
     * at that notional.
     */
    public double initialMargin(double notional, double leverage) {
        double n = Math.abs(Require.finite(notional, "notional"));
        Require.finite(leverage, "leverage");
        if (leverage < 1) {
            throw new IllegalArgumentException("leverage must be >= 1, was " + leverage);
        }
        double max = maxLeverage(n);
        if (leverage > max) {
            throw new IllegalArgumentException("leverage " + leverage + " exceeds market " + id
                    + "'s maximum " + max + " at notional " + n);
        }
        return n / leverage;
    }
}
