package dev.fracture.io;

import dev.fracture.run.GridAxis;
import dev.fracture.run.ParameterGrid;
import dev.fracture.run.RunPlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link RunPlan} from its {@link RunPlan.Source}: the scenario read from its file, or the bundled scenario
 * of that name, with its ecosystem; the grid axes parsed against them. The same source gives the same plan on any
 * machine that can read the scenario, which is how a cluster's executors rebuild what the driver planned.
 */
public final class RunPlanReader {
    private RunPlanReader() {
    }

    public static RunPlan read(RunPlan.Source source) throws IOException {
        LoadedScenario loaded = BundledScenarios.fileOrBundled(source.scenario());
        List<GridAxis> axes = new ArrayList<>();
        for (String a : source.axes()) {
            axes.add(GridAxis.parse(a, loaded.snapshot(), loaded.scenario()));
        }
        return RunPlan.of(source.scenario(), loaded.scenario(), loaded.snapshot(), source.paths(),
                new ParameterGrid(axes), source.rootSeed(), source.insolvencyThresholdUsd()).withSource(source);
    }
}
