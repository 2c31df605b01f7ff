package dev.fracture.engine;

import static dev.fracture.engine.TwoChainEcosystem.ETH;
import static dev.fracture.engine.TwoChainEcosystem.POOL_ARB;
import static dev.fracture.engine.TwoChainEcosystem.POOL_ETH;
import static dev.fracture.engine.TwoChainEcosystem.USDC;
import static dev.fracture.engine.TwoChainEcosystem.USDC_ARB;
import static dev.fracture.engine.TwoChainEcosystem.WETH_ARB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.market.Market;
import dev.fracture.market.Venue;
import dev.fracture.model.EcosystemSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The unified-liquidity counterfactual on {@link TwoChainEcosystem}: two fee-free constant-product pools of 1,000 ETH
 * and 2,000,000 USDC, one per chain, become one pool of 2,000 and 4,000,000.
 */
class UnifiedMarketTest {

    @Test
    void thePoolsOfOnePairOnTwoChainsTradeAsOnePoolWithTheirSummedReserves() {
        Market m = UnifiedMarket.of(TwoChainEcosystem.of(600, 1e9, 0, null, null));
        Venue onEthereum = m.venue(POOL_ETH).orElseThrow();
        Venue onArbitrum = m.venue(POOL_ARB).orElseThrow();
        assertThat(onEthereum.depth(ETH, USDC, 0.02)).isCloseTo(2000 * (1 / Math.sqrt(0.98) - 1), within(1e-9));
        // x·y = k with 2,000 × 4,000,000: selling 10 ETH pays 4,000,000 × 10 / 2,010.
        assertThat(onEthereum.swapExactIn(ETH, USDC, 10).amountOut()).isCloseTo(4e6 * 10 / 2010, within(1e-6));
        // The Arbitrum view is the same pool, now at 4,000,000·2,000 / 2,010² per ETH.
        assertThat(onArbitrum.spotPrice(WETH_ARB, USDC_ARB)).isCloseTo(4e6 * 2000 / (2010.0 * 2010.0),
                within(1e-6));
        assertThat(m.snapshot().bridges()).allSatisfy(b -> assertThat(b.latencySeconds()).isZero());
    }

    @Test
    void providersOfOneMemberWithdrawFromItsPartOfTheMergedPoolOnly() {
        Market m = UnifiedMarket.of(TwoChainEcosystem.of(600, 1e9, 0, null, null));
        double[] out = m.venue(POOL_ARB).orElseThrow().withdrawLiquidity(0.5);
        assertThat(out[0]).isCloseTo(500, within(1e-9));
        // 1,000 ETH from the Ethereum pool and 500 left in the Arbitrum one.
        assertThat(m.venue(POOL_ETH).orElseThrow().depth(ETH, USDC, 0.02))
                .isCloseTo(1500 * (1 / Math.sqrt(0.98) - 1), within(1e-9));
    }

    @Test
    void theFragmentationCostOfALiquidationIsTheSlippageTheMergedPoolSaves() {
        // ETH at $1,800, no arbitrage: the Ethereum lender's account (10 ETH / 15,000 USDC) loses 4.375 ETH for
        // 7,500 USDC (CascadeSimulatorTest). Fragmented, the ETH is sold into the Ethereum pool alone; unified, into
        // the merged one. Slippage paid differs by exactly the difference in proceeds.
        EcosystemSnapshot s = TwoChainEcosystem.of(600, 1e9, 0, new String[] {"10", "15000"}, null);
        SimulationSetup setup = new SimulationSetup(s, 600, 1, TwoChainEcosystem.ethStep(1800, 60), Map.of(),
                List.of(CascadeSimulatorTestSupport.FLASH), 0);
        FragmentationCost cost = FragmentationCost.of(setup);
        double fragmented = 2e6 * 4.375 / (1000 + 4.375);
        double unified = 4e6 * 4.375 / (2000 + 4.375);
        assertThat(cost.fragmented().events()).singleElement().satisfies(e ->
                assertThat(e.proceeds()).isCloseTo(fragmented, within(1e-6)));
        assertThat(cost.unified().events()).singleElement().satisfies(e ->
                assertThat(e.proceeds()).isCloseTo(unified, within(1e-6)));
        assertThat(cost.slippageUsd()).isCloseTo(unified - fragmented, within(1e-6)).isPositive();
        assertThat(cost.liquidatedUsd()).isZero();
        assertThat(cost.badDebtUsd()).isZero();
    }
}
