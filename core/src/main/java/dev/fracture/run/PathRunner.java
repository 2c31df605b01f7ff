package dev.fracture.run;

import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.ScenarioSetup;
import dev.fracture.engine.SimulationResult;
import dev.fracture.engine.Summary;
import dev.fracture.model.ProtocolId;
import java.util.List;

/**
 * Runs one path job through the cascade engine and reduces it to its row. Stateless: every executor calls the same
 * code with the same job, which is what makes their results equal bit for bit. Totals are summed in protocol-id
 * order, never in a map's iteration order, for the same reason.
 */
public final class PathRunner {
    public static final PathRunner DEFAULT = new PathRunner();

    public PathRow run(RunPlan plan, PathJob job) {
        CellInputs in = plan.cellInputs().get(job.cell());
        ScenarioSetup.Prepared prepared = ScenarioSetup.of(in.scenario(), in.snapshot(), job.seed());
        SimulationResult result = CascadeSimulator.DEFAULT.run(prepared.setup());
        Summary s = result.summary();
        List<ProtocolId> protocols = plan.protocols();
        double[] bad = new double[protocols.size()];
        double badTotal = 0;
        double underwaterTotal = 0;
        boolean insolvent = false;
        for (int i = 0; i < bad.length; i++) {
            bad[i] = s.badDebtUsd().getOrDefault(protocols.get(i), 0.0);
            double underwater = s.underwaterUsd().getOrDefault(protocols.get(i), 0.0);
            badTotal += bad[i];
            underwaterTotal += underwater;
            insolvent |= bad[i] + underwater > plan.insolvencyThresholdUsd();
        }
        return new PathRow(plan.scenarioId(), job.cell(), job.path(), job.seed(), s.liquidatedUsd(), badTotal, bad,
                underwaterTotal, s.cascadeMultiplier(), insolvent);
    }
}
