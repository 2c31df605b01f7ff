package dev.fracture.protocol.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The surface against numbers worked by hand from its stated parametrization. */
class VolSurfaceTest {
    /** Pillars 20% at 3 months (w = 0.04 × 0.25 = 0.01) and 30% at 1 year (w = 0.09 × 1 = 0.09). */
    private static final List<AtmPoint> PILLARS = List.of(new AtmPoint(0.25, 0.20), new AtmPoint(1.0, 0.30));

    @Test
    void atmVolIsInterpolatedInTotalVarianceNotInVol() {
        VolSurface surface = VolSurface.of(PILLARS);
        // T = 0.5: w = 0.01 + (0.5 − 0.25)/(1 − 0.25) × (0.09 − 0.01) = 0.0366667; σ = √(w / 0.5) = 0.2708013.
        assertThat(surface.atmTotalVariance(0.5)).isCloseTo(0.0366666667, within(1e-10));
        assertThat(surface.atmVol(0.5)).isCloseTo(0.2708013, within(1e-7));
        // Linear in vol would have given 0.2333; variance interpolation weighs the longer pillar more.
        assertThat(surface.atmVol(0.5)).isGreaterThan(0.2334);
        assertThat(surface.atmVol(0.25)).isCloseTo(0.20, within(1e-15));
        assertThat(surface.atmVol(1.0)).isCloseTo(0.30, within(1e-15));
    }

    @Test
    void volIsFlatOutsideThePillars() {
        VolSurface surface = VolSurface.of(PILLARS);
        assertThat(surface.atmVol(0.1)).isCloseTo(0.20, within(1e-15));
        assertThat(surface.atmTotalVariance(0.1)).isCloseTo(0.004, within(1e-15));
        assertThat(surface.atmVol(2.0)).isCloseTo(0.30, within(1e-15));
    }

    @Test
    void smileAddsSkewAndCurvatureInLogMoneyness() {
        VolSurface surface = new VolSurface(PILLARS, -0.10, 0.05, 0.05);
        // k = ln(0.9) = −0.1053605: 0.2708013 + (−0.10)(−0.1053605) + 0.05 × 0.0111008 = 0.2818924.
        assertThat(surface.vol(Math.log(0.9), 0.5)).isCloseTo(0.2818924, within(1e-7));
        // The put wing is above the call wing at the same distance: the skew.
        assertThat(surface.vol(-0.2, 0.5)).isGreaterThan(surface.vol(0.2, 0.5));
    }

    @Test
    void strikeIsReadAgainstTheForward() {
        VolSurface surface = new VolSurface(PILLARS, -0.10, 0.05, 0.05);
        PricingContext market = new PricingContext(100, 0, 0.05, 0.01, surface);
        // F = 100 e^(0.04 × 0.5) = 102.0201; k = ln(100/F) = −0.02; σ = 0.2708013 + 0.002 + 0.00002 = 0.2728213.
        assertThat(market.forward(0.5)).isCloseTo(102.0201340, within(1e-7));
        assertThat(surface.vol(100, market.forward(0.5), 0.5)).isCloseTo(0.2728213, within(1e-7));
    }

    @Test
    void floorKeepsTotalVariancePositiveInTheFarWing() {
        VolSurface surface = new VolSurface(PILLARS, -0.10, 0, 0.05);
        // Far call wing, k = 5: 0.2708 − 0.5 < 0, so the floor holds: w = 0.05² × 0.5.
        assertThat(surface.vol(5, 0.5)).isEqualTo(0.05);
        assertThat(surface.totalVariance(5, 0.5)).isCloseTo(0.00125, within(1e-15));
    }
}
