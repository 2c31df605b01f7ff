package dev.fracture.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Spreads independent work of one block over threads and gives the results back in input order, so the thread
 * count never changes what the run computes. One thread means no pool at all.
 *
 * <p>The calling thread works too: a piece of work is cut into chunks that the calling thread and {@code threads - 1}
 * helpers take in turn from one counter, and each chunk's result goes to its own place. A deep cascade hands work over
 * thousands of times, about half a millisecond of it each on average at 1,000,000 accounts (14,331 times in a run);
 * a caller that only waited would cost a thread's wake-up at the end of each, while a caller that takes chunks waits
 * only for a helper's chunk still running when none is left to take, and a helper slow to wake costs nothing when
 * the caller has taken every chunk by then.
 *
 * <p>Neither side goes to sleep at once: a helper that finds no work looks for more for {@link #SPIN_NANOS} before it
 * sleeps, and the caller waiting for a helper's last chunk looks for its end as long. A thread put to sleep gives its
 * processor back, and a virtual machine's processor with nothing to run halts; waking it again took a median of 5–8 µs
 * on the 2-core machine of docs/cascade-steps.md and a tenth of a millisecond at the 99th percentile, twice per piece
 * (the helper's start, the caller's end), against pieces of about half a millisecond between serial steps of a few
 * hundred microseconds. A thread awake that long meets the next piece, or the end of this one, at once. What it costs
 * is processor time while it looks, at most that much per piece (step 67 there: 3% less wall time for a run at
 * 1,000,000 accounts, 3% more processor time; a millisecond of looking was no faster and cost three times as much).
 * Since step 76 a thread looks for 25 µs rather than 100: on that machine a helper looking takes from the calling
 * thread's serial work (its two virtual cores gain only 1.2–1.6× from one thread to two, so they do not act as two
 * independent cores), and in one JVM a run looking 25 µs took 2.8% less wall time and 6.6% less processor time than
 * one looking 100 µs (0.5% and 2.6% with the two the other way round), where 50 µs and 10 µs were slower than 25.
 */
final class Workers implements AutoCloseable {
    /** Below this many items a block's work stays on the calling thread: handing it over costs more. */
    static final int MIN_PARALLEL = 64;

    /** How long a thread that finds nothing to do looks again before it sleeps: 25 µs (see the class). */
    static final long SPIN_NANOS = 25_000;

    /** No threads: everything on the calling one. */
    static final Workers NONE = new Workers(1);

    private final int threads;
    /** The helpers, {@code threads - 1} of them; null for one thread. */
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
        this.pool = threads > 1 ? new ThreadPoolExecutor(threads - 1, threads - 1, 0, TimeUnit.MILLISECONDS,
                new WakefulQueue(), r -> {
            Thread t = new Thread(r, "fracture-engine");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * The helpers' queue of work, whose taker looks for work for {@link #SPIN_NANOS} before it sleeps on the queue's
     * lock: a look at an empty queue reads one counter and takes no lock. The pool's helpers take with {@link #take}
     * (they never time out), and it answers an interrupt as the queue's own does.
     */
    private static final class WakefulQueue extends LinkedBlockingQueue<Runnable> {
        @Override
        public Runnable take() throws InterruptedException {
            long start = System.nanoTime();
            do {
                Runnable work = poll();
                if (work != null) {
                    return work;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                Thread.onSpinWait();
            } while (System.nanoTime() - start < SPIN_NANOS);
            return super.take();
        }
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
        return inChunks(count, slice);
    }

    /**
     * {@code slice} of about {@code threads × 8} consecutive ranges that cover {@code [0, count)}, in order, spread
     * over the threads ({@link #chunked}): enough chunks that a thread finishing early finds another. A round's work
     * is uneven along its positions (a pair's positions lie together, and one pair's are planned where the next one's
     * are passed over at a glance): at 1,000,000 accounts on two threads, 16 chunks a piece took 4% off the wall time
     * of 8, and 32 no more (docs/cascade-steps.md, step 67).
     */
    private <R> List<R> inChunks(int count, Slice<R> slice) {
        int per = (count + threads * 8 - 1) / (threads * 8);
        int chunks = (count + per - 1) / per;
        return chunked(chunks, c -> slice.apply(c * per, Math.min(count, c * per + per)));
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
        List<R> out = new ArrayList<>(items.size());
        for (List<R> part : inChunks(items.size(), (from, to) -> {
            List<R> results = new ArrayList<>(to - from);
            for (T item : items.subList(from, to)) {
                results.add(f.apply(item));
            }
            return results;
        })) {
            out.addAll(part);
        }
        return out;
    }

    /**
     * {@code chunk} of {@code 0 … chunks - 1}, in that order, taken in turn from one counter by the calling thread and
     * as many helpers as can have a chunk. The call returns when every chunk is done; a chunk that fails fails the
     * call, the lowest such chunk's failure thrown, after the others are done (no chunk of it runs afterwards).
     */
    private <R> List<R> chunked(int chunks, java.util.function.IntFunction<R> chunk) {
        Object[] results = new Object[chunks];
        Throwable[] failures = new Throwable[chunks];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        Thread caller = Thread.currentThread();
        Runnable take = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    results[c] = chunk.apply(c);
                } catch (Throwable t) {
                    failures[c] = t;
                }
                // The count's write publishes the result to the caller, which reads the results once all are done.
                if (done.incrementAndGet() == chunks && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
                }
            }
        };
        for (int h = Math.min(threads - 1, chunks - 1); h > 0; h--) {
            pool.execute(take);
        }
        take.run();
        // A helper still at a chunk is waited for; one that has not started yet finds no chunk left when it does.
        // (A helper's wake-up that comes after the caller saw every chunk done stays as the caller's permit, which
        // ends its next park early; every park, here and in the JDK's locks, looks at its condition again.) Awake
        // for a while first: a helper's last chunk is usually tens of microseconds, and a wake-up from a park costs
        // microseconds, now and then a tenth of a millisecond.
        long waiting = System.nanoTime();
        while (done.get() < chunks && System.nanoTime() - waiting < SPIN_NANOS) {
            Thread.onSpinWait();
        }
        while (done.get() < chunks) {
            if (caller.isInterrupted()) {
                throw new IllegalStateException("engine: interrupted");
            }
            LockSupport.park(this);
        }
        for (Throwable t : failures) {
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            if (t != null) {
                throw new IllegalStateException("engine: worker failed", t);
            }
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) java.util.Arrays.asList(results);
        return out;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
