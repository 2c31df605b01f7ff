package dev.fracture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.ReferenceSimulator;
import dev.fracture.engine.ScenarioSetup;
import dev.fracture.engine.SimulationResult;
import dev.fracture.engine.SimulationSetup;
import dev.fracture.io.BundledScenarios;
import dev.fracture.io.LoadedScenario;
import dev.fracture.model.AssetId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two engines, one answer, on the bundled ecosystem (DESIGN.md): the random ecosystems of core's
 * {@code ReferenceEqualityTest} have no Maker vaults, Curve pools or wrappers, so the fast engine is held to the
 * reference's state hash on {@code defi-2025-stress} too — the demo (no mitigation) and the scenario with its ten
 * mitigations — over its first half hour (the full hour takes the reference a minute and a half). wstETH collateral is
 * liquidated in it, so its sales go through Lido's unwrap, Curve's stETH pool and the ETH/USDC pools.
 */
class BundledReferenceEqualityTest {
    private static final long HORIZON_SECONDS = 1800;

    @ParameterizedTest(name = "mitigations {0}")
    @ValueSource(booleans = {false, true})
    void theFastEngineEndsInTheReferenceStateOnTheStressScenario(boolean mitigations) {
        LoadedScenario loaded = mitigations ? BundledScenarios.load("defi-2025-stress") : DemoCommand.scenario();
        SimulationSetup s = ScenarioSetup.of(loaded.scenario(), loaded.snapshot(), loaded.scenario().seed()).setup();
        SimulationSetup setup = new SimulationSetup(s.snapshot(), HORIZON_SECONDS, s.seed(), s.basePrices(),
                s.impact(), s.liquidators(), s.arbitrageCapitalUsdPerBlock(), s.baseFees(), s.oracleFaults(),
                s.backingLosses(), s.mitigations(), s.dynamics());
        SimulationResult fast = CascadeSimulator.DEFAULT.run(setup);
        SimulationResult reference = ReferenceSimulator.DEFAULT.run(setup);
        assertThat(fast.stateHash()).as("fast vs reference (%d liquidations)", reference.summary().liquidations())
                .isEqualTo(reference.stateHash());
        assertThat(CascadeSimulator.withThreads(2).run(setup).stateHash()).as("two threads vs one")
                .isEqualTo(fast.stateHash());
        if (!mitigations) {
            assertThat(fast.events()).anySatisfy(e -> assertThat(e.collateralAsset()).isEqualTo(AssetId.of("wsteth")));
        }
    }
}
