package dev.fracture.agent;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import java.util.HashMap;
import java.util.Map;

/**
 * A liquidator's books over a run: capital per chain and asset, unsold collateral, gas spent in the current block,
 * and profit and loss split into bonus captured, slippage, flash-loan fees and gas. Mutable; one per liquidator
 * per run, changed only by {@link LiquidationRound} when a plan lands.
 */
public final class LiquidatorLedger {
    private final LiquidatorProfile profile;
    private final Map<ChainId, Map<AssetId, Double>> capital = new HashMap<>();
    private final Map<ChainId, Map<AssetId, Double>> inventory = new HashMap<>();
    private final Map<ChainId, Double> gasThisBlock = new HashMap<>();
    private long block = Long.MIN_VALUE;
    private double bonusUsd;
    private double slippageUsd;
    private double flashFeeUsd;
    private double gasUsd;
    private int liquidations;
    private int reverted;
    /** Grows with every {@link #record}: capital, inventory and gas spent change only there. */
    private long version;
    /** The last inventory value asked for: the prices it was asked at (by identity), the version and the value. */
    private volatile InventoryValue lastInventoryValue;

    private record InventoryValue(UsdPrices prices, long version, double usd) {
    }

    public LiquidatorLedger(LiquidatorProfile profile) {
        this.profile = profile;
        profile.capital().forEach((chain, assets) -> capital.put(chain, new HashMap<>(assets)));
    }

    public LiquidatorProfile profile() {
        return profile;
    }

    public double capital(ChainId chain, AssetId asset) {
        return amount(capital, chain, asset);
    }

    public double inventory(ChainId chain, AssetId asset) {
        return amount(inventory, chain, asset);
    }

    /**
     * The amount booked for {@code asset} on {@code chain}, 0 where none is. Read without a default value, which would
     * box a zero per call: crowds read every member's capital in every debt asset each block (millions of reads a
     * run at 1,000,000 accounts).
     */
    private static double amount(Map<ChainId, Map<AssetId, Double>> book, ChainId chain, AssetId asset) {
        Map<AssetId, Double> assets = book.get(chain);
        Double amount = assets == null ? null : assets.get(asset);
        return amount == null ? 0 : amount;
    }

    /**
     * Value of unsold collateral at the given prices. Asked again with the same prices object and nothing booked
     * since, it answers from memory: a caller that keeps one prices object for a stretch in which prices do not
     * change (the planners of one block) reads it once per liquidator, not once per plan. Safe for concurrent
     * readers; a value computed twice is the same.
     */
    public double inventoryUsd(UsdPrices prices) {
        InventoryValue last = lastInventoryValue;
        if (last != null && last.prices() == prices && last.version() == version) {
            return last.usd();
        }
        double usd = inventoryValue(prices);
        lastInventoryValue = new InventoryValue(prices, version, usd);
        return usd;
    }

    private double inventoryValue(UsdPrices prices) {
        if (inventory.isEmpty()) {
            // A liquidator that sells what it seizes holds none (the common case): nothing to iterate.
            return 0;
        }
        double usd = 0;
        for (Map<AssetId, Double> assets : inventory.values()) {
            for (Map.Entry<AssetId, Double> e : assets.entrySet()) {
                usd += e.getValue() * prices.usd(e.getKey());
            }
        }
        return usd;
    }

    /** Gas budget (native units) still unspent on {@code chain} in {@code atBlock}. */
    public double gasBudgetLeft(ChainId chain, long atBlock) {
        Double spent = atBlock == block ? gasThisBlock.get(chain) : null;
        return profile.gasBudgetNative() - (spent == null ? 0 : spent);
    }

    /** Books a liquidation that landed in {@code atBlock}, with the figures it realized. */
    public void record(LiquidationPlan plan, long atBlock) {
        version++;
        if (atBlock != block) {
            block = atBlock;
            gasThisBlock.clear();
        }
        LiquidationOpportunity o = plan.opportunity();
        gasThisBlock.merge(o.chain(), plan.gasNative(), Double::sum);
        if (plan.funding() == LiquidationPlan.Funding.OWN_CAPITAL) {
            add(capital, o.chain(), o.debtAsset(), -plan.repay());
        }
        if (plan.disposal() == LiquidationPlan.Disposal.SELL) {
            double net = plan.proceeds() - plan.repay() * (plan.funding() == LiquidationPlan.Funding.FLASH_LOAN ? 1 : 0)
                    - (plan.funding() == LiquidationPlan.Funding.FLASH_LOAN ? plan.repay() * o.flashLoan().feeRate() : 0);
            add(capital, o.chain(), o.debtAsset(), net);
        } else {
            add(inventory, o.chain(), o.collateralAsset(), plan.collateral());
        }
        bonusUsd += plan.bonusUsd();
        slippageUsd += plan.slippageUsd();
        flashFeeUsd += plan.flashFeeUsd();
        gasUsd += plan.gasUsd();
        liquidations++;
    }

    /**
     * Counts a liquidation that would have reverted (its sale would not repay its flash loan). Nothing changed hands
     * and no gas is charged: a searcher sends such a transaction through private order flow, which drops a bundle
     * that would revert — the same assumption under which a losing duplicate plan costs nothing. Its capital,
     * inventory and gas budget are as they were, so nothing a plan reads has changed ({@link #version} stays).
     */
    public void recordReverted() {
        reverted++;
    }

    /** Liquidations whose transactions reverted. */
    public int reverted() {
        return reverted;
    }

    private static void add(Map<ChainId, Map<AssetId, Double>> book, ChainId chain, AssetId asset, double delta) {
        book.computeIfAbsent(chain, c -> new HashMap<>()).merge(asset, delta, Double::sum);
    }

    public double bonusUsd() {
        return bonusUsd;
    }

    public double slippageUsd() {
        return slippageUsd;
    }

    public double flashFeeUsd() {
        return flashFeeUsd;
    }

    public double gasUsd() {
        return gasUsd;
    }

    /** Realized profit and loss: bonus − slippage − flash-loan fees − gas. */
    public double profitUsd() {
        return bonusUsd - slippageUsd - flashFeeUsd - gasUsd;
    }

    /**
     * A count that grows with every liquidation booked, so that a caller holding a decision made from this ledger's
     * capital, inventory or gas spent knows whether they may have changed since.
     */
    public long version() {
        return version;
    }

    public int liquidations() {
        return liquidations;
    }
}
