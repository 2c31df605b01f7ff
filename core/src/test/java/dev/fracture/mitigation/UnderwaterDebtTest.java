package dev.fracture.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.SimulationResult;
import org.junit.jupiter.api.Test;

/**
 * Underwater debt is valued at the reference (market) prices, whatever the protocol's oracle says: the debt the
 * collateral no longer covers is bad debt waiting even while a lagging feed hides it from the protocol.
 */
class UnderwaterDebtTest {
    /**
     * ETH falls from $2,000 to $1,400 at 60 s, and the ETH feed, with a 100% deviation threshold and an hour's
     * heartbeat, does not move within the two minutes: the pool still sees alice's 10 ETH at $20,000 and liquidates
     * nothing. At the market, 10 × 1,400 = $14,000 of collateral stands against $15,000 of USDC debt: all $15,000 is
     * underwater. (Valued at the oracle, as before, it read $0.)
     */
    @Test
    void debtIsUnderwaterAtTheMarketWhileAStaleFeedStillCoversIt() {
        Fixture f = Fixture.alice("10", "15000");
        f.ethDeviationBps = 10_000;
        SimulationResult r = Fixture.run(f.snapshot(), 120, Fixture.ethStep(1400, 60), 0);
        assertThat(r.events()).isEmpty();
        assertThat(r.summary().underwaterUsd().get(Fixture.LENDER)).isCloseTo(15_000, within(1e-9));
    }

    /** At $1,600 the same 10 ETH still cover the $15,000 at the market: nothing is underwater. */
    @Test
    void debtTheCollateralStillCoversIsNotUnderwater() {
        Fixture f = Fixture.alice("10", "15000");
        f.ethDeviationBps = 10_000;
        SimulationResult r = Fixture.run(f.snapshot(), 120, Fixture.ethStep(1600, 60), 0);
        assertThat(r.summary().underwaterUsd().get(Fixture.LENDER)).isZero();
    }
}
