package dev.fracture.engine;

import dev.fracture.agent.LiquidatorProfile;
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
}
