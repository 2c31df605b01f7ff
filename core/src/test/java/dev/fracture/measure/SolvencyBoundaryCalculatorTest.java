package dev.fracture.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AssetId;
import org.junit.jupiter.api.Test;

/** The solvency boundary of {@link TwoProtocolSystem} against its linear depth, worked by hand. */
class SolvencyBoundaryCalculatorTest {

    @Test
    void boundaryIsWhereForcedSalesFirstExceedTheDepthWithinTheBand() {
        ExposureBook book = ExposureBook.of(TwoProtocolSystem.of(true));
        ShockProjection p = book.project(book.scope(AssetId.of("eth")));
        // Depth within 2%: 0.02 · 25 M = 500,000 USD. At −11% only A is liquidatable: 600,000 sold, ratio 1.2 > 1.
        // At −10% nothing is: ratio 0. So the boundary is −11%, at 3000 · 0.89 = 2670 USD.
        SolvencyBoundary b = SolvencyBoundaryCalculator.DEFAULT.boundary(p, TwoProtocolSystem.linearDepth(),
                ShockGrid.DEFAULT, 0.02);
        assertThat(b.absorbableUsd()).isCloseTo(500_000, within(1e-6));
        assertThat(b.boundaryShock()).isEqualTo(-0.11);
        assertThat(b.boundaryPriceUsd()).isCloseTo(2670, within(1e-9));
        assertThat(b.points().get(10).ratio()).isZero();
        assertThat(b.points().get(11).ratio()).isCloseTo(1.2, within(1e-12));
        // At −12%, B joins: (600,000 + 18,000,000) / 500,000 = 37.2.
        assertThat(b.points().get(13).ratio()).isCloseTo(37.2, within(1e-9));
    }
}
