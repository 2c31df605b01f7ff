package dev.fracture.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.ScenarioSetup;
import dev.fracture.engine.SimulationResult;
import dev.fracture.io.Format;
import dev.fracture.io.LoadedScenario;
import dev.fracture.io.ScenarioReader;
import dev.fracture.io.SnapshotFormatException;
import dev.fracture.io.SourceProblem;
import dev.fracture.io.store.RunRecord;
import dev.fracture.io.store.RunStore;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Scenario runs submitted through the API: read and checked in the request (a bad scenario is refused with its
 * problems and nothing stored), stored as queued, then run by the cascade engine on a fixed pool of threads. At most
 * {@code threads + queue} runs wait or run at once; beyond that a submission is refused with 503 before anything is
 * stored, so a burst of requests cannot grow memory without bound.
 */
final class ScenarioRuns implements AutoCloseable {
    private final RunStore store;
    private final Metrics metrics;
    private final ExecutorService pool;
    private final Semaphore slots;

    ScenarioRuns(RunStore store, Metrics metrics, int threads, int queue) {
        this.store = store;
        this.metrics = metrics;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fracture-run");
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(threads + queue);
    }

    /**
     * Checks and queues a scenario.
     *
     * @param contentType the request's media type: JSON or YAML
     * @param seedParam   the {@code seed} query parameter, or null for the scenario's own
     * @return the new run's id
     */
    String submit(String body, String contentType, String seedParam) {
        Format format = format(contentType);
        Long seed = seed(seedParam);
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("body", "a scenario in the scenario format (docs/formats.md), YAML or JSON");
        }
        LoadedScenario loaded = read(body, format);
        long runSeed = seed != null ? seed : loaded.scenario().seed();
        if (!slots.tryAcquire()) {
            throw new ApiError(503, "body", "the run queue is full; retry when a run finishes");
        }
        String id = UUID.randomUUID().toString();
        try {
            store.submit(id, loaded.scenario().name(), loaded.snapshot().name(), runSeed, format.name().toLowerCase(
                    java.util.Locale.ROOT), body, System.currentTimeMillis());
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        metrics.count("fracture_runs_submitted_total", "Scenario runs accepted for running.", Map.of(), 1);
        metrics.count("fracture_store_writes_total", "Rows written to the store.", Map.of("table", "scenario_run"), 1);
        pool.execute(() -> run(id, loaded, runSeed));
        return id;
    }

    Optional<RunRecord> find(String id) {
        return store.find(id);
    }

    java.util.List<RunRecord> recent(int limit) {
        return store.recent(limit);
    }

    private void run(String id, LoadedScenario loaded, long seed) {
        long start = System.nanoTime();
        try {
            store.started(id);
            ScenarioSetup.Prepared prepared = ScenarioSetup.of(loaded.scenario(), loaded.snapshot(), seed);
            SimulationResult r = CascadeSimulator.DEFAULT.run(prepared.setup());
            ObjectNode report = RunReport.of(id, loaded.scenario().name(), loaded.snapshot().name(), seed, r,
                    prepared.notSimulated(), loaded.scenario().cautions());
            store.done(id, Json.write(report), System.currentTimeMillis());
            metrics.count("fracture_runs_finished_total", "Scenario runs finished, by outcome.",
                    Map.of("status", "done"), 1);
        } catch (RuntimeException e) {
            store.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage(), System.currentTimeMillis());
            metrics.count("fracture_runs_finished_total", "Scenario runs finished, by outcome.",
                    Map.of("status", "failed"), 1);
        } finally {
            metrics.count("fracture_store_writes_total", "Rows written to the store.",
                    Map.of("table", "scenario_run"), 2);
            metrics.observe("fracture_run_duration_seconds", "Wall time of a scenario run.", Map.of(),
                    (System.nanoTime() - start) / 1e9);
            slots.release();
        }
    }

    private static Format format(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case "application/json" -> Format.JSON;
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> Format.YAML;
            default -> throw new ApiError(415, "Content-Type", "must be application/json or application/yaml, was '"
                    + type + "'");
        };
    }

    private static Long seed(String seed) {
        if (seed == null) {
            return null;
        }
        try {
            return Long.parseLong(seed);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("seed", "a whole number (64-bit), was '" + seed + "'");
        }
    }

    private static LoadedScenario read(String body, Format format) {
        try {
            // No base directory: a scenario sent over HTTP may name only bundled ecosystems and no data files, so a
            // request can never make the service read its own disk.
            return ScenarioReader.read(body, "body", format, null);
        } catch (SnapshotFormatException e) {
            SourceProblem first = e.problems().get(0);
            String field = first.path().isEmpty() ? "body" : "body." + first.path();
            throw new ApiError(400, field, first.location() + ": " + first.rule()
                    + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more: " + e.getMessage()
                    + ")" : ""));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("body", e.getMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("body", "cannot be read: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
