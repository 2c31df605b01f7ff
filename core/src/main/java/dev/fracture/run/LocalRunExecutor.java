package dev.fracture.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the jobs on a fixed pool of threads of this JVM. Threads take the next job from a shared counter and write
 * its row into the job's own slot, so the result does not depend on which thread ran what or when.
 */
public final class LocalRunExecutor implements RunExecutor {
    private final int threads;

    public LocalRunExecutor(int threads) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be between 1 and 1024 (was " + threads + ")");
        }
        this.threads = threads;
    }

    public static LocalRunExecutor ofAvailableProcessors() {
        return new LocalRunExecutor(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    @Override
    public List<PathRow> run(RunPlan plan, ProgressListener progress) {
        List<PathJob> jobs = plan.jobs();
        PathRow[] rows = new PathRow[jobs.size()];
        AtomicInteger next = new AtomicInteger();
        progress.started(jobs.size());
        int workers = Math.min(threads, Math.max(1, jobs.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "fracture-path");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < rows.length; i = next.getAndIncrement()) {
                        rows[i] = PathRunner.DEFAULT.run(plan, jobs.get(i));
                        progress.done(1);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("run interrupted", e);
        } catch (ExecutionException e) {
            next.set(rows.length);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a path failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        return List.of(rows);
    }

    /** The {@code local} provider for {@link java.util.ServiceLoader}. */
    public static final class Provider implements RunExecutor.Provider {
        @Override
        public String name() {
            return "local";
        }

        @Override
        public RunExecutor create(int threads, String master) {
            return new LocalRunExecutor(threads);
        }
    }
}
