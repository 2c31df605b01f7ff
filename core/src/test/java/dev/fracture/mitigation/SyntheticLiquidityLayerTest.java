package dev.fracture.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.SimulationResult;
import dev.fracture.scenario.MitigationSpec;
import org.junit.jupiter.api.Test;

/**
 * ETH to $1,500 at 60 s, no arbitrage and no impact law: the reference stays $1,500. Alice's 10 ETH are all seized.
 * A layer of $9,000 capacity takes 9000 / 1500 = 6 ETH at $1,500 and unwinds them over 600 s: 0.01 ETH, $15 at its
 * purchase price, per second — capacity / unwindSeconds — that is 0.12 ETH per 12 s block.
 */
class SyntheticLiquidityLayerTest {
    private static final String LAYER = "mitigation:synthetic-layer:";

    @Test
    void theLayerAbsorbsUpToItsCapacityAndUnwindsExactlyCapacityOverUnwindPerSecond() {
        SimulationResult r = Fixture.run(Fixture.alice("10", "15000").snapshot(), 720, Fixture.ethStep(1500, 60), 0,
                new MitigationSpec.SyntheticLiquidityLayer(9_000, 600));
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.seized()).isCloseTo(10, within(1e-12));
            // 4 ETH reach the pool in the block: $6,000 of forced selling.
            assertThat(e.soldUsd()).isCloseTo(4 * 1500, within(1e-9));
            assertThat(e.proceeds()).isCloseTo(9_000 + 20_000_000 * 4 / 10_004.0, within(1e-6));
        });
        assertThat(Fixture.at(r, LAYER + "outstandingUsd", 60)).isCloseTo(9_000, within(1e-9));
        for (long t = 72; t <= 660; t += 12) {
            double unwound = 15.0 * (t - 60);
            assertThat(Fixture.at(r, LAYER + "unwoundUsd", t)).as("at %d s", t).isCloseTo(unwound, within(1e-6));
            assertThat(Fixture.at(r, LAYER + "outstandingUsd", t)).isCloseTo(9_000 - unwound, within(1e-6));
            // Cumulative forced selling of ETH, USD at the reference: the liquidator's 4 ETH plus the unwinding.
            assertThat(Fixture.at(r, "sold:ETH", t)).isCloseTo(6_000 + 0.01 * (t - 60) * 1500, within(1e-6));
        }
        assertThat(Fixture.at(r, LAYER + "outstandingUsd", 720)).isCloseTo(0, within(1e-9));
        assertThat(Fixture.at(r, "sold:ETH", 720)).isCloseTo(15_000, within(1e-6));
        assertThat(Fixture.outcome(r, "synthetic-layer").capitalCostUsd()).isEqualTo(9_000);
    }
}
