package dev.fracture.engine;

import dev.fracture.market.Market;
import dev.fracture.model.AssetId;
import java.util.Map;

/**
 * Sees the run's token holdings after every block, for the invariant checks of the engine's tests: the venues (in
 * {@code market}), arbitrage inventories and tokens in flight on bridges, what liquidity providers took out, and the
 * net flows from outside the on-chain market other than liquidations (their collateral sold and proceeds taken are in
 * the first {@code liquidations} liquidation events). Never changes the run.
 */
@FunctionalInterface
interface BlockInspector {
    BlockInspector NONE = s -> { };

    void after(State state);

    /** The holdings after one block. */
    record State(long now, Market market, Map<AssetId, Double> inventory, Map<AssetId, Double> inFlight,
                 Map<AssetId, Double> providersHeld, Map<AssetId, Double> externalNet, int liquidations) {
        public State {
            inventory = Map.copyOf(inventory);
            inFlight = Map.copyOf(inFlight);
            providersHeld = Map.copyOf(providersHeld);
            externalNet = Map.copyOf(externalNet);
        }
    }
}
