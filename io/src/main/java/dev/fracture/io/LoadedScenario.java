package dev.fracture.io;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.scenario.Scenario;

/**
 * A scenario read from a file together with the ecosystem it names, already checked against it: what the engine
 * needs to run. Path files are already read, so every price path is a {@link dev.fracture.scenario.PriceDriver.PathPoints}.
 */
public record LoadedScenario(Scenario scenario, EcosystemSnapshot snapshot) {
    public LoadedScenario {
        if (scenario == null || snapshot == null) {
            throw new IllegalArgumentException("loaded scenario: scenario and snapshot are required");
        }
    }
}
