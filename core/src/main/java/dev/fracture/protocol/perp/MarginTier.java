package dev.fracture.protocol.perp;

/**
 * One row of a market's margin table: from {@code lowerBound} of position notional (USD at the mark) on, at
 * most {@code maxLeverage}. As on Hyperliquid (docs "Margin tiers",
 * https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers), the maintenance margin rate of a tier is
 * half its initial margin rate at maximum leverage: {@code 1 / (2 maxLeverage)}.
 *
 * @param lowerBound  notional in USD from which this tier applies
 * @param maxLeverage the highest leverage allowed in this tier (1 = fully collateralized)
 */
public record MarginTier(double lowerBound, double maxLeverage) {
    public MarginTier {
        Require.nonNegative(lowerBound, "lowerBound");
        Require.finite(maxLeverage, "maxLeverage");
        if (maxLeverage < 1) {
            throw new IllegalArgumentException("maxLeverage must be >= 1, was " + maxLeverage);
        }
    }

    public double initialMarginRate() {
        return 1 / maxLeverage;
    }

    public double maintenanceMarginRate() {
        return 0.5 / maxLeverage;
    }
}
