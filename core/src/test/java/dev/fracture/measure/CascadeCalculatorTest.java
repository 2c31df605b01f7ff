package dev.fracture.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AssetId;
import org.junit.jupiter.api.Test;

/** The cascade fixpoint and the critical shock on the hand-built {@link TwoProtocolSystem}, worked by hand. */
class CascadeCalculatorTest {
    private static final ImpactModel IMPACT = new DepthImpact(TwoProtocolSystem.linearDepth());

    private static ShockProjection projection(boolean withAave) {
        ExposureBook book = ExposureBook.of(TwoProtocolSystem.of(withAave));
        return book.project(book.scope(AssetId.of("eth")));
    }

    @Test
    void aShockAboveEveryThresholdRestsWhereItStarted() {
        CascadeCurve.Point p = CascadeCalculator.DEFAULT.fixpoint(projection(true), IMPACT, -0.10);
        assertThat(p.finalShock()).isCloseTo(-0.10, within(1e-12));
        assertThat(p.positions()).isZero();
        assertThat(p.iterations()).isZero();
    }

    @Test
    void crossingAaveSellsEnoughToTakeMorphoDown() {
        // At 0.89: A falls, 600,000 USD sold moves ETH by 0.6/25 = 2.4%: 0.89 · 0.976 = 0.86864 < 0.88, so B falls;
        // 18.6 M sold moves it by 18.6/25 = 74.4%: the price rests at 0.89 · 0.256 = 0.22784, a fall of 77.216%.
        CascadeCurve.Point p = CascadeCalculator.DEFAULT.fixpoint(projection(true), IMPACT, -0.11);
        assertThat(p.positions()).isEqualTo(2);
        assertThat(p.iterations()).isEqualTo(2);
        assertThat(p.forcedSalesUsd()).isCloseTo(18_600_000, within(1e-3));
        assertThat(p.finalShock()).isCloseTo(0.89 * 0.256 - 1, within(1e-9));
    }

    @Test
    void theCriticalShockIsAavesThresholdBecauseMorphoFollows() {
        CascadeCurve curve = CascadeCalculator.DEFAULT.curve(projection(true), IMPACT, ShockGrid.DEFAULT,
                CascadeCalculator.DEFAULT_JUMP_THRESHOLD);
        assertThat(curve.critical()).isNotNull();
        assertThat(curve.critical().shock()).isCloseTo(-0.105, within(2e-7));
        assertThat(curve.critical().finalShockAbove()).isCloseTo(-0.105, within(2e-7));
        assertThat(curve.critical().finalShockBelow()).isCloseTo(0.895 * 0.256 - 1, within(1e-6));
        assertThat(curve.critical().liquidatedBelow()).containsExactly("morpho/wsteth-usdc/B", "aave/pool/A");
    }

    @Test
    void withoutAaveTheFracturePointIsMorphosOwnThreshold() {
        // B alone: below 0.88 it sells 18 M, a 72% fall: from 0.88 the price rests at 0.88 · 0.28 = 0.2464.
        CascadeCurve curve = CascadeCalculator.DEFAULT.curve(projection(false), IMPACT, ShockGrid.DEFAULT,
                CascadeCalculator.DEFAULT_JUMP_THRESHOLD);
        assertThat(curve.critical().shock()).isCloseTo(-0.12, within(2e-7));
        assertThat(curve.critical().finalShockBelow()).isCloseTo(0.88 * 0.28 - 1, within(1e-6));
    }

    @Test
    void anImpactTooSmallToJumpHasNoCriticalShock() {
        // 1e12 USD of depth: the whole 18.6 M moves the price by under 0.002%, never a 5% jump.
        ImpactModel deep = new DepthImpact(DepthCurve.of(new double[] {0, 0.5}, new double[] {0, 0.5e12}));
        CascadeCurve curve = CascadeCalculator.DEFAULT.curve(projection(true), deep, ShockGrid.DEFAULT, 0.05);
        assertThat(curve.critical()).isNull();
        assertThat(curve.points()).hasSize(91);
    }

    @Test
    void badThresholdsAndShocksAreRefused() {
        ShockProjection p = projection(true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CascadeCalculator.DEFAULT.fixpoint(p, IMPACT, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shock must be a finite fraction");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CascadeCalculator.DEFAULT.curve(p, IMPACT,
                ShockGrid.DEFAULT, 0)).hasMessageContaining("jumpThreshold must be in (0, 1)");
    }
}
