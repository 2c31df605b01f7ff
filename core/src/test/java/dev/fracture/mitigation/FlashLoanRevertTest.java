package dev.fracture.mitigation;

import static dev.fracture.mitigation.Fixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.SimulationResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A flash-loan liquidation must repay its loan out of its sale within its transaction; when the venues moved since
 * it was planned, it reverts. Worked by hand: a fee-free pool of 50 ETH and 100,000 USDC (ETH at $2,000, not
 * arbitraged); alice and bob each hold 10 ETH against 15,000 USDC; ETH's feed moves to $1,800 at 60 s. Each is at HF
 * 10 × 1800 × 0.8 / 15,000 = 0.96: half the debt may be repaid, seizing 1.05 / 1,800 ETH per USDC. The liquidator
 * sells until the pool's marginal price meets what each seized ETH costs it with Aave's 0.05% flash-loan premium,
 * 1,800 / 1.05 × 1.0005 = 1,715.14 USDC: (50 + s)² = 100,000 × 50 / 1,715.14, s = 3.9927 ETH for 6,844.6 USDC of
 * debt — both positions sized against the same pool. Whichever lands first sells 3.9927 ETH for
 * 100,000 × 3.9927 / 53.9927 = 7,394.8 USDC, repays 6,844.6 × 1.0005 = 6,848.0 and keeps the rest. The other's sale
 * would then bring 92,605 × 3.9927 / 57.9854 = 6,376.5 USDC, short of the 6,848.0 it owes: its transaction reverts,
 * and it stays unliquidated — the pool now prices ETH at its cost, so nothing more is planned. Sent as a private
 * bundle, the reverted transaction costs nothing: the liquidator's gas is the one landing's.
 */
class FlashLoanRevertTest {
    @Test
    void theSecondFlashLiquidationIntoAMovedPoolRevertsInsteadOfLandingAtALoss() {
        Fixture f = Fixture.alice("10", "15000").account("bob", Map.of(ETH, "10"), "15000");
        f.poolEth = "50";
        f.poolUsdc = "100000";
        SimulationResult r = Fixture.run(f.snapshot(), 120, Fixture.ethStep(1800, 60), 0);
        double s = Math.sqrt(100_000 * 50 / (1800 / 1.05 * 1.0005)) - 50;
        double repay = s * 1800 / 1.05;
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(60);
            assertThat(e.seized()).isCloseTo(s, within(1e-6));
            assertThat(e.repaid()).isCloseTo(repay, within(1e-3));
            assertThat(e.proceeds()).isCloseTo(100_000 * s / (50 + s), within(1e-3));
            assertThat(e.proceeds()).isGreaterThan(e.repaid() * 1.0005);
        });
        assertThat(r.liquidators().get("flash").reverted()).isEqualTo(1);
        // One landing's gas only: 400,000 gas × (10 gwei base + 1 gwei tip) = 0.0044 ETH at $1,800.
        assertThat(r.liquidators().get("flash").gasUsd()).isCloseTo(400_000 * 11e-9 * 1800, within(1e-9));
        assertThat(r.liquidators().get("flash").liquidations()).isEqualTo(1);
    }
}
