package dev.fracture.engine;

import dev.fracture.agent.LiquidatorLedger;
import dev.fracture.agent.UsdPrices;

/**
 * The prices object a round of liquidations plans with: the last round's while every reference price is the same to
 * the bit (the rounds of one block after landings that moved no price, and blocks where nothing moved), else a new
 * one. A ledger remembers its inventory's value per prices object ({@link LiquidatorLedger#inventoryUsd}), so a round
 * that reads the last round's prices through the last round's object finds each value already worked out: the same
 * number, not worked out again. The object reads the reference prices as they stand, which are the kept ones while it
 * is handed out. One desk's, on the thread that runs its rounds.
 */
final class RoundPrices {
    private UsdPrices kept;
    private ReferencePrices keptOf;
    private double[] reference = new double[0];

    /** The prices object for a round planned at {@code prices} as they stand now. */
    UsdPrices of(ReferencePrices prices) {
        int n = prices.size();
        boolean same = kept != null && keptOf == prices && reference.length == n;
        for (int i = 0; same && i < n; i++) {
            same = Double.doubleToRawLongBits(reference[i]) == Double.doubleToRawLongBits(prices.usd(i));
        }
        if (same) {
            return kept;
        }
        if (reference.length != n) {
            reference = new double[n];
        }
        for (int i = 0; i < n; i++) {
            reference[i] = prices.usd(i);
        }
        keptOf = prices;
        kept = prices::usd;
        return kept;
    }
}
