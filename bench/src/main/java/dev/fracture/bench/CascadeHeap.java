package dev.fracture.bench;

import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.RunProgress;
import dev.fracture.engine.SimulationSetup;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap per account of issue 5's workload ({@link CascadeWorkload}), a measurement, not a timing: the heap in use after
 * a forced full collection (a) with nothing built, (b) with the setup built (the immutable snapshot, the input), and
 * (c) inside the run, after the first block, when the engine holds its whole mutable state beside the snapshot (the
 * run stops there).
 * (c − b) is the engine's run state; (b − a) the snapshot's. Each is divided by the accounts, lending plus perp.
 *
 * <p>Usage: {@code java -Xmx6g -cp bench/target/benchmarks.jar dev.fracture.bench.CascadeHeap [accounts]}
 * (default 1000000; the fast engine). Prints one line per figure.
 */
public final class CascadeHeap {
    private CascadeHeap() {
    }

    public static void main(String[] args) {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int perps = accounts / 20;
        long empty = usedAfterGc();
        SimulationSetup setup = CascadeWorkload.setup(accounts, perps);
        long withSnapshot = usedAfterGc();
        long[] inRun = {-1};
        RunProgress probe = (seconds, horizon) -> {
            inRun[0] = usedAfterGc();
            throw new Measured();
        };
        try {
            CascadeSimulator.DEFAULT.run(setup, probe);
        } catch (Measured stop) {
            // The state is measured; the rest of the run is the benchmark's business.
        }
        Checks.isTrue("the first block was measured", inRun[0] > 0);
        int total = accounts + perps;
        System.out.printf("accounts: %d lending + %d perp = %d%n", accounts, perps, total);
        System.out.printf("snapshot (input): %,d bytes = %.0f bytes/account%n", withSnapshot - empty,
                (withSnapshot - empty) / (double) total);
        System.out.printf("run state (engine, beside the snapshot): %,d bytes = %.0f bytes/account%n",
                inRun[0] - withSnapshot, (inRun[0] - withSnapshot) / (double) total);
    }

    /** Stops the run once measured. */
    private static final class Measured extends RuntimeException {
        Measured() {
            super(null, null, false, false);
        }
    }

    /** Heap in use after full collections, repeated until it stops falling. */
    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= last) {
                return Math.min(used, last);
            }
            last = used;
        }
        return last;
    }
}
