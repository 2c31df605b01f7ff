package dev.fracture.agent;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import java.util.Map;

/**
 * Who a liquidator is: the capital it holds, how it pays for gas and funding, and when it walks away.
 *
 * @param capital                 token units held per chain and asset, available to repay debt
 * @param usesFlashLoans          borrows the repayment in the same transaction where the protocol or a venue offers it
 * @param priorityFeeGwei         tip it bids for inclusion; the highest tip is first in the block
 * @param gasBudgetNative         most native asset it spends on gas per block, per chain
 * @param minProfitUsd            it skips liquidations expected to earn less
 * @param reactionLatencyBlocks   blocks between a position becoming liquidatable and its transaction landing
 * @param maxSlippageShareOfBonus the risk rule: it stops when selling the seized collateral would cost more than
 *                                this share of the liquidation bonus (1 = until slippage eats the whole bonus)
 * @param maxInventoryUsd         most seized collateral it keeps unsold instead of selling into thin markets
 */
public record LiquidatorProfile(String id, Map<ChainId, Map<AssetId, Double>> capital, boolean usesFlashLoans,
                                double priorityFeeGwei, double gasBudgetNative, double minProfitUsd,
                                int reactionLatencyBlocks, double maxSlippageShareOfBonus, double maxInventoryUsd) {
    public LiquidatorProfile {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("liquidator: id must not be blank");
        }
        capital = capital == null ? Map.of() : Map.copyOf(capital.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue()))));
        capital.forEach((chain, assets) -> assets.forEach((asset, amount) -> {
            if (!(amount >= 0) || Double.isInfinite(amount)) {
                throw new IllegalArgumentException("liquidator " + id + ": capital of " + asset + " on " + chain
                        + " must be a finite number >= 0 (was " + amount + ")");
            }
        }));
        check(id, "priorityFeeGwei", priorityFeeGwei);
        check(id, "gasBudgetNative", gasBudgetNative);
        check(id, "minProfitUsd", minProfitUsd);
        check(id, "maxInventoryUsd", maxInventoryUsd);
        if (reactionLatencyBlocks < 0) {
            throw new IllegalArgumentException("liquidator " + id + ": reactionLatencyBlocks must be >= 0 (was "
                    + reactionLatencyBlocks + ")");
        }
        if (!(maxSlippageShareOfBonus >= 0 && maxSlippageShareOfBonus <= 1)) {
            throw new IllegalArgumentException("liquidator " + id + ": maxSlippageShareOfBonus must be in [0, 1] (was "
                    + maxSlippageShareOfBonus + ")");
        }
    }

    private static void check(String id, String field, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("liquidator " + id + ": " + field + " must be >= 0 (was " + value + ")");
        }
    }

    /** Capital held in {@code asset} on {@code chain}, in token units. */
    public double capital(ChainId chain, AssetId asset) {
        return capital.getOrDefault(chain, Map.of()).getOrDefault(asset, 0.0);
    }
}
