package dev.fracture.bench;

/**
 * What a second thread is worth on this machine, before any of the engine's work: one arithmetic loop (a 64-bit linear
 * congruential step, no memory traffic) timed alone, then as many copies at once as the threads asked for, each
 * copy's time printed. On a machine whose processors are real cores the copies each take the lone loop's time; where
 * a hypervisor's virtual processors share cores (or the host is busy), each copy is slower, and no program gets more
 * from those threads than the sum of the copies' speeds. The cascade's scaling from one thread to two
 * (docs/BENCHMARKS.md) is read against this.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.fracture.bench.MachineScaling THREADS [STEPS]}; STEPS, the
 * loop's steps per copy, in millions (3,000 by default, a few seconds).
 */
public final class MachineScaling {
    private MachineScaling() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2) {
            ToolArguments.fail("MachineScaling", "usage: MachineScaling THREADS [STEPS_IN_MILLIONS]");
        }
        int threads = ToolArguments.positive("MachineScaling", args[0], "THREADS");
        long steps = (args.length > 1 ? ToolArguments.positive("MachineScaling", args[1], "STEPS_IN_MILLIONS")
                : 3_000) * 1_000_000L;
        double alone = time(1, steps)[0];
        System.out.printf("alone: %.0f ms%n", alone);
        double[] together = time(threads, steps);
        double sum = 0;
        for (int t = 0; t < threads; t++) {
            System.out.printf("%d at once, copy %d: %.0f ms (%.2f of alone)%n", threads, t + 1, together[t],
                    together[t] / alone);
            sum += alone / together[t];
        }
        System.out.printf("throughput of %d at once: %.2f times one thread's%n", threads, sum);
    }

    /** Each of {@code threads} copies' wall time in milliseconds, all started together. */
    private static double[] time(int threads, long steps) throws InterruptedException {
        double[] ms = new double[threads];
        long[] sink = new long[threads];
        Thread[] running = new Thread[threads];
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int me = t;
            running[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long began = System.nanoTime();
                long x = me + 1;
                for (long i = 0; i < steps; i++) {
                    // Knuth's MMIX constants: each step depends on the last, so the loop cannot be cut short.
                    x = x * 6364136223846793005L + 1442695040888963407L;
                }
                ms[me] = (System.nanoTime() - began) / 1e6;
                sink[me] = x;
            });
            running[t].start();
        }
        start.countDown();
        for (Thread t : running) {
            t.join();
        }
        long all = 0;
        for (long x : sink) {
            all ^= x;
        }
        // Printed so that the loop's result is used: the JIT may not drop it.
        System.out.printf("(checksum %x)%n", all & 0xff);
        return ms;
    }
}
