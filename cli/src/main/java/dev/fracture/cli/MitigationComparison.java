package dev.fracture.cli;

import dev.fracture.engine.RunProgress;
import dev.fracture.io.LoadedScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every {@link MitigationVariants.Variant} of a scenario with one seed, on a pool of threads. Each run owns
 * its whole state (the engine copies what it mutates; the snapshot is immutable), so a row does not depend on the
 * thread that ran it or on the thread count: results come back in the variants' order.
 */
final class MitigationComparison {
    private MitigationComparison() {
    }

    /** One row: the variant and its run. */
    record Row(MitigationVariants.Variant variant, ScenarioRun run) {
    }

    /** Runs them; {@code progress} hears of each finished run (as runs done out of runs). */
    static List<Row> run(LoadedScenario loaded, long seed, int threads, RunProgress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1 (was " + threads + ")");
        }
        List<MitigationVariants.Variant> variants = MitigationVariants.of(loaded.scenario().mitigations());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, variants.size()), r -> {
            Thread t = new Thread(r, "fracture-compare");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ScenarioRun>> futures = new ArrayList<>();
            for (MitigationVariants.Variant v : variants) {
                LoadedScenario copy = new LoadedScenario(loaded.scenario().withMitigations(v.mitigations()),
                        loaded.snapshot());
                futures.add(pool.submit(() -> ScenarioRun.of(copy, seed, RunProgress.NONE)));
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < variants.size(); i++) {
                rows.add(new Row(variants.get(i), futures.get(i).get()));
                progress.advanced(i + 1, variants.size());
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("compare interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
