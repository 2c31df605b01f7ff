package dev.fracture.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The price window against its definitions, recomputed from a plain list of the samples it should keep: one per
 * second (a later one at the same second replaces it), those within the window plus the last one at or before its
 * start; Σ r² over consecutive kept samples, the time-weighted average, and the largest move from the latest.
 */
class PriceWindowTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void keptSumOfSquaredReturnsEqualsTheSumOverTheWindow(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long window = 30 + rnd.nextInt(300);
        PriceWindow w = new PriceWindow(window);
        List<long[]> times = new ArrayList<>();
        List<Double> prices = new ArrayList<>();
        long t = 0;
        double price = 2000;
        for (int k = 0; k < 3000; k++) {
            t += rnd.nextInt(4); // 0: the same second again
            price *= Math.exp(rnd.nextGaussian() * (rnd.nextInt(50) == 0 ? 0.2 : 0.002));
            w.add(t, price);
            if (!times.isEmpty() && times.get(times.size() - 1)[0] == t) {
                prices.set(prices.size() - 1, price);
            } else {
                times.add(new long[] {t});
                prices.add(price);
            }
            while (times.size() > 1 && times.get(1)[0] <= t - window) {
                times.remove(0);
                prices.remove(0);
            }
            double expected = 0;
            for (int i = 1; i < prices.size(); i++) {
                double r = Math.log(prices.get(i) / prices.get(i - 1));
                expected += r * r;
            }
            // Fixed point at 2^-40 per return: the error is at most half a unit per return kept.
            assertThat(w.sumSquaredLogReturns(t)).as("seed %d, sample %d", seed, k)
                    .isCloseTo(expected, within(prices.size() * 0x1p-41 + 1e-15));
            if (k % 97 == 0) {
                long later = t + rnd.nextInt((int) window);
                double laterExpected = 0;
                for (int i = 1; i < prices.size(); i++) {
                    if (times.get(i)[0] > later - window) {
                        double r = Math.log(prices.get(i) / prices.get(i - 1));
                        laterExpected += r * r;
                    }
                }
                assertThat(w.sumSquaredLogReturns(later)).as("seed %d, read later", seed)
                        .isCloseTo(laterExpected, within(prices.size() * 0x1p-41 + 1e-15));
            }
        }
    }

    @Test
    void twapAndLargestMoveByHand() {
        // Window 10 s; samples 100 at 0, 110 at 4, 99 at 12. At 12 the window is [2, 12]: the sample at 0 is kept
        // (it prices seconds 2 to 4), so TWAP = (100·2 + 110·8) / 10 = 108; the move from 110 (at 4, in the window)
        // to 99 is 10%; 100 at 0 is before the window and does not count.
        PriceWindow w = new PriceWindow(10);
        w.add(0, 100);
        w.add(4, 110);
        w.add(12, 99);
        assertThat(w.twap(12)).isCloseTo(108, within(1e-12));
        assertThat(w.largestMove()).isCloseTo(0.1, within(1e-12));
        // The TWAP is remembered per time read and state: a new price at 12 holds for no time at 12 (108 still), then
        // [4, 14] reads 110 for 8 s and 200 for 2 s: 128; replacing the price of second 12 by 150 makes it 118.
        w.add(12, 200);
        assertThat(w.twap(12)).isCloseTo(108, within(1e-12));
        assertThat(w.twap(14)).isCloseTo(128, within(1e-12));
        w.add(12, 150);
        assertThat(w.twap(14)).isCloseTo(118, within(1e-12));
        assertThat(w.largestMove()).as("150 against 110").isCloseTo(40.0 / 110, within(1e-12));
        // A price gone to zero is a capped return, not an overflow.
        w.add(13, 0);
        assertThat(w.sumSquaredLogReturns(13)).isGreaterThan(16 - 1e-9).isFinite();
        w.restartFrom(20, 50);
        assertThat(w.sumSquaredLogReturns(20)).isZero();
        assertThat(w.twap(20)).isEqualTo(50);
    }
}
