package dev.fracture.engine;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import java.util.List;
import java.util.Map;

/**
 * Everything one run needs: the ecosystem, how long to run, the seed, the base price paths, the impact law per
 * asset (assets without one are not moved by forced selling), the liquidator population, and how much capital
 * arbitrageurs bring to each venue per block.
 */
public record SimulationSetup(EcosystemSnapshot snapshot, long horizonSeconds, long seed, BasePrices basePrices,
                              Map<AssetId, SquareRootImpact> impact, List<LiquidatorProfile> liquidators,
                              double arbitrageCapitalUsdPerBlock) {
    public SimulationSetup {
        if (snapshot == null || basePrices == null) {
            throw new IllegalArgumentException("simulation: snapshot and base prices are required");
        }
        if (horizonSeconds <= 0) {
            throw new IllegalArgumentException("simulation: horizonSeconds must be > 0 (was " + horizonSeconds + ")");
        }
        if (!(arbitrageCapitalUsdPerBlock >= 0) || Double.isInfinite(arbitrageCapitalUsdPerBlock)) {
            throw new IllegalArgumentException("simulation: arbitrageCapitalUsdPerBlock must be a finite number >= 0 "
                    + "(was " + arbitrageCapitalUsdPerBlock + ")");
        }
        impact = impact == null ? Map.of() : Map.copyOf(impact);
        liquidators = liquidators == null ? List.of() : List.copyOf(liquidators);
        for (AssetId a : impact.keySet()) {
            if (snapshot.asset(a).isEmpty()) {
                throw new IllegalArgumentException("simulation: impact names unknown asset '" + a + "'");
            }
        }
    }
}
