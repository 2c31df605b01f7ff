package dev.fracture.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fracture.market.ConcentratedLiquidityPool;
import dev.fracture.market.MathMode;
import dev.fracture.market.clmm.FastSwapResult;
import dev.fracture.market.clmm.SwapResult;
import dev.fracture.market.clmm.TickInfo;
import dev.fracture.market.clmm.TickMath;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Quotes per second of {@link ConcentratedLiquidityPool} in exact and fast mode, on the pool and swaps of
 * {@code bench/peer/clmm-bench-pools.json} (the same file {@code bench/peer/v3-sdk-quote-bench.js} quotes with the
 * v3-sdk): an exact-input swap that stays in range, and one that crosses ten initialized ticks. The file is found
 * through system property {@code fracture.clmm.pools}, else relative to the working directory (the repo root).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConcentratedLiquidityQuoteBenchmark {
    private static final BigInteger LIMIT = TickMath.MIN_SQRT_RATIO.add(BigInteger.ONE);
    private static final double LIMIT_FAST = LIMIT.doubleValue() / 0x1p96;

    private ConcentratedLiquidityPool exact;
    private ConcentratedLiquidityPool fast;
    private BigInteger inRange;
    private BigInteger cross10;
    private double inRangeFast;
    private double cross10Fast;

    @Setup
    public void setup() throws IOException {
        String file = System.getProperty("fracture.clmm.pools", "bench/peer/clmm-bench-pools.json");
        JsonNode doc = new ObjectMapper().readTree(Path.of(file).toFile());
        List<VenueSpec.LiquidityPosition> positions = new ArrayList<>();
        for (JsonNode p : doc.get("positions")) {
            positions.add(new VenueSpec.LiquidityPosition(p.get("tickLower").asInt(), p.get("tickUpper").asInt(),
                    new BigInteger(p.get("liquidity").asText())));
        }
        Asset a0 = new Asset(AssetId.of("T0"), ChainId.of("bench"), "T0", 18, new AssetKind.Token(), 1);
        Asset a1 = new Asset(AssetId.of("T1"), ChainId.of("bench"), "T1", 18, new AssetKind.Token(), 1);
        VenueSpec.ConcentratedLiquidity spec = new VenueSpec.ConcentratedLiquidity(VenueId.of("bench-clmm"),
                ChainId.of("bench"), a0.id(), a1.id(), doc.get("feePips").asInt(), doc.get("tickSpacing").asInt(),
                new BigInteger(doc.get("sqrtPriceX96").asText()), positions);
        exact = ConcentratedLiquidityPool.of(spec, a0, a1, MathMode.EXACT);
        fast = ConcentratedLiquidityPool.of(spec, a0, a1, MathMode.FAST);
        for (JsonNode swap : doc.get("swaps")) {
            BigInteger amount = new BigInteger(swap.get("amountIn").asText());
            check(swap.get("name").asText(), amount, swap.get("ticksCrossed").asInt());
            if (swap.get("name").asText().equals("inRange")) {
                inRange = amount;
                inRangeFast = amount.doubleValue();
            } else {
                cross10 = amount;
                cross10Fast = amount.doubleValue();
            }
        }
    }

    /** The quote must fill, pay out, cross the stated number of initialized ticks, and agree across modes. */
    private void check(String name, BigInteger amount, int ticksCrossed) {
        SwapResult e = exact.quoteRaw(true, amount, LIMIT);
        FastSwapResult f = fast.quoteRawFast(true, amount.doubleValue(), LIMIT_FAST);
        int crossed = 0;
        for (TickInfo t : exact.initializedTicks()) {
            if (t.tick() > e.tick() && t.tick() <= exact.tick()) {
                crossed++;
            }
        }
        double out = -e.amount1().doubleValue();
        if (!e.complete() || out <= 0 || crossed != ticksCrossed || !f.complete()
                || Math.abs(-f.amount1() - out) > 1e-9 * out) {
            throw new IllegalStateException("benchmark swap " + name + " is not what the file says: complete="
                    + e.complete() + " out=" + out + " crossed=" + crossed + " fast out=" + -f.amount1());
        }
    }

    @Benchmark
    public SwapResult exactInRange() {
        return exact.quoteRaw(true, inRange, LIMIT);
    }

    @Benchmark
    public SwapResult exactCross10Ticks() {
        return exact.quoteRaw(true, cross10, LIMIT);
    }

    @Benchmark
    public FastSwapResult fastInRange() {
        return fast.quoteRawFast(true, inRangeFast, LIMIT_FAST);
    }

    @Benchmark
    public FastSwapResult fastCross10Ticks() {
        return fast.quoteRawFast(true, cross10Fast, LIMIT_FAST);
    }
}
