package dev.fracture.bench;

import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.ReferenceSimulator;
import dev.fracture.engine.SimulationResult;
import dev.fracture.engine.SimulationSetup;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 5's benchmark: the whole cascade of {@link CascadeWorkload} (ETH −30% over 100 home blocks, then flat to
 * block 300) through the fast engine ({@link CascadeSimulator}, {@code threads} threads) and through the reference
 * simulator ({@link ReferenceSimulator}), single shot per iteration. The setup runs the fast engine once and keeps its
 * state hash; every measured run of either engine must end in exactly that state, or the benchmark fails — so the
 * reference's time is the time of the same answer. Both run under the parallel (throughput) collector, promoting a
 * survivor at its second collection, with transparent huge pages and the heap touched at start; a command line's
 * {@code -jvmArgs "-XX:+UseG1GC"} measures the default collector with ordinary pages and an untouched heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The throughput collector: a cascade is a batch run that allocates fast and keeps a large live set, and G1's
// concurrent work and barriers cost it a fifth at 1,000,000 accounts (docs/cascade-steps.md, step 22). Transparent huge
// pages (Linux; the option is ignored elsewhere): a heap of many gigabytes is touched in 2 MB pages rather than 4 kB
// ones, fewer page faults and TLB misses. A survivor of one young collection is promoted at the next: what survives a
// collection in a run is the run's own state (books, listings, records), which the collector otherwise copies from
// survivor space to survivor space several times first. The heap is touched when the fork starts (-XX:+AlwaysPreTouch):
// otherwise the operating system zeroes each page at its first use — the first run's eden, and in every later run the
// old generation as promoted survivors grow into it — inside the collector's pauses, which on a virtualized machine
// took three times as long (docs/cascade-steps.md, step 60): a cost of the machine, not of either engine. Both engines
// alike.
@Fork(value = 1, jvmArgs = {"-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=1", "-XX:+IgnoreUnrecognizedVMOptions",
        "-XX:+UseTransparentHugePages", "-XX:+AlwaysPreTouch"},
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class CascadeBenchmark {
    /** Lending accounts; the perp accounts are 5% of them (50,000 at the 1,000,000). */
    @Param({"1000000"})
    public int accounts;

    @Param({"1"})
    public int threads;

    private SimulationSetup setup;
    private String expectedHash;
    private CascadeSimulator fast;

    @Setup(Level.Trial)
    public void setUp() {
        setup = CascadeWorkload.setup(accounts, accounts / 20);
        fast = CascadeSimulator.withThreads(threads);
        SimulationResult first = fast.run(setup);
        expectedHash = first.stateHash();
        Checks.isTrue("the cascade liquidates something", first.summary().liquidations() > 0);
        System.out.printf("%n%d lending + %d perp accounts: %d liquidations, %.0f USD repaid, %.0f USD bad debt,"
                + " %d log events, state %s%n", accounts, accounts / 20, first.summary().liquidations(),
                first.summary().liquidatedUsd(), first.summary().totalBadDebtUsd(), first.log().size(),
                expectedHash);
    }

    @Benchmark
    public SimulationResult fast() {
        return checked(fast.run(setup), "fast");
    }

    @Benchmark
    public SimulationResult reference() {
        return checked(ReferenceSimulator.DEFAULT.run(setup), "reference");
    }

    private SimulationResult checked(SimulationResult r, String engine) {
        Checks.isTrue(engine + " engine ended in state " + r.stateHash() + ", the fast engine's first run in "
                + expectedHash, r.stateHash().equals(expectedHash));
        return r;
    }
}
