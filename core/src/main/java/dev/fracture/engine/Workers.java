package dev.fracture.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Spreads independent work of one block over threads and gives the results back in input order, so the thread
 * count never changes what the run computes. One thread means no pool at all.
 */
final class Workers implements AutoCloseable {
    /** Below this many items a block's work stays on the calling thread: handing it over costs more. */
    private static final int MIN_PARALLEL = 64;

    private final int threads;
    private final ExecutorService pool;

    Workers(int threads) {
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fracture-engine");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Whether work handed over runs on more than the calling thread. */
    boolean parallel() {
        return pool != null;
    }

    /** {@code f} of every item, flattened, in the order of {@code items}. */
    <T, R> List<R> flatMap(List<T> items, Function<T, List<R>> f) {
        return flatMap(items, f, MIN_PARALLEL);
    }

    /**
     * {@code f} of every item, in the order of {@code items}, spread over the threads however few the items are: for
     * a handful of large pieces of work (a protocol's book to build, a run's protocols to index).
     */
    <T, R> List<R> map(List<T> items, Function<T, R> f) {
        return flatMap(items, t -> java.util.Collections.singletonList(f.apply(t)), 2);
    }

    /** {@link #map} for work done for its effect on each item (each item's own state only). */
    <T> void each(List<T> items, java.util.function.Consumer<T> f) {
        map(items, t -> {
            f.accept(t);
            return t;
        });
    }

    private <T, R> List<R> flatMap(List<T> items, Function<T, List<R>> f, int minParallel) {
        if (pool == null || items.size() < minParallel) {
            List<R> out = new ArrayList<>();
            for (T item : items) {
                out.addAll(f.apply(item));
            }
            return out;
        }
        int chunks = Math.min(items.size(), threads * 4);
        int per = (items.size() + chunks - 1) / chunks;
        List<Future<List<R>>> futures = new ArrayList<>();
        for (int from = 0; from < items.size(); from += per) {
            List<T> part = items.subList(from, Math.min(items.size(), from + per));
            futures.add(pool.submit(() -> {
                List<R> out = new ArrayList<>();
                for (T item : part) {
                    out.addAll(f.apply(item));
                }
                return out;
            }));
        }
        List<R> out = new ArrayList<>();
        try {
            for (Future<List<R>> future : futures) {
                out.addAll(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("engine: interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("engine: worker failed", e.getCause());
        }
        return out;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
