package dev.fracture.protocol.options;

import dev.fracture.market.Quote;
import java.util.List;

/**
 * What a re-hedge put through the venues: the flow that the cascade sees.
 *
 * @param plan        what was wanted
 * @param traded      underlying actually bought (> 0) or sold (< 0); short of {@code plan.trade()} when venues ran
 *                    out of liquidity
 * @param quoteAmount quote asset received (> 0, on sales) or paid (< 0, on purchases), net of bridge fees and, on
 *                    routed sales, gas
 * @param fills       the venue trades executed, one per venue used
 */
public record HedgeFlow(HedgePlan plan, double traded, double quoteAmount, List<Quote> fills) {
    public HedgeFlow {
        fills = List.copyOf(fills);
    }

    static HedgeFlow none(HedgePlan plan) {
        return new HedgeFlow(plan, 0, 0, List.of());
    }

    /** The dealers' hedge holding after the trade. */
    public double hedgeAfter() {
        return plan.currentHedge() + traded;
    }

    /** Whether the whole planned trade was filled (to a relative 1e-9). */
    public boolean complete() {
        return Math.abs(traded - plan.trade()) <= 1e-9 * Math.max(1, Math.abs(plan.trade()));
    }
}
