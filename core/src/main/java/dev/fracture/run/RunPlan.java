package dev.fracture.run;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Monte Carlo sweep runs: a scenario on an ecosystem, {@code paths} seeded paths in every cell of a parameter
 * grid. Every cell's inputs are built (and so checked) when the plan is made, so a bad grid fails before any path
 * runs. The snapshot and scenario given are never changed: cells run copies.
 *
 * @param scenarioId              the scenario as the rows name it (a bundled name or the file as given)
 * @param source                  how to build this plan again elsewhere (a cluster's executors): null for a plan built
 *                                in code from objects only
 * @param insolvencyThresholdUsd  a path is insolvent when some protocol ends it with bad debt plus underwater debt
 *                                above this, USD (0: any debt left uncovered; no protocol reserves are modelled to
 *                                absorb it)
 */
public record RunPlan(String scenarioId, Scenario scenario, EcosystemSnapshot snapshot, int paths, ParameterGrid grid,
                      long rootSeed, double insolvencyThresholdUsd, List<CellInputs> cellInputs,
                      List<ProtocolId> protocols, Source source) {

    /**
     * A plan as text and numbers, which is what travels to a cluster: the scenario as named (a bundled name or a
     * file the executors can read), the grid axes as written ({@link GridAxis#parse}), and the plan's numbers.
     * Whoever receives it builds the same plan again (the io module's {@code RunPlanReader}).
     */
    public record Source(String scenario, List<String> axes, int paths, long rootSeed, double insolvencyThresholdUsd)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public Source {
            axes = List.copyOf(axes);
        }
    }

    public static final int MAX_PATHS = 10_000_000;

    public RunPlan {
        if (scenarioId == null || scenarioId.isBlank()) {
            throw new IllegalArgumentException("run plan needs a scenario id");
        }
        if (scenario == null || snapshot == null || grid == null) {
            throw new IllegalArgumentException("run plan needs a scenario, a snapshot and a grid");
        }
        if (paths < 1 || paths > MAX_PATHS) {
            throw new IllegalArgumentException("paths must be between 1 and " + MAX_PATHS + " (was " + paths + ")");
        }
        if (!(insolvencyThresholdUsd >= 0) || Double.isInfinite(insolvencyThresholdUsd)) {
            throw new IllegalArgumentException("insolvency threshold must be a finite number of USD >= 0 (was "
                    + insolvencyThresholdUsd + ")");
        }
        if ((long) paths * grid.size() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("paths x cells = " + (long) paths * grid.size() + " is too many");
        }
        cellInputs = List.copyOf(cellInputs);
        protocols = List.copyOf(protocols);
    }

    /** A plan whose cell inputs are built from the grid now. */
    public static RunPlan of(String scenarioId, Scenario scenario, EcosystemSnapshot snapshot, int paths,
                             ParameterGrid grid, long rootSeed, double insolvencyThresholdUsd) {
        CellInputs base = new CellInputs(snapshot, scenario);
        List<CellInputs> cells = new ArrayList<>();
        for (GridCell c : grid.cells()) {
            cells.add(grid.apply(base, c));
        }
        List<ProtocolId> protocols = snapshot.protocols().stream().map(ProtocolSpec::id).sorted().toList();
        return new RunPlan(scenarioId, scenario, snapshot, paths, grid, rootSeed, insolvencyThresholdUsd, cells,
                protocols, null);
    }

    /** This plan, with the source it was read from. */
    public RunPlan withSource(Source source) {
        return new RunPlan(scenarioId, scenario, snapshot, paths, grid, rootSeed, insolvencyThresholdUsd, cellInputs,
                protocols, source);
    }

    public int cells() {
        return grid.size();
    }

    /** Every (cell, path) job, cell-major: the order of the rows a run returns. */
    public List<PathJob> jobs() {
        long[] seeds = PathSeeds.of(rootSeed, paths);
        List<PathJob> jobs = new ArrayList<>(cells() * paths);
        for (int c = 0; c < cells(); c++) {
            for (int p = 0; p < paths; p++) {
                jobs.add(new PathJob(c, p, seeds[p]));
            }
        }
        return jobs;
    }
}
