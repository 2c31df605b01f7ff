package dev.fracture.bench;

import dev.fracture.protocol.perp.MarginMode;
import dev.fracture.protocol.perp.Marks;
import dev.fracture.protocol.perp.PerpAccount;
import dev.fracture.protocol.perp.PerpAccountBook;
import dev.fracture.protocol.perp.PerpMargin;
import dev.fracture.protocol.perp.PerpMarkets;
import dev.fracture.protocol.perp.PerpPosition;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One block of a perp venue: mark-to-market and liquidation check of 50,000 accounts across 20 markets
 * ({@link PerpBenchAccounts}; each account's cross scope and each isolated position). The struct-of-arrays fast path
 * ({@link PerpAccountBook#markToMarket}) against the record path ({@link PerpMargin} over {@link PerpAccount} records
 * and a {@link Marks} map), both cycling through the same 64 mark vectors. The score is blocks per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class PerpMarginBenchmark {
    static final int ACCOUNTS = 50_000;

    private PerpMarkets markets;
    private List<PerpAccount> accounts;
    private PerpAccountBook book;
    private double[][] markArrays;
    private Marks[] marks;
    private double[] value;
    private double[] maintenance;
    private int[] liquidatable;
    private int block;

    @Setup
    public void setUp() {
        PerpBenchAccounts generated = new PerpBenchAccounts(PerpBenchAccounts.SEED, ACCOUNTS);
        markets = generated.markets;
        accounts = generated.accounts;
        book = PerpAccountBook.of(accounts, markets, generated.ids);
        markArrays = generated.markArrays;
        marks = generated.marks;
        value = new double[book.size()];
        maintenance = new double[book.size()];
        liquidatable = new int[book.size()];
        int total = 0;
        for (int b = 0; b < PerpBenchAccounts.BLOCKS; b++) {
            int fast = book.markToMarket(markArrays[b], value, maintenance, liquidatable);
            int naive = naiveCount(marks[b]);
            Checks.isTrue("block " + b + ": fast path finds " + fast + " liquidatable scopes, record path " + naive,
                    fast == naive);
            total += fast;
        }
        Checks.isTrue("some scopes are liquidatable", total > 0);
    }

    @Benchmark
    public int fastStructOfArrays() {
        int b = block++ & (PerpBenchAccounts.BLOCKS - 1);
        return book.markToMarket(markArrays[b], value, maintenance, liquidatable);
    }

    @Benchmark
    public int naiveRecords() {
        int b = block++ & (PerpBenchAccounts.BLOCKS - 1);
        return naiveCount(marks[b]);
    }

    private int naiveCount(Marks m) {
        int count = 0;
        for (PerpAccount a : accounts) {
            if (PerpMargin.DEFAULT.crossLiquidatable(a, markets, m)) {
                count++;
            }
            for (PerpPosition p : a.positions()) {
                if (p.mode() == MarginMode.ISOLATED && PerpMargin.DEFAULT.isolatedLiquidatable(p, markets, m)) {
                    count++;
                }
            }
        }
        return count;
    }
}
