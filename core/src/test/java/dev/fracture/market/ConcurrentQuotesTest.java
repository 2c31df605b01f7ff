package dev.fracture.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Quotes change nothing, so the fast engine's planners quote the same venues from several threads at once: each quote
 * must be the bits a quote alone gives. Concentrated-liquidity pools once kept a swap step's outputs in fields of the
 * pool, and two threads quoting one pool read each other's steps; this test quotes random swaps that cross ticks from
 * four threads, many times over, against the answers quoted on one thread.
 */
class ConcurrentQuotesTest {

    @Test
    void quotesFromManyThreadsEqualQuotesAlone() throws Exception {
        SplittableRandom random = new SplittableRandom(20261121);
        List<ConcentratedLiquidityPool> pools = new ArrayList<>();
        List<double[]> swaps = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            ConcentratedLiquidityPool p = ConcentratedLiquidityPool.of(RandomClmmPools.spec(random, n),
                    RandomClmmPools.ASSET0, RandomClmmPools.ASSET1, MathMode.FAST);
            pools.add(p);
            for (int s = 0; s < 200; s++) {
                boolean sell0 = random.nextBoolean();
                double units = new BigDecimal(RandomClmmPools.swapAmount(random, p, sell0)).doubleValue();
                double tokens = units / Math.pow(10, sell0 ? RandomClmmPools.ASSET0.decimals()
                        : RandomClmmPools.ASSET1.decimals());
                swaps.add(new double[] {n, sell0 ? 1 : 0, tokens});
            }
        }
        long[] alone = new long[swaps.size()];
        for (int k = 0; k < swaps.size(); k++) {
            alone[k] = quote(pools, swaps.get(k));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                List<Future<long[]>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int offset = t * 37;
                    results.add(threads.submit(() -> {
                        long[] out = new long[swaps.size()];
                        for (int i = 0; i < swaps.size(); i++) {
                            int k = (i + offset) % swaps.size();
                            out[k] = quote(pools, swaps.get(k));
                        }
                        return out;
                    }));
                }
                for (Future<long[]> f : results) {
                    assertThat(f.get()).as("round %d", round).isEqualTo(alone);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The quote's output, by its bits (a fill that stopped short is still a number to compare). */
    private static long quote(List<ConcentratedLiquidityPool> pools, double[] swap) {
        ConcentratedLiquidityPool p = pools.get((int) swap[0]);
        boolean sell0 = swap[1] == 1;
        var in = sell0 ? RandomClmmPools.ASSET0.id() : RandomClmmPools.ASSET1.id();
        var out = sell0 ? RandomClmmPools.ASSET1.id() : RandomClmmPools.ASSET0.id();
        Quote q = p.quoteExactIn(in, out, swap[2]);
        return Double.doubleToLongBits(q.amountOut()) * 31 + Double.doubleToLongBits(q.amountIn());
    }
}
