package dev.fracture.run;

import java.util.List;

/**
 * Runs a plan's path jobs somewhere — threads of this JVM ({@link LocalRunExecutor}) or a cluster — and returns one
 * row per job in {@link RunPlan#jobs()} order. Every implementation runs each job with {@link PathRunner}, so the
 * rows are the same bits whatever runs them.
 */
public interface RunExecutor {

    List<PathRow> run(RunPlan plan, ProgressListener progress);

    /** Finds executors by name ({@code local}, {@code spark}) through {@link java.util.ServiceLoader}. */
    interface Provider {
        String name();

        /** An executor; {@code threads} and {@code master} apply where the executor has such a notion. */
        RunExecutor create(int threads, String master);
    }
}
