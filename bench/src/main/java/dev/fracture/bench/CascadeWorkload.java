package dev.fracture.bench;

import dev.fracture.engine.BasePrices;
import dev.fracture.engine.GeneratedEcosystem;
import dev.fracture.engine.SimulationSetup;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.EcosystemSnapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * The cascade of issue 5's benchmark: the generated ecosystem ({@link GeneratedEcosystem}, seed {@link #SEED}) with
 * ETH falling 30% along a straight line over the first {@link #FALL_BLOCKS} blocks of the home chain (12 s blocks,
 * so 1,200 s), then flat until block {@link #HOME_BLOCKS} (3,600 s, the horizon). Every other price stays where the
 * snapshot has it except through the cascade itself: bridged ETH follows ETH, and forced selling lowers every asset
 * with an impact law. The other chains (2 s blocks) run their 1,800 blocks each over the same hour.
 */
final class CascadeWorkload {
    static final long SEED = 20261205L;
    static final double SHOCK = 0.30;
    static final int FALL_BLOCKS = 100;
    static final int HOME_BLOCKS = 300;
    static final long HOME_BLOCK_SECONDS = 12;
    /** Arbitrage capital per venue and block: the engine's default. */
    static final double ARBITRAGE_USD_PER_BLOCK = SimulationSetup.DEFAULT_ARBITRAGE_CAPITAL_USD_PER_BLOCK;

    private CascadeWorkload() {
    }

    /** The size with {@code accounts} lending accounts and {@code perpAccounts} perp accounts. */
    static SimulationSetup setup(int accounts, int perpAccounts) {
        GeneratedEcosystem.Generated g = GeneratedEcosystem.of(
                GeneratedEcosystem.Size.benchmark().withAccounts(accounts, perpAccounts), SEED);
        EcosystemSnapshot snapshot = g.snapshot();
        double eth0 = snapshot.asset(GeneratedEcosystem.ETH).orElseThrow().referencePriceUsd();
        long fallSeconds = FALL_BLOCKS * HOME_BLOCK_SECONDS;
        // Looked up by id, as a scenario's own paths are (ScenarioSetup): the engine asks every asset's base price on
        // every chain's every block, and a search of the snapshot's list per ask would be the workload's cost, not
        // the engine's.
        Map<AssetId, Asset> byId = new HashMap<>();
        for (Asset a : snapshot.assets()) {
            byId.put(a.id(), a);
        }
        BasePrices path = new BasePrices() {
            @Override
            public double usd(AssetId asset, long t) {
                if (asset.equals(GeneratedEcosystem.ETH)) {
                    return eth0 * (1 - SHOCK * Math.min(1.0, t / (double) fallSeconds));
                }
                return known(asset).referencePriceUsd();
            }

            @Override
            public boolean drives(AssetId asset) {
                return !(known(asset).kind() instanceof AssetKind.Bridged);
            }

            private Asset known(AssetId asset) {
                Asset a = byId.get(asset);
                if (a == null) {
                    throw new IllegalArgumentException("benchmark workload: unknown asset " + asset);
                }
                return a;
            }
        };
        return new SimulationSetup(snapshot, HOME_BLOCKS * HOME_BLOCK_SECONDS, SEED, path, g.impact(),
                g.liquidators(), ARBITRAGE_USD_PER_BLOCK);
    }
}
