package dev.fracture.bench;

import dev.fracture.io.RunPlanReader;
import dev.fracture.run.LocalRunExecutor;
import dev.fracture.run.PathRow;
import dev.fracture.run.ProgressListener;
import dev.fracture.run.RunExecutor;
import dev.fracture.run.RunPlan;
import dev.fracture.spark.SparkRunExecutor;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 6's benchmark: Monte Carlo paths of the demo scenario ({@code defi-2025-stress} on {@code defi-2025}, its ten
 * mitigations on, as {@code fracture sweep} runs it), one operation being the whole run of {@code paths} paths: the
 * local executor on 1 and 2 threads, and Spark in {@code local[2]} mode (context start and stop included, as a user
 * of {@code --engine spark} pays them). Paths per second = paths / (seconds per operation). Each operation checks
 * that every row came back (SparkRunExecutorTest proves the rows equal, bit for bit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SweepBenchmark {

    @Param({"local-1", "local-2", "spark-local-2"})
    public String engine;

    @Param({"defi-2025-stress"})
    public String scenario;

    @Param({"32"})
    public int paths;

    private RunPlan plan;
    private RunExecutor executor;

    @Setup
    public void setUp() throws IOException {
        plan = RunPlanReader.read(new RunPlan.Source(scenario, List.of(), paths, 1, 0));
        executor = switch (engine) {
            case "local-1" -> new LocalRunExecutor(1);
            case "local-2" -> new LocalRunExecutor(2);
            case "spark-local-2" -> new SparkRunExecutor("local[2]");
            default -> throw new IllegalArgumentException("engine " + engine);
        };
    }

    @Benchmark
    public double run() {
        List<PathRow> rows = executor.run(plan, ProgressListener.NONE);
        if (rows.size() != paths) {
            throw new IllegalStateException(rows.size() + " rows for " + paths + " paths");
        }
        double sum = 0;
        for (PathRow r : rows) {
            sum += r.liquidatedUsd();
        }
        return sum;
    }
}
