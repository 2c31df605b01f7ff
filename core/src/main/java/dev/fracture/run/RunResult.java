package dev.fracture.run;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A finished run: the plan, one row per job in {@link RunPlan#jobs()} order, and each cell's statistics, computed
 * from the rows in path order so that the same rows always give the same bits. The bootstrap seed of cell c's
 * intervals is split off the plan's root seed (the (c+1)-th split of a generator seeded with the root seed's
 * complement, so it never equals a path seed's stream).
 */
public record RunResult(RunPlan plan, List<PathRow> rows, List<CellSummary> cells) {
    public RunResult {
        rows = List.copyOf(rows);
        cells = List.copyOf(cells);
    }

    public static RunResult of(RunPlan plan, List<PathRow> rows) {
        int paths = plan.paths();
        if (rows.size() != plan.cells() * paths) {
            throw new IllegalArgumentException("run returned " + rows.size() + " rows for " + plan.cells()
                    + " cells x " + paths + " paths");
        }
        SplittableRandom bootstrapSeeds = new SplittableRandom(~plan.rootSeed());
        List<CellSummary> cells = new ArrayList<>();
        for (int c = 0; c < plan.cells(); c++) {
            double[] liquidated = new double[paths];
            double[] bad = new double[paths];
            double[] shortfall = new double[paths];
            double[] multiplier = new double[paths];
            int insolvent = 0;
            for (int p = 0; p < paths; p++) {
                PathRow r = rows.get(c * paths + p);
                if (r.cell() != c || r.path() != p) {
                    throw new IllegalArgumentException("row " + (c * paths + p) + " is cell " + r.cell() + " path "
                            + r.path() + ", expected cell " + c + " path " + p);
                }
                liquidated[p] = r.liquidatedUsd();
                bad[p] = r.badDebtUsd();
                shortfall[p] = r.shortfallUsd();
                multiplier[p] = r.cascadeMultiplier();
                insolvent += r.insolvent() ? 1 : 0;
            }
            long seed = bootstrapSeeds.split().nextLong();
            cells.add(new CellSummary(plan.grid().cell(c), paths, MetricStats.of(liquidated, seed),
                    MetricStats.of(bad, seed + 2), MetricStats.of(shortfall, seed + 4),
                    MetricStats.of(multiplier, seed + 6), Estimators.proportion(insolvent, paths),
                    BorrowingPower.usd(plan.cellInputs().get(c).snapshot())));
        }
        return new RunResult(plan, rows, cells);
    }
}
