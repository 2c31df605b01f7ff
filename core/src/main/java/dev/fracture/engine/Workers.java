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
    static final int MIN_PARALLEL = 64;

    /** No threads: everything on the calling one. */
    static final Workers NONE = new Workers(1);

    private final int threads;
    private final ExecutorService pool;
    /** The fewest items {@link #slices} hands to the threads. */
    private final int handOverAt;

    Workers(int threads) {
        this(threads, MIN_PARALLEL);
    }

    /** Threads that take a piece of work of {@code handOverAt} items or more (tests: 1, to spread everything). */
    Workers(int threads, int handOverAt) {
        this.threads = threads;
        this.handOverAt = handOverAt;
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

    /**
     * {@code f} of every item, in the order of {@code items}, spread over the threads however few the items are: for
     * a handful of large pieces of work (a protocol's book to build, a run's protocols to index).
     */
    <T, R> List<R> map(List<T> items, Function<T, R> f) {
        return spread(items, f, 2);
    }

    /** {@link #map} for work done for its effect on each item (each item's own state only). */
    <T> void each(List<T> items, java.util.function.Consumer<T> f) {
        map(items, t -> {
            f.accept(t);
            return t;
        });
    }

    /** Work on the items {@code [from, to)} of a range, for {@link #slices}. */
    @FunctionalInterface
    interface Slice<R> {
        R apply(int from, int to);
    }

    /**
     * {@code slice} of consecutive ranges that cover {@code [0, count)}, in order: spread over the threads when there
     * are enough items to pay for handing them over, else one range on the calling thread. For work on indices that
     * would otherwise be boxed one by one into a list of items.
     */
    <R> List<R> slices(int count, Slice<R> slice) {
        if (pool == null || count < handOverAt) {
            return count == 0 ? List.of() : java.util.Collections.singletonList(slice.apply(0, count));
        }
        int per = (count + threads * 4 - 1) / (threads * 4);
        List<Integer> starts = new ArrayList<>();
        for (int from = 0; from < count; from += per) {
            starts.add(from);
        }
        return map(starts, from -> slice.apply(from, Math.min(count, from + per)));
    }

    /**
     * The UTF-8 bytes of {@code text} of every index of {@code [0, count)}, in order, made and encoded a slice at a
     * time on the threads (the same bytes on any count): for the texts a state hash reads, so that the thread feeding
     * the digest only feeds it.
     */
    byte[][] utf8(int count, java.util.function.IntFunction<String> text) {
        byte[][] out = new byte[count][];
        slices(count, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = text.apply(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            return to;
        });
        return out;
    }

    /**
     * What {@code write} puts down for every index of {@code [0, count)}, in order, a slice of indexes to a buffer
     * (about {@code bytesEach} per index to start with), written on the threads: the same bytes on any count, joined.
     * For the positions a state hash reads, so that the thread feeding the digest only feeds it.
     */
    List<byte[]> encoded(int count, int bytesEach, java.util.function.ObjIntConsumer<DigestBytes> write) {
        return slices(count, (from, to) -> {
            DigestBytes out = new DigestBytes((to - from) * bytesEach);
            for (int i = from; i < to; i++) {
                write.accept(out, i);
            }
            return out.toArray();
        });
    }

    /** {@code f} of every item, in order; on the threads in chunks when there are {@code minParallel} or more. */
    private <T, R> List<R> spread(List<T> items, Function<T, R> f, int minParallel) {
        if (pool == null || items.size() < minParallel) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                out.add(f.apply(item));
            }
            return out;
        }
        int chunks = Math.min(items.size(), threads * 4);
        int per = (items.size() + chunks - 1) / chunks;
        List<Future<List<R>>> futures = new ArrayList<>();
        for (int from = 0; from < items.size(); from += per) {
            List<T> part = items.subList(from, Math.min(items.size(), from + per));
            futures.add(pool.submit(() -> {
                List<R> out = new ArrayList<>(part.size());
                for (T item : part) {
                    out.add(f.apply(item));
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
