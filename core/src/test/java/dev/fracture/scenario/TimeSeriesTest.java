package dev.fracture.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TimeSeriesTest {
    private static final TimeSeries PATH = new TimeSeries("eth", "USD", new long[] {0, 600, 1200, 1800},
            new double[] {200, 150, 100, 120});

    @Test
    void stepHoldsTheLastValueAndLinearInterpolates() {
        assertThat(PATH.stepAt(-5)).isEqualTo(200);
        assertThat(PATH.stepAt(600)).isEqualTo(150);
        assertThat(PATH.stepAt(1199)).isEqualTo(150);
        assertThat(PATH.stepAt(99_999)).isEqualTo(120);
        // Between 600 (150) and 1200 (100), a quarter of the way: 150 − 0.25 × 50.
        assertThat(PATH.linearAt(750)).isCloseTo(137.5, within(1e-12));
        assertThat(PATH.linearAt(-1)).isEqualTo(200);
        assertThat(PATH.linearAt(5000)).isEqualTo(120);
    }

    @Test
    void drawdownReturnsAndRebasing() {
        assertThat(PATH.maxDrawdown()).isCloseTo(0.5, within(1e-15));
        assertThat(PATH.logReturns()).containsExactly(Math.log(0.75), Math.log(100.0 / 150), Math.log(1.2));
        TimeSeries rebased = PATH.rebased(3300);
        assertThat(rebased.values()).containsExactly(3300, 2475, 1650, 1980);
        assertThat(rebased.maxDrawdown()).isCloseTo(0.5, within(1e-15));
        assertThat(new TimeSeries("x", "s", new long[] {100, 700}, new double[] {1, 2}).fromZero().times())
                .containsExactly(0, 600);
    }

    @Test
    void isImmutable() {
        long[] times = {0, 1};
        double[] values = {1, 2};
        TimeSeries s = new TimeSeries("x", "u", times, values);
        values[0] = 99;
        s.values()[1] = 99;
        assertThat(s.values()).containsExactly(1, 2);
    }

    @Test
    void badSeriesAreRejectedWithTheRule() {
        assertThatThrownBy(() -> new TimeSeries("x", "u", new long[] {0, 0}, new double[] {1, 2}))
                .hasMessageContaining("times must increase strictly (point 1 at 0 follows 0)");
        assertThatThrownBy(() -> new TimeSeries("x", "u", new long[] {0, 1}, new double[] {1, Double.NaN}))
                .hasMessageContaining("value at point 1 must be finite");
        assertThatThrownBy(() -> new TimeSeries("x", "u", new long[] {0}, new double[] {1, 2}))
                .hasMessageContaining("1 times but 2 values");
        assertThatThrownBy(() -> new TimeSeries("x", "u", new long[0], new double[0]))
                .hasMessageContaining("at least one point");
        assertThatThrownBy(() -> PATH.rebased(-1)).hasMessageContaining("positive start");
        assertThatThrownBy(() -> new TimeSeries("x", "u", new long[] {0, 1}, new double[] {1, 0}).logReturns())
                .hasMessageContaining("positive values");
    }
}
