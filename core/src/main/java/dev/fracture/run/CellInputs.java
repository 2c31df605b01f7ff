package dev.fracture.run;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.scenario.Scenario;

/** The snapshot and scenario one grid cell runs: copies with the cell's parameter values applied. */
public record CellInputs(EcosystemSnapshot snapshot, Scenario scenario) {
    public CellInputs {
        if (snapshot == null || scenario == null) {
            throw new IllegalArgumentException("cell inputs need a snapshot and a scenario");
        }
    }
}
