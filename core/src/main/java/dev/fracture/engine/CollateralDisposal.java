package dev.fracture.engine;

import dev.fracture.mitigation.Disposal;
import dev.fracture.model.AssetId;
import dev.fracture.model.ProtocolId;

/**
 * Where the collateral a liquidator seized goes when it sells: first to the run's mitigations that take seized
 * collateral off the market (an internal auction, a backstop, a synthetic liquidity layer — docs/mitigations.md),
 * then, for the rest, through the router into the venues of the liquidation's chain (a flash-loan liquidation must
 * repay within its transaction, so it cannot wait for a bridge). The routed sale moves those venues and counts as
 * forced selling of the collateral, which the impact law turns into a lower reference price in later blocks.
 */
final class CollateralDisposal {
    private final MitigationHooks hooks;

    CollateralDisposal() {
        this(new MitigationHooks(dev.fracture.mitigation.MitigationSet.of(java.util.List.of(), null)));
    }

    CollateralDisposal(MitigationHooks hooks) {
        this.hooks = hooks;
    }

    /** What a sale came to: debt asset received, and the USD value (reference price) of what reached the venues. */
    record Sale(double proceeds, double soldUsd) {
    }

    /**
     * Whether {@link #sell} of {@code amount} would bring at least {@code owed} of the debt asset now, changing
     * nothing: the mitigations' offers, then the router's quote for the rest on the chain's venues. In a deep cascade
     * most sales that fall short fall far short (the block's first liquidations have drained the pool): the best
     * leg's marginal rate bounds what any split of the rest brings ({@code Router.rateBound}). Most of the rest fall a
     * little short — the block's earlier sales moved the venues since the plan was sized — and the split's Lagrangian
     * dual ({@code Router.proceedsBound}, close to the best split's output at a few quotes per leg) refuses those.
     * Only a sale neither bound can refuse is quoted in full: the same answer, without the router's split.
     */
    boolean bringsAtLeast(BlockContext block, ProtocolId protocol, AssetId collateral, AssetId debt, double amount,
                          double owed) {
        Disposal taken = hooks.offer(protocol, collateral, debt, amount, block);
        double rest = amount - taken.amount();
        if (!(rest > 0)) {
            return taken.proceeds() >= owed;
        }
        // A margin far above the rounding of either side: the bound only refuses what the quote would refuse.
        if (taken.proceeds() + rest * block.rateBound(collateral, debt) * (1 + 1e-9) < owed) {
            return false;
        }
        double restOwed = (owed - taken.proceeds()) / (1 + 1e-9);
        if (block.proceedsBound(collateral, debt, rest, restOwed) < restOwed) {
            return false;
        }
        return taken.proceeds() + block.quoteSell(collateral, debt, rest) >= owed;
    }

    Sale sell(BlockContext block, ProtocolId protocol, AssetId collateral, AssetId debt, double amount) {
        Disposal taken = hooks.dispose(protocol, collateral, debt, amount, block);
        double rest = amount - taken.amount();
        if (!(rest > 0)) {
            return new Sale(taken.proceeds(), 0);
        }
        double proceeds = block.sell(collateral, debt, rest);
        double soldUsd = rest * block.prices().usd(collateral);
        block.forcedSale(collateral, soldUsd);
        return new Sale(taken.proceeds() + proceeds, soldUsd);
    }
}
