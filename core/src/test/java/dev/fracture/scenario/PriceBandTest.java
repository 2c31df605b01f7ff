package dev.fracture.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.engine.SquareRootImpact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** The band's edges hold what its comment says, against the engine figures they were chosen from. */
class PriceBandTest {
    /** As the lending books convert an oracle's answer: USD with 8 decimals, rounded half-even, into a long. */
    static long eightDecimals(double usd) {
        return BigDecimal.valueOf(usd).movePointRight(8).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    @Test
    void theFloorSurvivesTheLargestImpactAsAPositiveAnswer() {
        double afterImpact = PriceBand.MIN_USD * (1 - SquareRootImpact.MAX_FRACTION);
        assertThat(eightDecimals(afterImpact)).isEqualTo(5);
        assertThat(eightDecimals(1e-8 * (1 - SquareRootImpact.MAX_FRACTION))).as("a floor of one unit").isZero();
    }

    @Test
    void theCeilingLeavesRoomInALong() {
        assertThat(eightDecimals(PriceBand.MAX_USD)).isEqualTo(1_000_000_000_000_000L);
        assertThat(Long.MAX_VALUE / eightDecimals(PriceBand.MAX_USD)).isGreaterThanOrEqualTo(9000);
    }

    @Test
    void theLargestWrongAnswerOfTheCeilingFitsALongNineTimesOver() {
        long worst = eightDecimals(PriceBand.MAX_USD * ScenarioEvent.OracleWrongValue.MAX_FACTOR);
        assertThat(worst).isEqualTo(1_000_000_000_000_000_000L);
        assertThat(Long.MAX_VALUE / worst).isEqualTo(9);
    }
}
