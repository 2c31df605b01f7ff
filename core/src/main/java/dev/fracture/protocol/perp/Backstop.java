package dev.fracture.protocol.perp;

/**
 * What stands behind the book in a liquidation.
 *
 * @param vaultCapacityNotional USD notional the backstop liquidity vault (Hyperliquid's HLP liquidator strategy) may
 *                              still take over at this moment: its equity times the leverage it allows itself
 * @param insuranceFund         USD in the insurance fund
 */
public record Backstop(double vaultCapacityNotional, double insuranceFund) {
    public Backstop {
        Require.nonNegative(vaultCapacityNotional, "vaultCapacityNotional");
        Require.nonNegative(insuranceFund, "insuranceFund");
    }
}
