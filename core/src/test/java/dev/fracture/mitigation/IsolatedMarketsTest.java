package dev.fracture.mitigation;

import static dev.fracture.mitigation.Fixture.ETH;
import static dev.fracture.mitigation.Fixture.LENDER;
import static dev.fracture.mitigation.Fixture.WBTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.SimulationResult;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.scenario.MitigationSpec;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Carol holds 10 ETH ($20,000) and 0.5 WBTC ($20,000) against 24,000 USDC. Isolated, each collateral backs the debt
 * in proportion to its value: ETH/USDC gets 10 ETH and 24000 × 20000 / 40000 = 12,000 USDC, WBTC/USDC 0.5 WBTC and
 * 12,000 USDC; each market's LLTV is the reserve's 80% threshold in WAD and its lenders supply exactly what it lends.
 */
class IsolatedMarketsTest {
    private static final MitigationSpec.IsolatedMarkets ISOLATE = new MitigationSpec.IsolatedMarkets(LENDER);

    private static EcosystemSnapshot carol() {
        return new Fixture().account("carol", Fixture.collateral(ETH, "10", WBTC, "0.5"), "24000").snapshot();
    }

    @Test
    void aPooledAccountIsSplitIntoOneMarketPerCollateralAsWorkedByHand() {
        MitigationSet set = MitigationSet.of(List.of(ISOLATE), carol());
        ProtocolSpec.IsolatedLending isolated = (ProtocolSpec.IsolatedLending) set.snapshot().protocol(LENDER)
                .orElseThrow();
        assertThat(isolated.markets()).extracting(ProtocolSpec.IsolatedLending.Market::id)
                .containsExactly("ETH/USDC", "WBTC/USDC");
        ProtocolSpec.IsolatedLending.Market eth = isolated.markets().get(0);
        assertThat(eth.lltv()).isEqualTo(new BigInteger("800000000000000000"));
        assertThat(eth.totalSupply()).isEqualByComparingTo("12000");
        assertThat(eth.positions()).singleElement().satisfies(p -> {
            assertThat(p.collateral()).isEqualByComparingTo("10");
            assertThat(p.borrow()).isEqualByComparingTo("12000");
        });
        assertThat(isolated.markets().get(1).positions()).singleElement().satisfies(p -> {
            assertThat(p.collateral()).isEqualByComparingTo("0.5");
            assertThat(p.borrow()).isEqualByComparingTo("12000");
        });
        // Every collateral found a market: Σ value × LTV is what it was.
        assertThat(set.outcomes().get(0).capitalCostUsd()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aShockToOneCollateralLiquidatesItsMarketThatThePoolWouldHaveCarried() {
        // ETH −30% to $1,400. Pooled: HF = (14000 + 20000) × 0.8 / 24000 = 1.13, safe. Isolated: the ETH/USDC market
        // has LTV 12000 / 14000 = 0.857 > 0.80 and is liquidated; the WBTC market is untouched.
        SimulationResult pooled = Fixture.run(carol(), 120, Fixture.ethStep(1400, 60), 0);
        SimulationResult isolated = Fixture.run(carol(), 120, Fixture.ethStep(1400, 60), 0, ISOLATE);
        assertThat(pooled.events()).isEmpty();
        assertThat(isolated.events()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.protocol()).isEqualTo(LENDER);
            assertThat(e.collateralAsset()).isEqualTo(ETH);
        });
    }

    /** E-mode category 1 (ETH and USDC) at LTV 90%, threshold 93%; WBTC outside it at the reserves' 75% / 80%. */
    private static Fixture inEMode() {
        Fixture f = new Fixture();
        f.eModeBonusBps = 10_100;
        f.eModeLtvBps = 9000;
        f.eModeThresholdBps = 9300;
        return f;
    }

    @Test
    void anEModePositionKeepsItsCategorysThresholdInAMarketOfItsOwn() {
        // Dave, in e-mode: 10 ETH ($20,000, in the category: threshold 93%) and 0.5 WBTC ($20,000, not: 80%) against
        // 30,000 USDC. Pooled HF = (20000 × 0.93 + 20000 × 0.80) / 30000 = 1.153. Split pro rata by value, each market
        // borrows 15,000; the ETH market's LLTV is the category's 0.93 (Morpho: one pair, several LLTVs), the WBTC
        // market's the reserve's 0.80.
        EcosystemSnapshot dave = inEMode().account("dave", Fixture.collateral(ETH, "10", WBTC, "0.5"), "30000")
                .snapshot();
        MitigationSet set = MitigationSet.of(List.of(ISOLATE), dave);
        ProtocolSpec.IsolatedLending isolated = (ProtocolSpec.IsolatedLending) set.snapshot().protocol(LENDER)
                .orElseThrow();
        assertThat(isolated.markets()).extracting(ProtocolSpec.IsolatedLending.Market::id)
                .containsExactly("ETH/USDC/emode-1", "WBTC/USDC");
        assertThat(isolated.markets()).extracting(ProtocolSpec.IsolatedLending.Market::lltv)
                .containsExactly(new BigInteger("930000000000000000"), new BigInteger("800000000000000000"));
        assertThat(isolated.markets()).allSatisfy(m -> assertThat(m.positions()).singleElement()
                .satisfies(p -> assertThat(p.borrow()).isEqualByComparingTo("15000")));
        // Borrowing power: 20000 × 0.90 + 20000 × 0.75 = 33,000 pooled, the same in the markets.
        assertThat(set.outcomes().get(0).capitalCostUsd()).isCloseTo(0, within(1e-9));
    }

    @Test
    void anEModeLoopSafeInThePoolIsNotLiquidatedByIsolationItself() {
        // 10 ETH ($20,000) against 17,000 USDC in e-mode: LTV 85%, under the category's 93% threshold (HF 1.094). At
        // the reserve's own 80% the isolated market would open liquidatable; at the category's it does not. At ETH
        // $1,800 both are liquidatable: pooled HF = 18000 × 0.93 / 17000 = 0.985, isolated LTV 17000 / 18000 = 0.944.
        EcosystemSnapshot erin = inEMode().account("erin", Fixture.collateral(ETH, "10"), "17000").snapshot();
        assertThat(Fixture.run(erin, 120, Fixture.ethStep(2000, 60), 0, ISOLATE).events()).isEmpty();
        assertThat(Fixture.run(erin, 120, Fixture.ethStep(2000, 60), 0).events()).isEmpty();
        assertThat(Fixture.run(erin, 120, Fixture.ethStep(1800, 60), 0, ISOLATE).events()).isNotEmpty();
        assertThat(Fixture.run(erin, 120, Fixture.ethStep(1800, 60), 0).events()).isNotEmpty();
    }
}
