package dev.fracture.protocol.perp;

/**
 * A position against the pool, kept as GMX v2 keeps it.
 *
 * @param isLong        direction
 * @param sizeUsd       USD size at entry
 * @param sizeInTokens  base units ({@code sizeUsd / entry price})
 * @param collateralUsd USD collateral after the opening fee
 */
public record PoolPosition(boolean isLong, double sizeUsd, double sizeInTokens, double collateralUsd) {
    public PoolPosition {
        Require.positive(sizeUsd, "sizeUsd");
        Require.positive(sizeInTokens, "sizeInTokens");
        Require.nonNegative(collateralUsd, "collateralUsd");
    }

    /** GMX v2 {@code getPositionPnlUsd}: {@code sizeInTokens × price − sizeUsd} for a long, negated for a short. */
    public double pnl(double price) {
        double value = sizeInTokens * price;
        return isLong ? value - sizeUsd : sizeUsd - value;
    }
}
