package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.EcosystemSnapshot;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two engines, one answer (DESIGN.md): on seeded random ecosystems the fast engine, on one thread and on two, ends in
 * exactly the state the reference simulator ends in — same trace, events, liquidator books and positions, bit for bit.
 */
class ReferenceEqualityTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /**
     * A run of a random small ecosystem (two in three with a perp exchange of up to 16 accounts): ETH falls by 10–60%
     * along a straight line, at a random time and speed.
     */
    static SimulationSetup randomSetup(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        GeneratedEcosystem.Generated g = GeneratedEcosystem.of(new GeneratedEcosystem.Size(1 + rnd.nextInt(3),
                10 + rnd.nextInt(6), 6 + rnd.nextInt(8), 1 + rnd.nextInt(4), 20 + rnd.nextInt(80),
                1 + rnd.nextInt(5), rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(16)), rnd.nextLong());
        EcosystemSnapshot snapshot = g.snapshot();
        double fall = 0.1 + 0.5 * rnd.nextDouble();
        long start = rnd.nextInt(60);
        long length = 1 + rnd.nextInt(120);
        double otherFall = 0.3 * rnd.nextDouble();
        BasePrices base = new BasePrices() {
            @Override
            public double usd(AssetId asset, long t) {
                double p0 = snapshot.asset(asset).orElseThrow().referencePriceUsd();
                double progress = Math.min(1, Math.max(0, (t - start) / (double) length));
                if (asset.equals(GeneratedEcosystem.ETH)) {
                    return p0 * (1 - fall * progress);
                }
                return snapshot.asset(asset).orElseThrow().kind() instanceof AssetKind.Token
                        ? p0 * (1 - otherFall * progress) : p0;
            }

            @Override
            public boolean drives(AssetId asset) {
                return !(snapshot.asset(asset).orElseThrow().kind() instanceof AssetKind.Bridged);
            }
        };
        return new SimulationSetup(snapshot, 180, seed, base, g.impact(), g.liquidators(), 1e6 * rnd.nextDouble());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theFastEngineEndsInTheReferenceState(long seed) {
        SimulationSetup setup = randomSetup(seed);
        SimulationResult reference = ReferenceSimulator.DEFAULT.run(setup);
        SimulationResult fast = CascadeSimulator.DEFAULT.run(setup);
        assertThat(fast.stateHash()).as("seed %d: fast vs reference (%d liquidations)", seed,
                reference.summary().liquidations()).isEqualTo(reference.stateHash());
        if (seed % 10 == 0) {
            SimulationResult twoThreads = CascadeSimulator.withThreads(2).run(setup);
            assertThat(twoThreads.stateHash()).as("seed %d: two threads vs one", seed).isEqualTo(fast.stateHash());
        }
    }
}
