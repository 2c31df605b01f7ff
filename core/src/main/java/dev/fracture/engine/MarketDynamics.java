package dev.fracture.engine;

import dev.fracture.model.VenueId;
import dev.fracture.scenario.ScenarioEvent;
import java.util.List;

/**
 * How the market itself behaves in a run beyond the price paths: the scenario's events as scheduled (every one is
 * logged when it takes effect; bridge halts and liquidity withdrawals act on bridges and venues here), the liquidity
 * providers' rule, the cross-chain arbitrageurs' inventories, the floor of depth that incentives keep in venues, and
 * the unified-liquidity counterfactual.
 *
 * @param events            the scenario's events, in its order
 * @param providers         liquidity providers withdrawing as volatility rises; {@link LiquidityProviderRule#OFF}
 *                          for none
 * @param bridgedInventoryUsd what cross-chain arbitrageurs hold of each bridged asset on its chain, USD at the
 *                          snapshot price: the buffer they trade from before a bridge must move tokens
 * @param floor             the share of each venue's depth that liquidity providers may not withdraw
 * @param unified           run the unified-liquidity counterfactual: every pair's venues merged into one pool and
 *                          bridge latency zero (see {@link UnifiedMarket})
 */
public record MarketDynamics(List<ScenarioEvent> events, LiquidityProviderRule providers, double bridgedInventoryUsd,
                             WithdrawalFloor floor, boolean unified) {

    /**
     * Inventory per bridged asset and chain when a scenario does not say, USD: the same as the arbitrage capital a
     * venue sees per block ({@link SimulationSetup#DEFAULT_ARBITRAGE_CAPITAL_USD_PER_BLOCK}), an estimate — a desk
     * that commits that much per block to one venue keeps about that much on the chain to trade from.
     */
    public static final double DEFAULT_BRIDGED_INVENTORY_USD = SimulationSetup.DEFAULT_ARBITRAGE_CAPITAL_USD_PER_BLOCK;

    /** No events, no withdrawing providers, the default inventory, no floor, fragmented. */
    public static final MarketDynamics NONE = new MarketDynamics(List.of(), LiquidityProviderRule.OFF,
            DEFAULT_BRIDGED_INVENTORY_USD, WithdrawalFloor.NONE, false);

    public MarketDynamics {
        events = events == null ? List.of() : List.copyOf(events);
        providers = providers == null ? LiquidityProviderRule.OFF : providers;
        floor = floor == null ? WithdrawalFloor.NONE : floor;
        if (!(bridgedInventoryUsd >= 0) || Double.isInfinite(bridgedInventoryUsd)) {
            throw new IllegalArgumentException("simulation: bridgedInventoryUsd must be a finite number >= 0 (was "
                    + bridgedInventoryUsd + ")");
        }
    }

    public MarketDynamics withEvents(List<ScenarioEvent> e) {
        return new MarketDynamics(e, providers, bridgedInventoryUsd, floor, unified);
    }

    public MarketDynamics withUnified(boolean on) {
        return new MarketDynamics(events, providers, bridgedInventoryUsd, floor, on);
    }

    public MarketDynamics withFloor(WithdrawalFloor f) {
        return new MarketDynamics(events, providers, bridgedInventoryUsd, f, unified);
    }

    public MarketDynamics withProviders(LiquidityProviderRule rule) {
        return new MarketDynamics(events, rule, bridgedInventoryUsd, floor, unified);
    }

    public MarketDynamics withBridgedInventoryUsd(double usd) {
        return new MarketDynamics(events, providers, usd, floor, unified);
    }

    /**
     * The hook through which depth that liquidity providers may not take out is kept in a venue (liquidity
     * incentives paid to stay, see {@code dev.fracture.mitigation}): the share of the venue's liquidity at the start
     * of the run that withdrawals leave in place at {@code now}, 0 to 1.
     */
    @FunctionalInterface
    public interface WithdrawalFloor {
        WithdrawalFloor NONE = (venue, now) -> 0;

        double keptFraction(VenueId venue, long now);
    }
}
