package dev.fracture.bench;

import dev.fracture.engine.GeneratedEcosystem;
import dev.fracture.measure.ExposureBook;
import dev.fracture.measure.LiquidationCurve;
import dev.fracture.measure.LiquidationCurveCalculator;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.service.LiveState;
import dev.fracture.service.live.LiveCurveBook;
import dev.fracture.service.live.ReplayEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The service's live loop on the benchmark ecosystem ({@link GeneratedEcosystem.Size#benchmark()}: 1,000,000
 * accounts, 8 protocols, 4 chains, 40 assets): one ETH price update applied and every held asset's liquidation curve
 * republished (as JSON in the risk-report schema), by the incremental {@link LiveState} — against recomputing the same
 * curves from scratch with core's {@link LiquidationCurveCalculator}: the positions valued at the new prices, then
 * one pass over every position per shock, per asset. The setup checks that both give the same ETH curve after an update.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx10g"})
public class LiveUpdateBenchmark {
    static final long SEED = 20261121L;

    private LiveState live;
    private LiveCurveBook reference;
    private AssetId eth;
    private double ethPrice;
    private long step;

    @Setup(Level.Trial)
    public void setUp() {
        EcosystemSnapshot snapshot = GeneratedEcosystem.of(GeneratedEcosystem.Size.benchmark(), SEED).snapshot();
        eth = GeneratedEcosystem.ETH;
        ethPrice = snapshot.asset(eth).orElseThrow().referencePriceUsd();
        live = new LiveState(snapshot);
        reference = LiveCurveBook.of(snapshot);
        Checks.isTrue("benchmark ecosystem has " + reference.size() + " positions", reference.size() >= 1_000_000);
        live.apply(new ReplayEvent.Price(0, "bench", eth, ethPrice * 0.97));
        reference.applyPrice(eth, ethPrice * 0.97);
        LiquidationCurve truth = LiquidationCurveCalculator.DEFAULT.curve(ExposureBook.of(reference.pricedSnapshot(),
                reference.positions()), eth);
        LiquidationCurve incremental = reference.curve(eth);
        for (int k = 0; k < truth.down().size(); k++) {
            Checks.isTrue("ETH curve at step " + k + ": incremental " + incremental.down().get(k).positions()
                    + " positions, calculator " + truth.down().get(k).positions(),
                    truth.down().get(k).positions() == incremental.down().get(k).positions());
        }
    }

    /** One ETH price update and every curve republished: what the live loop does per update. */
    @Benchmark
    public LiveState.Curves priceUpdateIncremental() {
        step++;
        double price = ethPrice * (0.95 + 0.01 * (step % 5));
        return live.apply(new ReplayEvent.Price(step, "bench", eth, price));
    }

    /** The same curves recomputed from scratch after the same update: every position at every shock, per asset. */
    @Benchmark
    public int fullRecompute() {
        step++;
        reference.applyPrice(eth, ethPrice * (0.95 + 0.01 * (step % 5)));
        ExposureBook book = ExposureBook.of(reference.pricedSnapshot(), reference.positions());
        int points = 0;
        List<AssetId> held = reference.heldAssets();
        for (AssetId a : held) {
            points += LiquidationCurveCalculator.DEFAULT.curve(book, a).down().size();
        }
        return points;
    }
}
