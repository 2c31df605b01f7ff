package dev.fracture.bench;

import dev.fracture.protocol.lending.AaveAccountBook;
import dev.fracture.protocol.lending.LiquidationPriceIndex;
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
 * After a 1% fall of WETH, which of 1,000,000 generated Aave v3 accounts became liquidatable: by the liquidation-price
 * index ({@link LiquidationPriceIndex}, binary search then the crossed accounts) against a full scan of every
 * account's health factor. Average time per query; the setup checks both find the same accounts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class LiquidationIndexBenchmark {
    static final int ACCOUNTS = 1_000_000;
    static final int WETH = 2;

    private AaveAccountBook book;
    private LiquidationPriceIndex index;
    private double[] before;
    private double[] after;
    private boolean[] healthyBefore;
    private int[] out;

    @Setup
    public void setUp() {
        LendingBenchAccounts generated = LendingBenchAccounts.generate(LendingBenchAccounts.SEED, ACCOUNTS);
        book = generated.book();
        before = generated.fastPrices();
        after = before.clone();
        after[WETH] = before[WETH] * 0.99;
        index = LiquidationPriceIndex.build(book, WETH, before);
        healthyBefore = new boolean[ACCOUNTS];
        for (int i = 0; i < ACCOUNTS; i++) {
            healthyBefore[i] = book.healthFactor(i, before) >= 1;
        }
        out = new int[ACCOUNTS];
        int byIndex = indexQuery();
        int byScan = fullScan();
        Checks.isTrue("index (" + byIndex + ") and scan (" + byScan + ") find the same count", byIndex == byScan);
        Checks.isTrue("a 1% move crosses some accounts", byIndex > 0);
        System.out.println("newly liquidatable after WETH -1%: " + byIndex + " of " + ACCOUNTS + " accounts ("
                + index.size() + " indexed on WETH)");
    }

    @Benchmark
    public int indexQuery() {
        return index.newlyLiquidatable(before[WETH], after[WETH], out);
    }

    @Benchmark
    public int fullScan() {
        int count = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            if (healthyBefore[i] && book.healthFactor(i, after) < 1) {
                out[count++] = i;
            }
        }
        return count;
    }
}
