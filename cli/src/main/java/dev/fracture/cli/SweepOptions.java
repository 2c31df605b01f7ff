package dev.fracture.cli;

import dev.fracture.engine.ScenarioSetup;
import dev.fracture.io.LoadedScenario;
import dev.fracture.io.RunPlanReader;
import dev.fracture.run.LocalRunExecutor;
import dev.fracture.run.PathRow;
import dev.fracture.run.ProgressListener;
import dev.fracture.run.RunExecutor;
import dev.fracture.run.RunPlan;
import dev.fracture.run.RunResult;
import dev.fracture.scenario.Scenario;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code sweep} and {@code advise} share: the scenario, the grid, the paths and where they run. */
final class SweepOptions {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Bundled scenario name or scenario file.")
    String scenario;

    @Option(names = "--paths", required = true, description = "Paths per grid cell.")
    int paths;

    @Option(names = "--grid", paramLabel = "NAME=VALUES", description = "A grid axis, repeatable: "
            + "PROTOCOL.ASSET.{ltvBps|liquidationThresholdBps|liquidationBonusBps}, PROTOCOL.MARKET.lltv or "
            + "mitigation.TYPE[.KEY].FIELD, = a list V1,V2,... or a range FROM:TO:STEP. No axis: the scenario as "
            + "written.")
    List<String> grid = new ArrayList<>();

    @Option(names = "--seed", description = "Root seed (default: the scenario's).")
    Long seed;

    @Option(names = "--threads", description = "Threads of the local engine (default: the processors).")
    Integer threads;

    @Option(names = "--engine", defaultValue = "local", description = "local or spark. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--master", description = "Spark master URL, e.g. local[2] or spark://host:7077 "
            + "(default: as spark-submit sets it, else local[*]).")
    String master;

    @Option(names = "--insolvency-usd", defaultValue = "0", description = "A path is insolvent when some protocol "
            + "ends it with bad debt plus underwater debt above this many USD. Default: ${DEFAULT-VALUE}.")
    double insolvencyUsd;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    /** The loaded scenario, the plan and what the engine leaves out of it. */
    record Prepared(LoadedScenario loaded, RunPlan plan, List<String> notSimulated) {
    }

    Prepared prepare() throws IOException {
        LoadedScenario loaded = ScenarioSource.load(scenario);
        Scenario s = loaded.scenario();
        long root = seed != null ? seed : s.seed();
        RunPlan plan = RunPlanReader.read(new RunPlan.Source(scenario, grid, paths, root, insolvencyUsd));
        List<String> notSimulated = ScenarioSetup.of(s, loaded.snapshot(), root).notSimulated();
        return new Prepared(loaded, plan, notSimulated);
    }

    RunResult run(RunPlan plan) {
        RunExecutor executor = executor();
        if (quiet) {
            return RunResult.of(plan, executor.run(plan, ProgressListener.NONE));
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("paths").setStyle(ProgressBarStyle.ASCII)
                .setInitialMax((long) plan.cells() * plan.paths()).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            List<PathRow> rows = executor.run(plan, new ProgressListener() {
                @Override
                public void started(long jobs) {
                    bar.maxHint(jobs);
                }

                @Override
                public void done(long jobs) {
                    bar.stepBy(jobs);
                }
            });
            return RunResult.of(plan, rows);
        }
    }

    private RunExecutor executor() {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (engine.equals("local")) {
            if (master != null) {
                throw new IllegalArgumentException("--master applies to --engine spark only");
            }
            return new LocalRunExecutor(t);
        }
        if (!engine.equals("spark")) {
            throw new IllegalArgumentException("--engine must be local or spark (was '" + engine + "')");
        }
        for (RunExecutor.Provider p : ServiceLoader.load(RunExecutor.Provider.class)) {
            if (p.name().equals(engine)) {
                return p.create(t, master);
            }
        }
        throw new IllegalArgumentException("--engine spark needs the spark module and Spark on the classpath: run "
                + "through ./fracture, which adds them when --engine spark is given, or spark-submit "
                + "spark/target/fracture-spark.jar (docs/spark.md)");
    }
}
