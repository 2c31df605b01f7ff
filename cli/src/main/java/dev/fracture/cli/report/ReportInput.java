package dev.fracture.cli.report;

import dev.fracture.engine.SimulationResult;
import dev.fracture.model.EcosystemSnapshot;
import java.util.List;

/**
 * What a report is made of: the run's result and what it ran on.
 *
 * @param notSimulated the parts of the scenario and ecosystem the engine left out, in words
 * @param cautions     what to know before reading the results ({@code Scenario.cautions}), in words
 */
public record ReportInput(String scenario, EcosystemSnapshot snapshot, long seed, long horizonSeconds,
                          SimulationResult result, List<String> notSimulated, List<String> cautions) {
    public ReportInput {
        notSimulated = List.copyOf(notSimulated);
        cautions = List.copyOf(cautions);
    }
}
