package dev.fracture.bench;

import dev.fracture.market.ConstantProductPool;
import dev.fracture.market.MathMode;
import dev.fracture.market.Quote;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Quotes per second on a WETH/USDC Uniswap v2 pair (10k WETH, 30M USDC), exact integer and fast double modes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConstantProductQuoteBenchmark {
    static final AssetId WETH = AssetId.of("WETH");
    static final AssetId USDC = AssetId.of("USDC");
    /** Trade sizes cycled through so that no quote is a constant the JIT could fold. */
    private static final double[] SIZES = {0.5, 1.25, 3, 7.5, 12, 40, 0.01, 150};

    private ConstantProductPool exact;
    private ConstantProductPool fast;
    private int next;

    @Setup
    public void setUp() {
        exact = pool(MathMode.EXACT);
        fast = pool(MathMode.FAST);
        Quote e = exact.quoteExactIn(WETH, USDC, 1);
        Quote f = fast.quoteExactIn(WETH, USDC, 1);
        // 1 WETH into 10000/30M at 0.3%: 0.997 * 30M / 10000.997 = 2990.70 USDC.
        Checks.near("exact quote", e.amountOut(), 2990.70, 0.01);
        Checks.near("fast quote", f.amountOut(), e.amountOut(), 1e-6);
        Checks.near("exact-out round trip", exact.quoteExactOut(WETH, USDC, e.amountOut()).amountIn(), 1, 1e-9);
    }

    static ConstantProductPool pool(MathMode mode) {
        Asset weth = new Asset(WETH, ChainId.of("ethereum"), "WETH", 18, new AssetKind.Native(), 3000);
        Asset usdc = new Asset(USDC, ChainId.of("ethereum"), "USDC", 6,
                new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1);
        return ConstantProductPool.of(new VenueSpec.ConstantProduct(VenueId.of("univ2-weth-usdc"),
                ChainId.of("ethereum"), WETH, USDC, new BigDecimal("10000"), new BigDecimal("30000000"), 3000),
                weth, usdc, mode);
    }

    private double size() {
        next = (next + 1) & 7;
        return SIZES[next];
    }

    @Benchmark
    public Quote exactInExact() {
        return exact.quoteExactIn(WETH, USDC, size());
    }

    @Benchmark
    public Quote exactInFast() {
        return fast.quoteExactIn(WETH, USDC, size());
    }

    @Benchmark
    public Quote exactOutExact() {
        return exact.quoteExactOut(USDC, WETH, size());
    }

    @Benchmark
    public Quote exactOutFast() {
        return fast.quoteExactOut(USDC, WETH, size());
    }
}
