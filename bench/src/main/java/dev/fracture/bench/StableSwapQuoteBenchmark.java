package dev.fracture.bench;

import dev.fracture.market.MathMode;
import dev.fracture.market.Quote;
import dev.fracture.market.StableSwapPool;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Quotes per second on a 3pool-like StableSwap pool (DAI 18 decimals, USDC and USDT 6; 150M, 160M, 140M; A = 2000;
 * fee 0.01%), exact integer and fast double modes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StableSwapQuoteBenchmark {
    static final AssetId DAI = AssetId.of("DAI");
    static final AssetId USDC = AssetId.of("USDC");
    static final AssetId USDT = AssetId.of("USDT");
    private static final double[] SIZES = {1_000, 25_000, 500_000, 3_000_000, 70, 120_000, 9_000_000, 10};

    private StableSwapPool exact;
    private StableSwapPool fast;
    private int next;

    @Setup
    public void setUp() {
        exact = pool(MathMode.EXACT);
        fast = pool(MathMode.FAST);
        Quote e = exact.quoteExactIn(DAI, USDC, 1_000_000);
        Quote f = fast.quoteExactIn(DAI, USDC, 1_000_000);
        // Near the peg at A = 2000: within 0.1% of 1:1 less the 0.01% fee.
        Checks.near("exact quote", e.amountOut(), 999_900, 1e-3);
        Checks.near("fast quote", f.amountOut(), e.amountOut(), 1e-9);
        Checks.isTrue("exact-out pays at least the request",
                exact.quoteExactOut(USDT, DAI, 500_000).amountOut() >= 500_000);
    }

    static StableSwapPool pool(MathMode mode) {
        ChainId chain = ChainId.of("ethereum");
        AssetKind usd = new AssetKind.Stablecoin("USD", BigDecimal.ONE);
        List<Asset> coins = List.of(new Asset(DAI, chain, "DAI", 18, usd, 1), new Asset(USDC, chain, "USDC", 6, usd, 1),
                new Asset(USDT, chain, "USDT", 6, usd, 1));
        return StableSwapPool.of(new VenueSpec.StableSwap(VenueId.of("curve-3pool"), chain, List.of(DAI, USDC, USDT),
                List.of(new BigDecimal("150000000"), new BigDecimal("160000000"), new BigDecimal("140000000")), 2000,
                1_000_000), coins, mode);
    }

    private double size() {
        next = (next + 1) & 7;
        return SIZES[next];
    }

    @Benchmark
    public Quote exactInExact() {
        return exact.quoteExactIn(DAI, USDC, size());
    }

    @Benchmark
    public Quote exactInFast() {
        return fast.quoteExactIn(DAI, USDC, size());
    }

    @Benchmark
    public Quote exactOutExact() {
        return exact.quoteExactOut(USDT, DAI, size());
    }

    @Benchmark
    public Quote exactOutFast() {
        return fast.quoteExactOut(USDT, DAI, size());
    }
}
