package dev.fracture.engine;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.EcosystemSnapshot;
import java.util.Map;

/** Shared fixtures of the engine tests. */
final class CascadeSimulatorTestSupport {
    static final LiquidatorProfile FLASH = new LiquidatorProfile("flash", Map.of(), true, 1, 1, 0, 0, 1, 0);

    private CascadeSimulatorTestSupport() {
    }

    static EcosystemSnapshot ecosystem(String ethCollateral, String usdcDebt) {
        return CascadeSimulatorTest.ecosystem(ethCollateral, usdcDebt);
    }

    /**
     * The benchmark's generated ecosystem ({@code CascadeWorkload} in the bench module) at {@code accounts} lending and
     * {@code perpAccounts} perp accounts, generated from {@code seed}: ETH falls 30% over the first 1,200 seconds (100
     * home blocks), every other asset stays at its snapshot price, over {@code horizonSeconds}.
     */
    static SimulationSetup generatedCascade(int accounts, int perpAccounts, long seed, long horizonSeconds) {
        GeneratedEcosystem.Generated g = GeneratedEcosystem.of(
                GeneratedEcosystem.Size.benchmark().withAccounts(accounts, perpAccounts), seed);
        EcosystemSnapshot snapshot = g.snapshot();
        BasePrices path = new BasePrices() {
            @Override
            public double usd(AssetId asset, long t) {
                double p0 = snapshot.asset(asset).orElseThrow().referencePriceUsd();
                return asset.equals(GeneratedEcosystem.ETH) ? p0 * (1 - 0.3 * Math.min(1.0, t / 1200.0)) : p0;
            }

            @Override
            public boolean drives(AssetId asset) {
                return !(snapshot.asset(asset).orElseThrow().kind() instanceof AssetKind.Bridged);
            }
        };
        return new SimulationSetup(snapshot, horizonSeconds, seed, path, g.impact(), g.liquidators(),
                SimulationSetup.DEFAULT_ARBITRAGE_CAPITAL_USD_PER_BLOCK);
    }
}
