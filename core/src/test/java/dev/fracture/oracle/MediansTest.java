package dev.fracture.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediansTest {

    @Test
    void ocrOddCountIsTheMiddleValue() {
        assertThat(Medians.ocr(new double[] {5, 1, 4, 2, 3}, 1)).isEqualTo(3);
    }

    @Test
    void ocrEvenCountIsTheUpperMiddleValueNotTheAverage() {
        // observations[length / 2] on the sorted report: index 2 of {1, 2, 3, 4}.
        assertThat(Medians.ocr(new double[] {4, 1, 3, 2}, 1)).isEqualTo(3);
        assertThat(Medians.ocr(new double[] {20, 10}, 1)).isEqualTo(20);
    }

    @Test
    void ocrNeedsMoreThanFObservations() {
        assertThatThrownBy(() -> Medians.ocr(new double[] {1, 2}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few values to trust median");
    }

    /** The upper median m: fewer than half the values lie strictly below m, and more than half lie at or below it. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void ocrMedianHasTheUpperMedianRankProperty(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 200; trial++) {
            int n = random.nextInt(1, 32);
            double[] obs = new double[n];
            for (int i = 0; i < n; i++) {
                obs[i] = 1 + random.nextInt(20);
            }
            double m = Medians.ocr(obs, random.nextInt(0, n));
            long below = java.util.Arrays.stream(obs).filter(v -> v < m).count();
            long atOrBelow = java.util.Arrays.stream(obs).filter(v -> v <= m).count();
            assertThat(below).isLessThanOrEqualTo(n / 2);
            assertThat(atOrBelow).isGreaterThan(n / 2);
        }
    }

    @Test
    void makerMedianStoresTheMiddleOfBarSortedMessagesWithThePokeTime() {
        MakerMedian median = MakerMedian.of(3, 3600);
        MakerMedianState s = median.poke(median.empty(), 100, new double[] {1990, 2000, 2500}, new long[] {90, 95, 99});
        assertThat(s).isEqualTo(new MakerMedianState(2000, 100));
        assertThat(median.isStale(s, 3700)).isFalse();
        assertThat(median.isStale(s, 3701)).isTrue();
        assertThat(median.isStale(median.empty(), 0)).isTrue();
    }

    @Test
    void makerMedianRejectsWhatTheContractRejects() {
        MakerMedian median = MakerMedian.of(3, 3600);
        MakerMedianState s = new MakerMedianState(2000, 100);
        assertThatThrownBy(() -> median.poke(s, 200, new double[] {3, 2, 1}, new long[] {150, 150, 150}))
                .hasMessageContaining("Median/messages-not-in-order");
        assertThatThrownBy(() -> median.poke(s, 200, new double[] {1, 2, 3}, new long[] {150, 100, 150}))
                .hasMessageContaining("Median/stale-message");
        assertThatThrownBy(() -> median.poke(s, 200, new double[] {1, 2}, new long[] {150, 150}))
                .hasMessageContaining("Median/bar-too-low");
        assertThatThrownBy(() -> MakerMedian.of(4, 3600)).hasMessageContaining("Median/quorum-not-odd-number");
        assertThatThrownBy(() -> MakerMedian.of(0, 3600)).hasMessageContaining("Median/quorum-is-zero");
    }
}
