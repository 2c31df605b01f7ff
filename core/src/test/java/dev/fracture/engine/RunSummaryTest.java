package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import dev.fracture.scenario.PriceDriver;
import dev.fracture.scenario.Scenario;
import dev.fracture.scenario.ScenarioEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

    @Test
    void damageReachingALenderThroughACorruptedSharedFeedIsNamedAsSuch() {
        // One chain. Lender A holds ETH (the shocked asset: −10%) and also lists LINK, reading the feed link-usd.
        // Lender B holds only LINK and USDC and reads link-usd too. The feed reports half the LINK price from 60 s to
        // 120 s: B's account (1,000 LINK at $20 against 12,000 USDC, HF 1.33) reads HF 0.67 and is liquidated.
        // No asset of B stands on ETH, no other protocol sells LINK, and A has no liquidations: the shared feed is
        // the only channel.
        AssetId link = AssetId.of("LINK");
        AssetId usdc = AssetId.of("USDC");
        ChainId eth = ChainId.of("ethereum");
        OracleId linkUsd = OracleId.of("link-usd");
        EcosystemSnapshot s = new EcosystemSnapshot("shared-feed", Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new Chain(eth, "Ethereum", 12, ETH,
                        new GasPriceModel(10, 0, 0.125))),
                List.of(new Asset(ETH, eth, "ETH", 18, new AssetKind.Native(),
                                2000),
                        new Asset(usdc, eth, "USDC", 6,
                                new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1),
                        new Asset(link, eth, "LINK", 18, new AssetKind.Token(),
                                20)),
                List.of(),
                List.of(cp("eth-usdc", eth, ETH, usdc, "1000", "2000000"),
                        cp("link-usdc", eth, link, usdc, "100000", "2000000")),
                List.of(new OracleSpec.Push(OracleId.of("eth-usd"), ETH, "USD",
                                3600, 50, 8, 0),
                        new OracleSpec.Push(OracleId.of("usdc-usd"), usdc,
                                "USD", 86_400, 25, 8, 0),
                        new OracleSpec.Push(linkUsd, link, "USD", 3600, 50, 8, 0)),
                List.of(lender("lender-a", List.of(ETH, link, usdc), ETH, "10", "5000"),
                        lender("lender-b", List.of(link, usdc), link, "1000", "12000")));
        Scenario scenario = new Scenario("feed", "shared-feed", 300, 1,
                List.of(new PriceDriver.StepShock(ETH, -0.1, 24)), null,
                List.of(new ScenarioEvent.OracleWrongValue(linkUsd, 60, 120, 0.5)), List.of(),
                List.of(), List.of());
        SimulationSetup setup = ScenarioSetup.of(scenario, s, 1).setup();
        SimulationResult r = CascadeSimulator.DEFAULT.run(new SimulationSetup(s, 300, 1, setup.basePrices(),
                Map.of(), List.of(FLASH), 0, setup.baseFees(), setup.oracleFaults(), List.of())
                .withDynamics(setup.dynamics()));
        assertThat(r.summary().shockedAsset()).isEqualTo(ETH);
        assertThat(r.events()).isNotEmpty().allSatisfy(e -> assertThat(e.protocol().value()).isEqualTo("lender-b"));
        assertThat(r.summary().contagion()).singleElement().satisfies(row -> {
            assertThat(row.protocol()).isEqualTo(ProtocolId.of("lender-b"));
            assertThat(row.channel()).isEqualTo(ContagionChannel.SHARED_ORACLE);
            assertThat(row.via()).isEqualTo("link-usd");
        });
    }

    private static VenueSpec cp(String id, ChainId chain, AssetId a,
                                                   AssetId b, String ra, String rb) {
        return new VenueSpec.ConstantProduct(VenueId.of(id), chain, a, b,
                new BigDecimal(ra), new BigDecimal(rb), 0);
    }

    private static ProtocolSpec lender(String id, List<AssetId> reserves, AssetId collateral,
                                                          String amount, String debt) {
        AssetId usdc = AssetId.of("USDC");
        List<ProtocolSpec.PooledLending.Reserve> rs = reserves.stream().map(a ->
                new ProtocolSpec.PooledLending.Reserve(a, OracleId.of(
                        a.value().toLowerCase(Locale.ROOT) + "-usd"), 7500, 8000, 10500, 0, 0, 0, 0,
                        a.equals(usdc), 0)).toList();
        return new ProtocolSpec.PooledLending(ProtocolId.of(id), ChainId.of(
                "ethereum"), rs, List.of(), List.of(new ProtocolSpec.PooledLending.Account(
                AccountId.of("acct-" + id), 0, List.of(
                        new ProtocolSpec.PooledLending.Supply(collateral,
                                new BigDecimal(amount), true)),
                List.of(new ProtocolSpec.Balance(usdc, new BigDecimal(debt))))));
    }

    /** The same run prints the same JSON: the summary's maps iterate in id order, not in a per-JVM salted one. */
    @Test
    void theSummarysMapsIterateInIdOrder() {
        java.util.Map<ProtocolId, Double> bad = new java.util.LinkedHashMap<>();
        bad.put(ProtocolId.of("morpho"), 1.0);
        bad.put(ProtocolId.of("aave"), 2.0);
        bad.put(ProtocolId.of("maker"), 3.0);
        java.util.Map<AssetId, Double> sold = new java.util.LinkedHashMap<>();
        sold.put(AssetId.of("wbtc"), 1.0);
        sold.put(AssetId.of("eth"), 2.0);
        Summary s = new Summary(0, 0, sold, bad, bad, sold, AssetId.of("eth"), 0, 0, 1, -1);
        assertThat(s.badDebtUsd().keySet()).extracting(ProtocolId::value).containsExactly("aave", "maker", "morpho");
        assertThat(s.underwaterUsd().keySet()).extracting(ProtocolId::value).containsExactly("aave", "maker", "morpho");
        assertThat(s.forcedSalesUsd().keySet()).extracting(AssetId::value).containsExactly("eth", "wbtc");
        assertThat(s.maxDrawdown().keySet()).extracting(AssetId::value).containsExactly("eth", "wbtc");
    }
}
