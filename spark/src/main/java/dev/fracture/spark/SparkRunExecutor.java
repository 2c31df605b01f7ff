package dev.fracture.spark;

import dev.fracture.run.PathJob;
import dev.fracture.run.PathRow;
import dev.fracture.run.PathRunner;
import dev.fracture.run.ProgressListener;
import dev.fracture.run.RunExecutor;
import dev.fracture.run.RunPlan;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Runs a plan's path jobs on Spark. What is shipped: the plan's {@link RunPlan.Source} (the scenario's name or file
 * path, the grid axes as text, the numbers), broadcast once, and the jobs — (cell, path, seed) triples — as a
 * parallelized collection. Each executor JVM rebuilds the plan from the source once ({@link ExecutorPlans}) and
 * runs each job with {@link PathRunner}, the local executor's own code; rows come back by {@code collect()}, which
 * keeps the jobs' order. Same jobs, same code, same seeds: the same rows, bit for bit, as the local executor.
 *
 * <p>The master is the one given, else the one {@code spark-submit} configured, else {@code local[*]}.
 */
public final class SparkRunExecutor implements RunExecutor {
    private final String master;

    public SparkRunExecutor(String master) {
        this.master = master;
    }

    @Override
    public List<PathRow> run(RunPlan plan, ProgressListener progress) {
        RunPlan.Source source = plan.source();
        if (source == null) {
            throw new IllegalArgumentException("the spark engine ships a plan as its source (scenario name or file, "
                    + "grid as text); this plan was built from objects only: build it with RunPlanReader");
        }
        SparkConf conf = new SparkConf().setAppName("fracture sweep " + plan.scenarioId());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        List<PathJob> jobs = plan.jobs();
        progress.started(jobs.size());
        SparkContext sc = SparkContext.getOrCreate(conf);
        sc.setLogLevel("WARN");
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
            int slices = Math.max(1, Math.min(jobs.size(), jsc.defaultParallelism() * 4));
            sc.addSparkListener(new Progress(progress, jobs.size(), slices));
            Broadcast<RunPlan.Source> shipped = jsc.broadcast(source);
            return jsc.parallelize(jobs, slices)
                    .map(job -> PathRunner.DEFAULT.run(ExecutorPlans.plan(shipped.value()), job))
                    .collect();
        } finally {
            sc.stop();
        }
    }

    /** Reports a partition's jobs as done when its task ends. */
    private static final class Progress extends SparkListener {
        private final ProgressListener progress;
        private final long jobs;
        private final int slices;

        Progress(ProgressListener progress, long jobs, int slices) {
            this.progress = progress;
            this.jobs = jobs;
            this.slices = slices;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            // Spark's ParallelCollectionRDD cuts partition i at [i * n / slices, (i + 1) * n / slices).
            if (!end.taskInfo().successful()) {
                return;
            }
            long i = end.taskInfo().index();
            progress.done((i + 1) * jobs / slices - i * jobs / slices);
        }
    }

    /** The {@code spark} provider for {@link java.util.ServiceLoader}. */
    public static final class Provider implements RunExecutor.Provider {
        @Override
        public String name() {
            return "spark";
        }

        @Override
        public RunExecutor create(int threads, String master) {
            return new SparkRunExecutor(master);
        }
    }
}
