package dev.fracture.engine;

import dev.fracture.model.AssetId;

/**
 * Where the collateral a liquidator seized goes when it sells: through the router into the venues of the
 * liquidation's chain (a flash-loan liquidation must repay within its transaction, so it cannot wait for a bridge).
 * The sale moves those venues and counts as forced selling of the collateral, which the impact law turns into a
 * lower reference price in later blocks.
 */
final class CollateralDisposal {

    /** What a sale came to: debt asset received, and the collateral's USD value at the reference price. */
    record Sale(double proceeds, double soldUsd) {
    }

    Sale sell(BlockContext block, AssetId collateral, AssetId debt, double amount) {
        double proceeds = block.sell(collateral, debt, amount);
        double soldUsd = amount * block.prices().usd(collateral);
        block.forcedSale(collateral, soldUsd);
        return new Sale(proceeds, soldUsd);
    }
}
