package dev.fracture.spark;

import dev.fracture.io.RunPlanReader;
import dev.fracture.run.RunPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The plans an executor JVM has rebuilt from their sources, once each: every task of a run needs the same plan, and
 * reading the scenario and building every cell's copies per task would cost more than a path.
 */
final class ExecutorPlans {
    private static final ConcurrentMap<RunPlan.Source, RunPlan> PLANS = new ConcurrentHashMap<>();

    private ExecutorPlans() {
    }

    static RunPlan plan(RunPlan.Source source) {
        return PLANS.computeIfAbsent(source, s -> {
            try {
                return RunPlanReader.read(s);
            } catch (IOException e) {
                throw new UncheckedIOException("executor cannot read the scenario '" + s.scenario() + "': "
                        + e.getMessage(), e);
            }
        });
    }
}
