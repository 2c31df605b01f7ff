package dev.fracture.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two builds of the engine compared in one JVM: each build's benchmark jar loaded by a class loader of its own, each
 * build's {@link CascadeWorkload} made once, and the two builds' runs of it alternated — A then B in even rounds, B then
 * A in odd ones — so that both meet the same machine, minute by minute, and the same collector and heap. Each run's
 * wall time, the process's CPU time and the calling thread's are printed, and every run of a build must end in that
 * build's first state. The summary gives each build's median over the rounds after the first (the first pays for the
 * JIT). On the shared 2-core machines here, a build's runs in separate JVMs ({@link CascadeRepeat}) move by more than
 * the steps being measured; runs interleaved this way move together.
 *
 * <p>Usage: {@code java -Xms16g -Xmx16g -XX:+UseParallelGC -XX:MaxTenuringThreshold=1 -XX:+UseTransparentHugePages
 * -cp bench/target/benchmarks.jar dev.fracture.bench.CascadeAlternate OLD.jar NEW.jar ROUNDS ACCOUNTS THREADS}, the
 * perp accounts being 5% of the lending ones (both builds' workloads are in the heap at once).
 */
public final class CascadeAlternate {
    private CascadeAlternate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            fail("usage: CascadeAlternate A.jar B.jar ROUNDS ACCOUNTS THREADS (got " + args.length + " arguments)");
        }
        int rounds = positive(args[2], "ROUNDS");
        int accounts = positive(args[3], "ACCOUNTS");
        int threads = positive(args[4], "THREADS");
        if (rounds < 2) {
            fail("ROUNDS must be at least 2: the first round is the JIT's (was " + rounds + ")");
        }
        Build[] builds = {Build.load("A", args[0], accounts, threads), Build.load("B", args[1], accounts, threads)};
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean calling = ManagementFactory.getThreadMXBean();
        String[] first = new String[2];
        double[][] wall = new double[2][rounds];
        double[][] cpu = new double[2][rounds];
        double[][] main = new double[2][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                int k = round % 2 == 0 ? turn : 1 - turn;
                Build build = builds[k];
                // Each run starts from a collected heap: the other build's garbage is not left for it to pay.
                System.gc();
                long wallStart = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                long mainStart = calling.getCurrentThreadCpuTime();
                String state = build.runOnce();
                if (first[k] == null) {
                    first[k] = state;
                }
                Checks.isTrue(build.name + "'s run ends in its first run's state", first[k].equals(state));
                wall[k][round] = (System.nanoTime() - wallStart) / 1e6;
                cpu[k][round] = (os.getProcessCpuTime() - cpuStart) / 1e6;
                main[k][round] = (calling.getCurrentThreadCpuTime() - mainStart) / 1e6;
                System.out.printf("round %d %s: %.0f ms wall, %.0f ms cpu (%.0f ms on the calling thread), state %s%n",
                        round, build.name, wall[k][round], cpu[k][round], main[k][round], state.substring(0, 8));
            }
        }
        for (int k = 0; k < 2; k++) {
            System.out.printf("%s %s, rounds 1-%d: median %.0f ms wall, %.0f ms cpu, %.0f ms on the calling thread%n",
                    builds[k].name, args[k], rounds - 1, median(wall[k]), median(cpu[k]), median(main[k]));
        }
        double[] ratio = new double[rounds];
        for (int round = 1; round < rounds; round++) {
            ratio[round] = wall[1][round] / wall[0][round];
        }
        System.out.printf("B / A wall, round by round: median %.3f%n", median(ratio));
    }

    /** The median of {@code values[1..]}: the mean of the middle two for an even count. */
    static double median(double[] values) {
        double[] warm = Arrays.copyOfRange(values, 1, values.length);
        Arrays.sort(warm);
        int n = warm.length;
        return n % 2 == 1 ? warm[n / 2] : (warm[n / 2 - 1] + warm[n / 2]) / 2;
    }

    /** One build: its name, its workload, and its engine on the given threads, from its jar's classes. */
    private record Build(String name, Object setup, Object simulator, Method run, Method stateHash) {
        static Build load(String name, String jar, int accounts, int threads) throws Exception {
            Path path = Path.of(jar);
            if (!Files.isRegularFile(path)) {
                fail(name + ": no benchmark jar at " + jar);
            }
            // The platform loader as parent: this jar's classes, not the launching jar's, are the build's.
            URLClassLoader loader = new URLClassLoader(new URL[] {path.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Method workload = loader.loadClass("dev.fracture.bench.CascadeWorkload")
                    .getDeclaredMethod("setup", int.class, int.class);
            workload.setAccessible(true);
            Object setup = workload.invoke(null, accounts, accounts / 20);
            Class<?> simulatorClass = loader.loadClass("dev.fracture.engine.CascadeSimulator");
            Object simulator = simulatorClass.getMethod("withThreads", int.class).invoke(null, threads);
            Method run = simulatorClass.getMethod("run", loader.loadClass("dev.fracture.engine.SimulationSetup"));
            Method stateHash = loader.loadClass("dev.fracture.engine.SimulationResult").getMethod("stateHash");
            return new Build(name, setup, simulator, run, stateHash);
        }

        /** One run of the cascade; its state hash. */
        String runOnce() throws Exception {
            return (String) stateHash.invoke(run.invoke(simulator, setup));
        }
    }

    private static int positive(String text, String name) {
        return ToolArguments.positive("CascadeAlternate", text, name);
    }

    private static void fail(String message) {
        ToolArguments.fail("CascadeAlternate", message);
    }
}
