package dev.fracture.service;

import dev.fracture.service.live.ReplayEvent;
import java.util.List;
import java.util.Map;

/**
 * Applies a replay's events to the live state in order, at their times scaled by {@code speed} (replay milliseconds
 * per wall-clock millisecond; 0 applies them back to back), on its own thread. Each event republishes the curves
 * (the state's listeners: the SSE stream, the history, the metrics). An event the book refuses (a position in a market
 * that does not exist) is counted and skipped; it changes nothing.
 */
final class UpdateLoop implements AutoCloseable {
    private final Thread thread;
    private volatile int applied;
    private volatile int refused;
    private volatile boolean finished;

    UpdateLoop(LiveState live, List<ReplayEvent> events, double speed, Metrics metrics) {
        thread = new Thread(() -> run(live, events, speed, metrics), "fracture-replay");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run(LiveState live, List<ReplayEvent> events, double speed, Metrics metrics) {
        long start = System.nanoTime();
        try {
            for (ReplayEvent e : events) {
                if (speed > 0) {
                    long dueNanos = start + (long) (e.atMs() / speed * 1e6);
                    long wait = dueNanos - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                try {
                    LiveState.Curves c = live.apply(e);
                    applied++;
                    metrics.observe("fracture_recompute_duration_seconds",
                            "Time from receiving a live update to its curves being ready to publish.",
                            Map.of("type", e instanceof ReplayEvent.Price ? "price" : "position"),
                            c.recomputeSeconds());
                    metrics.count("fracture_live_updates_total", "Live updates applied or refused.",
                            Map.of("outcome", "applied"), 1);
                } catch (IllegalArgumentException ex) {
                    refused++;
                    metrics.count("fracture_live_updates_total", "Live updates applied or refused.",
                            Map.of("outcome", "refused"), 1);
                    System.err.println("fracture serve: replay " + e.source() + ": " + ex.getMessage());
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            finished = true;
        }
    }

    int applied() {
        return applied;
    }

    int refused() {
        return refused;
    }

    boolean finished() {
        return finished;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
