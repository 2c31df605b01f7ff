package dev.fracture.protocol.perp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PoolPerpTest {
    // 0.1% position fee, 63% of fees to LPs, caps 1M per side, 50x, liquidation below 1% of size, 5 USD keeper fee.
    static final PoolParams PARAMS = new PoolParams(0.001, 0.63, 1_000_000, 1_000_000, 50, 0.01, 5);

    @Test
    void lpsPayAWinningTraderAndKeepFees() {
        // Long 100,000 USD at 2,000 (50 ETH) with 10,100 deposited: fee 100 -> collateral 10,000; pool +63,
        // venue +37. Price 2,200: P&L 50 × 200 = 10,000; close fee 100: trader receives 10,000 + 10,000 − 100.
        PoolState s0 = PoolState.seeded(1_000_000);
        PoolTrade open = PoolPerp.DEFAULT.open(s0, PARAMS, true, 10_100, 100_000, 2_000);
        assertThat(open.position().sizeInTokens()).isCloseTo(50, within(1e-12));
        assertThat(open.position().collateralUsd()).isCloseTo(10_000, within(1e-9));
        assertThat(open.state().poolCash()).isCloseTo(1_000_063, within(1e-9));
        assertThat(open.state().longOpenInterest()).isEqualTo(100_000);
        assertThat(PoolPerp.DEFAULT.lpValue(open.state(), List.of(open.position()), 2_200))
                .isCloseTo(1_000_063 - 10_000, within(1e-9));
        PoolTrade close = PoolPerp.DEFAULT.close(open.state(), PARAMS, open.position(), 2_200);
        assertThat(close.traderCash()).isCloseTo(19_900, within(1e-9));
        assertThat(close.state().poolCash()).isCloseTo(1_000_063 - 10_000 + 63, within(1e-9));
        assertThat(close.state().venueFees()).isCloseTo(74, within(1e-9));
        assertThat(close.state().longOpenInterest()).isZero();
    }

    @Test
    void liquidationPaysTheCollateralToThePool() {
        // Same long; at 1,820 the P&L is −9,000: 10,000 − 9,000 − 100 = 900 < 1% × 100,000 = 1,000: liquidatable.
        // At 1,830: 10,000 − 8,500 − 100 = 1,400: not. Keeper gets 5, pool the other 9,995.
        PoolTrade open = PoolPerp.DEFAULT.open(PoolState.seeded(1_000_000), PARAMS, true, 10_100, 100_000, 2_000);
        assertThat(PoolPerp.DEFAULT.liquidatable(open.position(), PARAMS, 1_830)).isFalse();
        assertThat(PoolPerp.DEFAULT.liquidatable(open.position(), PARAMS, 1_820)).isTrue();
        PoolTrade liq = PoolPerp.DEFAULT.liquidate(open.state(), PARAMS, open.position(), 1_820);
        assertThat(liq.state().poolCash()).isCloseTo(1_000_063 + 9_995, within(1e-9));
        assertThat(liq.state().keeperFees()).isEqualTo(5);
        assertThat(liq.traderCash()).isZero();
    }
}
