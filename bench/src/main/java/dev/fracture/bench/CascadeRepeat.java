package dev.fracture.bench;

import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.SimulationResult;
import dev.fracture.engine.SimulationSetup;
import java.lang.management.ManagementFactory;

/**
 * Issue 5's cascade ({@link CascadeWorkload}) run several times in one JVM, each run's wall time, the process's CPU
 * time and the calling thread's printed (the calling thread runs the blocks, its share the run's critical path, and
 * since step 61 takes chunks of the work it hands to the engine's threads beside them, so its time includes its share
 * of that work): how the engine's steps are compared on a shared, noisy machine — two builds' jars alternated, warm
 * runs set side by side pair by pair (docs/BENCHMARKS.md, docs/cascade-steps.md). Every run must end in the first
 * run's state, as in {@link CascadeBenchmark}. The bytes the calling thread allocated are printed too: on one thread
 * ({@code THREADS} 1) they are all the run allocates, which is how a step that spares allocations is measured.
 *
 * <p>Usage: {@code java -Xms16g -Xmx16g -XX:+UseParallelGC -XX:MaxTenuringThreshold=1 -cp bench/target/benchmarks.jar
 * dev.fracture.bench.CascadeRepeat ACCOUNTS RUNS THREADS}, the perp accounts being 5% of the lending ones. The first
 * run of a JVM pays for the JIT and the first touch of the heap; the runs after it are the warm ones.
 */
public final class CascadeRepeat {
    private CascadeRepeat() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            fail("usage: CascadeRepeat ACCOUNTS RUNS THREADS (got " + args.length + " arguments)");
        }
        int accounts = positive(args[0], "ACCOUNTS");
        int runs = positive(args[1], "RUNS");
        int threads = positive(args[2], "THREADS");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean calling = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SimulationSetup setup = CascadeWorkload.setup(accounts, accounts / 20);
        String first = null;
        for (int run = 1; run <= runs; run++) {
            long wall = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            long mainCpu = calling.getCurrentThreadCpuTime();
            long allocated = calling.getCurrentThreadAllocatedBytes();
            SimulationResult result = CascadeSimulator.withThreads(threads).run(setup);
            double wallMs = (System.nanoTime() - wall) / 1e6;
            double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6;
            double mainCpuMs = (calling.getCurrentThreadCpuTime() - mainCpu) / 1e6;
            double allocatedMb = (calling.getCurrentThreadAllocatedBytes() - allocated) / 1e6;
            if (first == null) {
                first = result.stateHash();
            }
            Checks.isTrue("run " + run + " ends in the first run's state", first.equals(result.stateHash()));
            System.out.printf("run %d: %.0f ms wall, %.0f ms cpu (%.0f ms and %.0f MB allocated on the calling thread),"
                    + " %d liquidations, state %s%n", run, wallMs, cpuMs, mainCpuMs, allocatedMb,
                    result.summary().liquidations(), result.stateHash().substring(0, 8));
        }
    }

    private static int positive(String text, String name) {
        return ToolArguments.positive("CascadeRepeat", text, name);
    }

    private static void fail(String message) {
        ToolArguments.fail("CascadeRepeat", message);
    }
}
