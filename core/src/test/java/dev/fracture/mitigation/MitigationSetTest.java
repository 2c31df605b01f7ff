package dev.fracture.mitigation;

import static dev.fracture.mitigation.Fixture.ETH;
import static dev.fracture.mitigation.Fixture.LENDER;
import static dev.fracture.mitigation.Fixture.WBTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.SimulationSetup;
import dev.fracture.engine.SquareRootImpact;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.scenario.MitigationSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building the run's mitigations: cross-checks against the snapshot, labels, and determinism with all ten on. */
class MitigationSetTest {
    private static final EcosystemSnapshot SNAPSHOT = Fixture.alice("10", "15000").snapshot();

    @Test
    void whatTheSnapshotLacksIsNamedWithTheMitigationAndTheField() {
        assertThatThrownBy(() -> MitigationSet.of(List.of(new MitigationSpec.SyntheticLiquidityLayer(1, 1),
                new MitigationSpec.CircuitBreaker(AssetId.of("DOGE"), 0.1, 60, 60, MitigationSpec.Scope.TRADING)),
                SNAPSHOT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mitigation CircuitBreaker (mitigations[1]): asset 'DOGE' is not an asset of snapshot "
                        + "'mitigation-test'");
        assertThatThrownBy(() -> MitigationSet.of(List.of(new MitigationSpec.ProgressivePenalty(
                ProtocolId.of("aave"), 0.05, 600, 10, 1000)), SNAPSHOT))
                .hasMessage("mitigation ProgressivePenalty (mitigations[0]): protocol 'aave' is not a protocol of "
                        + "snapshot 'mitigation-test'");
        assertThatThrownBy(() -> MitigationSet.of(List.of(new MitigationSpec.Backstop(ProtocolId.of("x"), 1, 0.1)),
                SNAPSHOT)).hasMessageContaining("mitigation Backstop (mitigations[0]): protocol 'x'");
        assertThatThrownBy(() -> MitigationSet.of(List.of(new MitigationSpec.CollateralSegmentation(LENDER, 0.5,
                List.of(ETH, AssetId.of("DAI")))), SNAPSHOT))
                .hasMessage("mitigation CollateralSegmentation (mitigations[0]): correlatedGroup[1] 'DAI' is not an "
                        + "asset of snapshot 'mitigation-test'");
        assertThatThrownBy(() -> MitigationSet.of(List.of(new MitigationSpec.LiquidityIncentives(WBTC, 1, 0.01)),
                SNAPSHOT)).hasMessage("mitigation LiquidityIncentives (mitigations[0]): asset 'WBTC' trades in no "
                + "two-asset venue of the snapshot, so there is no market to place depth in (name the other asset "
                + "with 'against')");
        assertThatThrownBy(() -> MitigationSet.of(List.of(new MitigationSpec.LiquidityIncentives(ETH, 1, 0.01,
                AssetId.of("DAI"))), SNAPSHOT)).hasMessage("mitigation LiquidityIncentives (mitigations[0]): against "
                + "'DAI' is not an asset of snapshot 'mitigation-test'");
        assertThatThrownBy(() -> new MitigationSpec.LiquidityIncentives(ETH, 1, 0.01, ETH))
                .hasMessage("against: must differ from asset 'ETH' (a pool holds two assets)");
        assertThatThrownBy(() -> MitigationSet.of(List.of(new MitigationSpec.LiquidityIncentives(ETH, 1, 1)),
                SNAPSHOT)).hasMessageStartingWith("mitigation LiquidityIncentives (mitigations[0]): bandPct must be "
                + "below 1");
    }

    @Test
    void segmentationAndIsolationApplyToPooledLendingOnly() {
        // Once isolated, the protocol is a set of Morpho-style markets: segmenting it after is refused.
        EcosystemSnapshot isolated = MitigationSet.of(List.of(new MitigationSpec.IsolatedMarkets(LENDER)), SNAPSHOT)
                .snapshot();
        assertThatThrownBy(() -> MitigationSet.of(List.of(new MitigationSpec.CollateralSegmentation(LENDER, 0.5,
                List.of(ETH, WBTC))), isolated))
                .hasMessage("mitigation CollateralSegmentation (mitigations[0]): protocol 'lender' is IsolatedLending;"
                        + " this mitigation applies to a pooled lending protocol (PooledLending)");
    }

    @Test
    void aSetupWithABadMitigationIsRejectedWhenBuilt() {
        SimulationSetup ok = Fixture.setup(SNAPSHOT, 60, Fixture.ethStep(1800, 30), 0);
        assertThatThrownBy(() -> ok.withMitigations(List.of(new MitigationSpec.IsolatedMarkets(ProtocolId.of("y")))))
                .hasMessageContaining("protocol 'y' is not a protocol");
        assertThat(ok.mitigations()).isEmpty();
    }

    @Test
    void eachMitigationIsCheckedAgainstTheSnapshotTheEarlierOnesLeft() {
        assertThatThrownBy(() -> MitigationSet.of(List.of(new MitigationSpec.IsolatedMarkets(LENDER),
                new MitigationSpec.CollateralSegmentation(LENDER, 0.5, List.of(ETH, WBTC))), SNAPSHOT))
                .hasMessageStartingWith("mitigation CollateralSegmentation (mitigations[1]): protocol 'lender' is "
                        + "IsolatedLending");
    }

    @Test
    void theSameKindTwiceGetsNumberedLabels() {
        MitigationSet set = MitigationSet.of(List.of(new MitigationSpec.LiquidationRateLimit(null, 1, 2),
                new MitigationSpec.LiquidationRateLimit(null, 3, 4)), SNAPSHOT);
        assertThat(set.labels()).containsExactly("rate-limit/all", "rate-limit/all#2");
        assertThat(set.traceColumns()).contains("mitigation:rate-limit/all#2:heldBackUsd");
    }

    @Test
    void allTenTogetherRunDeterministically() {
        List<MitigationSpec> all = List.of(
                new MitigationSpec.DynamicParameters(5, 1000, 100, 60),
                new MitigationSpec.CircuitBreaker(ETH, 0.2, 300, 120, MitigationSpec.Scope.LIQUIDATIONS),
                new MitigationSpec.LiquidationRateLimit(null, 5000, 50_000),
                new MitigationSpec.ProgressivePenalty(LENDER, 0.05, 300, 50, 1500),
                new MitigationSpec.InternalDutchAuction(LENDER, 3000, 600, 0.05, 0.1),
                new MitigationSpec.Backstop(null, 2000, 0.01),
                new MitigationSpec.SyntheticLiquidityLayer(4000, 600),
                new MitigationSpec.LiquidityIncentives(ETH, 50_000, 0.02),
                new MitigationSpec.CollateralSegmentation(LENDER, 0.9, List.of(ETH, WBTC)),
                new MitigationSpec.IsolatedMarkets(LENDER));
        SimulationSetup s = new SimulationSetup(new Fixture().account("alice", Map.of(ETH, "10"), "15000")
                .account("bob", Fixture.collateral(ETH, "6", WBTC, "0.1", Fixture.USDC, "4000"), "14000").snapshot(),
                1200, 7, Fixture.ethStep(1500, 60), Map.of(ETH, new SquareRootImpact(0.8, 5e6, 0.04)),
                List.of(Fixture.FLASH), 1e6).withMitigations(all);
        var a = CascadeSimulator.DEFAULT.run(s);
        var b = CascadeSimulator.DEFAULT.run(s);
        assertThat(a.trace().hash()).isEqualTo(b.trace().hash());
        assertThat(a.mitigations()).hasSize(10);
        assertThat(a.mitigations()).isEqualTo(b.mitigations());
        assertThat(a.events()).isNotEmpty();
    }
}
