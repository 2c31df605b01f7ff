package dev.fracture.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Interpolation, inversion and liquidation cost of a depth curve, by hand. */
class DepthCurveTest {
    // 1 M within 1%, 3 M within 3%, 4 M within 10%.
    private final DepthCurve curve = DepthCurve.of(new double[] {0, 0.01, 0.03, 0.10},
            new double[] {0, 1_000_000, 3_000_000, 4_000_000});

    @Test
    void interpolatesAndInverts() {
        assertThat(curve.absorbedWithin(0.02)).isCloseTo(2_000_000, within(1e-6));
        assertThat(curve.moveFor(2_000_000)).isCloseTo(0.02, within(1e-15));
        assertThat(curve.moveFor(3_500_000)).isCloseTo(0.065, within(1e-15));
        assertThat(curve.moveFor(9e9)).isEqualTo(0.10);
    }

    @Test
    void liquidationCostIsTheAreaUnderTheMove() {
        // 0..1 M at 0→1%: 1 M · 0.5% = 5,000; 1..3 M at 1→3%: 2 M · 2% = 40,000; 3..3.5 M at 3→6.5%: 0.5 M · 4.75%
        // = 23,750. Total 68,750.
        assertThat(curve.liquidationCostUsd(3_500_000)).isCloseTo(68_750, within(1e-6));
        // Past the 4 M the curve holds, the rest sells at the last move: 4 M cost 5,000 + 40,000 + 1 M · 6.5% =
        // 110,000, plus 1 M · 10%.
        assertThat(curve.liquidationCostUsd(5_000_000)).isCloseTo(210_000, within(1e-6));
    }

    @Test
    void refusesCurvesThatAreNotCurves() {
        assertThatThrownBy(() -> DepthCurve.of(new double[] {0, 0.02, 0.01}, new double[] {0, 1, 2}))
                .hasMessageContaining("moves must increase");
        assertThatThrownBy(() -> DepthCurve.of(new double[] {0, 0.02}, new double[] {0, Double.NaN}))
                .hasMessageContaining("absorbedUsd must be finite and non-decreasing");
        assertThatThrownBy(() -> curve.moveFor(Double.NaN)).hasMessageContaining("sold volume must be a finite number");
    }
}
