package dev.fracture.protocol.perp;

/**
 * A pool market's books, USD.
 *
 * @param poolCash      cash the LPs own (deposits, fees, traders' realized losses, minus traders' realized gains);
 *                      the LPs' value is this minus the open positions' unrealized P&amp;L
 * @param longOpenInterest  total long size
 * @param shortOpenInterest total short size
 * @param venueFees     fees kept by the venue
 * @param keeperFees    liquidation fees paid to keepers
 */
public record PoolState(double poolCash, double longOpenInterest, double shortOpenInterest, double venueFees,
                        double keeperFees) {
    public PoolState {
        Require.finite(poolCash, "poolCash");
        Require.nonNegative(longOpenInterest, "longOpenInterest");
        Require.nonNegative(shortOpenInterest, "shortOpenInterest");
        Require.finite(venueFees, "venueFees");
        Require.finite(keeperFees, "keeperFees");
    }

    public static PoolState seeded(double poolCash) {
        return new PoolState(poolCash, 0, 0, 0, 0);
    }
}
