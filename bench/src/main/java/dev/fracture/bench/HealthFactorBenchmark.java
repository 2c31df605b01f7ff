package dev.fracture.bench;

import dev.fracture.protocol.lending.AaveAccount;
import dev.fracture.protocol.lending.AaveAccountData;
import dev.fracture.protocol.lending.AaveAccountBook;
import dev.fracture.protocol.lending.AaveHealth;
import dev.fracture.protocol.lending.AaveMarket;
import dev.fracture.protocol.lending.AavePrices;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Health factors of 1,000,000 generated Aave v3 accounts ({@link LendingBenchAccounts}: 2-4 collaterals, 1-2 debts)
 * per second: the fast struct-of-arrays path ({@link AaveAccountBook}), the exact contract path
 * ({@link AaveHealth#accountData} on the records, in 64- and 128-bit words) and the same exact answer in unbounded
 * {@code BigInteger} ({@link AaveHealth#exactAccountData}). The score is accounts per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class HealthFactorBenchmark {
    static final int ACCOUNTS = 1_000_000;

    private AaveMarket market;
    private AavePrices prices;
    private List<AaveAccount> accounts;
    private AaveAccountBook book;
    private double[] fastPrices;

    @Setup
    public void setUp() {
        LendingBenchAccounts generated = LendingBenchAccounts.generate(LendingBenchAccounts.SEED, ACCOUNTS);
        market = generated.market;
        prices = generated.prices;
        accounts = generated.accounts;
        book = generated.book();
        fastPrices = generated.fastPrices();
        int liquidatable = 0;
        for (int i = 0; i < ACCOUNTS; i += 997) {
            Checks.isTrue("words and BigInteger give account " + i + " the same data",
                    AaveHealth.DEFAULT.accountData(market, prices, accounts.get(i))
                            .equals(AaveHealth.DEFAULT.exactAccountData(market, prices, accounts.get(i))));
            double exact = AaveHealth.DEFAULT.accountData(market, prices, accounts.get(i)).healthFactorAsDouble();
            double fast = book.healthFactor(i, fastPrices);
            // The contract truncates the average threshold to a whole basis point: at most 1/7800 apart.
            Checks.near("fast vs exact health factor of account " + i, fast, exact, 1.0 / 7000);
            if (exact < 1) {
                liquidatable++;
            }
        }
        Checks.isTrue("some sampled accounts are liquidatable", liquidatable > 0);
    }

    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public double fastStructOfArrays() {
        double sum = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            double hf = book.healthFactor(i, fastPrices);
            sum += hf < 1 ? hf : 1;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public long exactContract() {
        return liquidatable(AaveHealth.DEFAULT::accountData);
    }

    /** The same exact answer in unbounded {@code BigInteger} arithmetic: the reference the words are measured against. */
    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public long exactUnbounded() {
        return liquidatable(AaveHealth.DEFAULT::exactAccountData);
    }

    /** One exact account check, in either form. */
    @FunctionalInterface
    private interface ExactCheck {
        AaveAccountData of(AaveMarket market, AavePrices prices, AaveAccount account);
    }

    /** How many accounts {@code check} finds liquidatable (its health factor below 1e18). */
    private long liquidatable(ExactCheck check) {
        long liquidatable = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            if (check.of(market, prices, accounts.get(i)).liquidatable()) {
                liquidatable++;
            }
        }
        return liquidatable;
    }
}
