package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link Workers}: results in input order whatever the thread count, and a handful of large tasks spread out. */
class WorkersTest {

    @Test
    void resultsComeBackInInputOrderOnAnyThreadCount() {
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        for (int threads = 1; threads <= 3; threads++) {
            try (Workers w = new Workers(threads)) {
                List<Integer> flattened = new ArrayList<>();
                w.slices(items.size(), (from, to) -> items.subList(from, to).stream()
                        .flatMap(i -> java.util.stream.Stream.of(i, -i)).toList()).forEach(flattened::addAll);
                assertThat(flattened).as("%d threads", threads)
                        .isEqualTo(items.stream().flatMap(i -> java.util.stream.Stream.of(i, -i)).toList());
                assertThat(w.map(items, i -> i * i)).isEqualTo(items.stream().map(i -> i * i).toList());
                assertThat(w.map(List.of(7), i -> i + 1)).isEqualTo(List.of(8));
                assertThat(w.map(List.<Integer>of(), i -> i)).isEmpty();
                java.util.concurrent.atomic.AtomicIntegerArray seen = new java.util.concurrent.atomic.AtomicIntegerArray(
                        items.size());
                w.each(items, seen::incrementAndGet);
                for (int i = 0; i < items.size(); i++) {
                    assertThat(seen.get(i)).as("item %d done once", i).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void slicesCoverTheRangeOnceInOrder() {
        for (int threads = 1; threads <= 3; threads++) {
            try (Workers w = new Workers(threads)) {
                for (int count : new int[] {0, 1, 63, 64, 65, 1000, 1001}) {
                    List<int[]> ranges = w.slices(count, (from, to) -> new int[] {from, to});
                    // Consecutive, non-empty, from 0 to count: every index in exactly one slice, in order.
                    int next = 0;
                    for (int[] r : ranges) {
                        assertThat(r[0]).as("%d threads, %d items", threads, count).isEqualTo(next);
                        assertThat(r[1]).isGreaterThan(r[0]);
                        next = r[1];
                    }
                    assertThat(next).isEqualTo(count);
                    // Below the hand-over threshold the range stays whole, on the calling thread.
                    if (count > 0 && (threads == 1 || count < 64)) {
                        assertThat(ranges).hasSize(1);
                    }
                    if (threads > 1 && count >= 64) {
                        assertThat(ranges.size()).isGreaterThan(1);
                    }
                }
            }
        }
    }

    @Test
    void twoLargeTasksRunOnTwoThreadsTheCallerOneOfThem() {
        Set<Thread> threads;
        try (Workers w = new Workers(2)) {
            threads = bothThreadsMeet(w);
        }
        // The calling thread took a share of the work and the one helper the other (bothThreadsMeet). Closed, the
        // helper ends (it was idle in the pool).
        for (Thread t : threads) {
            if (t != Thread.currentThread()) {
                try {
                    t.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                assertThat(t.isAlive()).as("the helper after close").isFalse();
            }
        }
    }

    @Test
    void anIdleHelperSleepsAfterLookingForWorkAndWakesForTheNextPiece() throws Exception {
        try (Workers w = new Workers(2)) {
            Thread helper = helperOf(bothThreadsMeet(w));
            // Left without work for far longer than it looks for more, the helper sleeps instead of spinning on.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (helper.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(helper.getState()).as("the helper, idle for up to 10 s")
                    .isEqualTo(Thread.State.WAITING);
            // Asleep, it is woken for the next piece (its tasks wait for each other: one thread alone would fail),
            // and awake, it takes the one after that.
            assertThat(helperOf(bothThreadsMeet(w))).isSameAs(helper);
            assertThat(helperOf(bothThreadsMeet(w))).isSameAs(helper);
        }
    }

    /**
     * Runs two tasks on {@code w} (two threads) that each wait until both have started, and returns the threads that
     * ran them: on one thread the second would never start, and the latch's timeout turns that hang into a failure.
     * They are the calling thread and the pool's helper.
     */
    private static Set<Thread> bothThreadsMeet(Workers w) {
        java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<Boolean> met = w.map(List.of("a", "b"), s -> {
            threads.add(Thread.currentThread());
            both.countDown();
            try {
                return both.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertThat(met).containsExactly(true, true);
        assertThat(threads).hasSize(2).contains(Thread.currentThread())
                .anyMatch(t -> t.getName().equals("fracture-engine"));
        return threads;
    }

    private static Thread helperOf(Set<Thread> threads) {
        return threads.stream().filter(t -> t != Thread.currentThread()).findFirst().orElseThrow();
    }

    @Test
    void theLowestFailingChunksFailureIsThrownWhateverFinishesFirst() {
        // Four items on two threads are four chunks of one; the last fails at once, the first a few milliseconds
        // later: the first's failure is the call's on any timing.
        for (int attempt = 0; attempt < 10; attempt++) {
            try (Workers w = new Workers(2)) {
                List<Integer> items = List.of(0, 1, 2, 3);
                assertThatThrownBy(() -> w.map(items, i -> {
                    if (i == 3) {
                        throw new IllegalArgumentException("item 3");
                    }
                    if (i == 0) {
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new IllegalStateException("item 0");
                    }
                    return i;
                })).isInstanceOf(IllegalStateException.class).hasMessage("item 0");
                // An error is thrown as it is.
                assertThatThrownBy(() -> w.map(items, i -> {
                    if (i == 2) {
                        throw new AssertionError("item 2");
                    }
                    return i;
                })).isInstanceOf(AssertionError.class).hasMessage("item 2");
            }
        }
    }

    @Test
    void aCallerInterruptedWhileAHelperWorksStopsWaiting() throws Exception {
        Thread caller = Thread.currentThread();
        java.util.concurrent.CountDownLatch helperStarted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (Workers w = new Workers(2)) {
            // The caller's chunk waits until the helper holds the other chunk, then the caller is interrupted: it
            // must not wait on for the helper.
            assertThatThrownBy(() -> w.map(List.of(0, 1), i -> {
                try {
                    if (Thread.currentThread() == caller) {
                        helperStarted.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        caller.interrupt();
                    } else {
                        helperStarted.countDown();
                        release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return i;
            })).isInstanceOf(IllegalStateException.class).hasMessage("engine: interrupted");
            assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aTaskThatFailsFailsTheCall() {
        try (Workers w = new Workers(2)) {
            List<Integer> items = new ArrayList<>(List.of(1, 2, 3, 0));
            assertThatThrownBy(() -> w.map(items, i -> 12 / i)).isInstanceOf(ArithmeticException.class);
        }
    }
}
