package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary's time to stabilize, per-chain bad debt, slippage and contagion table, worked by hand. */
class RunSummaryTest {
    private static final AssetId ETH = AssetId.of("ETH");
    private static final LiquidatorProfile FLASH = CascadeSimulatorTestSupport.FLASH;

    private static BasePrices step(double to) {
        return (a, t) -> a.equals(ETH) ? (t >= 60 ? to : 2000) : 1;
    }

    @Test
    void aStepShockStabilizesInTheBlockOfTheStepWhenNothingIsLiquidated() {
        // 10 ETH against 10,000 USDC stays healthy at $1,800. Blocks every 12 s: the block at 48 s is 11% off the
        // final $1,800, the one at 60 s is on it, and nothing is liquidated.
        SimulationResult r = CascadeSimulator.DEFAULT.run(new SimulationSetup(
                CascadeSimulatorTestSupport.ecosystem("10", "10000"), 600, 1, step(1800), Map.of(), List.of(FLASH),
                0));
        assertThat(r.events()).isEmpty();
        assertThat(r.summary().timeToStabilize()).isEqualTo(60);
    }

    @Test
    void aLiquidationInTheStepsBlockPushesStabilityToTheNextBlock() {
        // 15,000 USDC of debt: liquidated at 60 s (CascadeSimulatorTest works it out); no impact law, so the price
        // is final from 60 s, but a liquidation landed then: the first block after it is at 72 s.
        SimulationResult r = CascadeSimulator.DEFAULT.run(new SimulationSetup(
                CascadeSimulatorTestSupport.ecosystem("10", "15000"), 600, 1, step(1800), Map.of(), List.of(FLASH),
                0));
        assertThat(r.summary().lastLiquidationTime()).isEqualTo(60);
        assertThat(r.summary().timeToStabilize()).isEqualTo(72);
        // Slippage: 4.375 ETH worth 4.375 × 1,800 sold for 20,000,000 × 4.375 / 10,004.375 USDC.
        double proceeds = 20_000_000 * 4.375 / (10_000 + 4.375);
        assertThat(r.summary().slippageUsd().get(ProtocolId.of("lender")))
                .isCloseTo(4.375 * 1800 - proceeds, within(1e-6));
        assertThat(r.trace().series("slippage:lender")[r.trace().blocks() - 1])
                .isCloseTo(4.375 * 1800 - proceeds, within(1e-6));
    }

    @Test
    void stabilityWaitsForThePriceToEnterTheBandAndStayThere() {
        long[] times = {12, 24, 36, 48};
        assertThat(SummaryBuilder.timeToStabilize(times, new double[] {100, 90, 99.6, 100}, -1)).isEqualTo(36);
        assertThat(SummaryBuilder.timeToStabilize(times, new double[] {100, 90, 99.6, 100}, 36)).isEqualTo(48);
        assertThat(SummaryBuilder.timeToStabilize(times, new double[] {100, 90, 99.6, 100}, 48)).isEqualTo(-1);
    }

    @Test
    void damageReachingALenderThroughABridgedTokenIsNamedAsSuch() {
        // ETH falls 25%. The Ethereum lender holds ETH itself (direct exposure, not contagion). The Arbitrum lender
        // holds only WETH.arb and USDC.arb, reads feeds no one else reads, no oracle event happens, nothing it holds
        // is sold by another protocol's liquidations, and its liquidator (capital on Arbitrum only) is not the
        // Ethereum lender's: the bridged token is the only channel there is.
        EcosystemSnapshot s = TwoChainEcosystem.of(600, 1e9, 10, new String[] {"10", "15000"},
                new String[] {"10", "15000"});
        LiquidatorProfile onEthereum = new LiquidatorProfile("on-ethereum", Map.of(TwoChainEcosystem.ETHEREUM,
                Map.of(TwoChainEcosystem.USDC, 1e6)), false, 1, 1, 0, 0, 1, 0);
        LiquidatorProfile onArbitrum = new LiquidatorProfile("on-arbitrum", Map.of(TwoChainEcosystem.ARBITRUM,
                Map.of(TwoChainEcosystem.USDC_ARB, 1e6)), false, 1, 1, 0, 0, 1, 0);
        SimulationResult r = CascadeSimulator.DEFAULT.run(new SimulationSetup(s, 600, 1,
                TwoChainEcosystem.ethStep(1500, 60), Map.of(), List.of(onEthereum, onArbitrum), 0));
        assertThat(r.events()).extracting(LiquidationEvent::liquidator).containsExactlyInAnyOrder("on-ethereum",
                "on-arbitrum");
        assertThat(r.summary().contagion()).singleElement().satisfies(row -> {
            assertThat(row.protocol()).isEqualTo(ProtocolId.of("lender-arb"));
            assertThat(row.chain()).isEqualTo(ChainId.of("arbitrum"));
            assertThat(row.channel()).isEqualTo(ContagionChannel.BRIDGED_ASSET);
            assertThat(row.via()).isEqualTo("WETH.arb");
            // As on Ethereum at $1,500: 10 × 1500 / 1.05 repaid, the rest bad debt.
            assertThat(row.liquidatedUsd()).isCloseTo(10 * 1500 / 1.05, within(1e-4));
            assertThat(row.badDebtUsd()).isCloseTo(15_000 - 10 * 1500 / 1.05, within(1e-4));
        });
        assertThat(r.summary().badDebtByChain().get(ChainId.of("arbitrum")))
                .isCloseTo(15_000 - 10 * 1500 / 1.05, within(1e-4));
        assertThat(r.summary().badDebtByChain().get(ChainId.of("ethereum")))
                .isCloseTo(15_000 - 10 * 1500 / 1.05, within(1e-4));
    }
}
