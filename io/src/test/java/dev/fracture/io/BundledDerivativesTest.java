package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.RunEvent;
import dev.fracture.engine.ScenarioSetup;
import dev.fracture.engine.SimulationResult;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec.OptionsDealer;
import dev.fracture.model.ProtocolSpec.PerpExchange;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * defi-2025's perp exchange holds Hyperliquid's documented parameters (docs "Margin tiers", "Liquidations",
 * "Funding", "Fees"), and the derivatives take part in a run of eth-crash-30.
 */
class BundledDerivativesTest {
    @Test
    void thePerpExchangeHoldsHyperliquidsDocumentedParameters() {
        EcosystemSnapshot s = BundledEcosystems.load("defi-2025");
        PerpExchange hl = (PerpExchange) s.protocol(ProtocolId.of("hyperliquid-perps")).orElseThrow();
        assertThat(hl.chain()).isEqualTo(ChainId.of("hyperliquid"));
        assertThat(hl.settlementAsset()).isEqualTo(AssetId.of("usdc-hyperliquid"));
        assertThat(hl.insuranceFund().signum()).as("HLP is the backstop; no separate fund").isZero();
        PerpExchange.PerpMarket eth = hl.markets().get(0);
        PerpExchange.PerpMarket btc = hl.markets().get(1);
        assertThat(eth.id()).isEqualTo("ETH");
        assertThat(eth.tiers()).containsExactly(new PerpExchange.Tier(0, 25), new PerpExchange.Tier(100_000_000, 15));
        assertThat(btc.id()).isEqualTo("BTC");
        assertThat(btc.tiers()).containsExactly(new PerpExchange.Tier(0, 40), new PerpExchange.Tier(150_000_000, 20));
        for (PerpExchange.PerpMarket m : hl.markets()) {
            assertThat(m.partialLiquidationNotional()).isEqualTo(100_000);
            assertThat(m.partialLiquidationFraction()).isEqualTo(0.2);
            assertThat(m.backstopFraction()).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-15));
            assertThat(m.funding()).isEqualTo(new PerpExchange.Funding(1, 8, 0.0001, 0.0005, 0.04, 20_000));
            assertThat(m.book().takerFeePips()).isEqualTo(450);
        }
        assertThat(s.protocols().get(s.protocols().size() - 1)).isInstanceOf(OptionsDealer.class);
    }

    @Test
    void perpLiquidationsAndDealerHedgesTakePartInTheCrash() {
        LoadedScenario crash = BundledScenarios.load("eth-crash-30");
        SimulationResult r = CascadeSimulator.DEFAULT.run(ScenarioSetup.of(crash.scenario(), crash.snapshot(),
                crash.scenario().seed()).setup());
        assertThat(r.notSimulated()).doesNotContain(ProtocolId.of("hyperliquid-perps"),
                ProtocolId.of("deribit-eth-dealers"));
        Set<String> kinds = r.log().stream().map(RunEvent::kind).collect(Collectors.toSet());
        assertThat(kinds).contains("perp-liquidation", "perp-maker-hedge", "perp-funding", "dealer-hedge");
        // Every account is healthy at the snapshot's prices: the first liquidation comes with the crash at 600 s.
        assertThat(r.log()).filteredOn(e -> e.kind().equals("perp-liquidation")).allMatch(e -> e.time() >= 600);
        // The ETH longs go; the BTC leg of the cross account holding both goes with them: cross-margin contagion.
        assertThat(r.log()).anyMatch(e -> e.kind().equals("perp-liquidation") && e.subject().equals("hl-whale-long-1"));
        assertThat(r.summary().forcedSalesUsd().get(AssetId.of("wbtc"))).isPositive();
        assertThat(r.trace().columns()).contains("perpLiquidated:hyperliquid-perps", "dealerHedgeSold:"
                + "deribit-eth-dealers");
    }
}
