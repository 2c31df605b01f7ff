package dev.fracture.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.scenario.LiquidityProviderSpec;
import dev.fracture.scenario.MitigationSpec;
import dev.fracture.scenario.Scenario;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterGridTest {
    private final EcosystemSnapshot snapshot = RunFixtures.ecosystem();
    private final Scenario scenario = RunFixtures.scenario();

    private GridAxis axis(String text) {
        return GridAxis.parse(text, snapshot, scenario);
    }

    @Test
    void cellsCoverEveryCombinationOnceInRowMajorOrder() {
        ParameterGrid grid = new ParameterGrid(List.of(axis("lender.eth.ltvBps=6000,7000"),
                axis("isolated.eth-usdc.lltv=0.7:0.9:0.1"), axis("mitigation.backstop.fundUsd=1e6,2e6")));
        assertThat(grid.size()).isEqualTo(12);
        Set<List<Double>> seen = new HashSet<>();
        for (GridCell c : grid.cells()) {
            seen.add(List.of(c.value(0), c.value(1), c.value(2)));
        }
        assertThat(seen).hasSize(12);
        for (double ltv : new double[] {6000, 7000}) {
            for (double lltv : new double[] {0.7, 0.8, 0.9}) {
                for (double fund : new double[] {1e6, 2e6}) {
                    assertThat(seen).contains(List.of(ltv, lltv, fund));
                }
            }
        }
        assertThat(grid.cell(0).values()).containsExactly(6000, 0.7, 1e6);
        assertThat(grid.cell(1).values()).containsExactly(6000, 0.7, 2e6);
        assertThat(grid.cell(11).values()).containsExactly(7000, 0.9, 2e6);
        assertThat(ParameterGrid.none().cells()).singleElement().satisfies(c -> assertThat(c.values()).isEmpty());
    }

    @Test
    void valuesApplyToCopiesAndLeaveTheOriginalsAlone() {
        ParameterGrid grid = new ParameterGrid(List.of(axis("lender.eth.liquidationThresholdBps=8500"),
                axis("isolated.eth-usdc.lltv=0.77"), axis("mitigation.circuit-breaker.eth.movePct=0.2")));
        CellInputs in = grid.apply(new CellInputs(snapshot, scenario), grid.cell(0));
        ProtocolSpec.PooledLending lender = (ProtocolSpec.PooledLending) in.snapshot().protocol(RunFixtures.LENDER)
                .orElseThrow();
        assertThat(lender.reserves().get(0).liquidationThresholdBps()).isEqualTo(8500);
        ProtocolSpec.IsolatedLending iso = (ProtocolSpec.IsolatedLending) in.snapshot()
                .protocol(RunFixtures.ISOLATED).orElseThrow();
        assertThat(iso.markets().get(0).lltv()).isEqualTo(new BigInteger("770000000000000000"));
        assertThat(((MitigationSpec.CircuitBreaker) in.scenario().mitigations().get(0)).movePct()).isEqualTo(0.2);
        // The originals still hold their values.
        ProtocolSpec.PooledLending original = (ProtocolSpec.PooledLending) snapshot.protocol(RunFixtures.LENDER)
                .orElseThrow();
        assertThat(original.reserves().get(0).liquidationThresholdBps()).isEqualTo(8000);
        assertThat(((MitigationSpec.CircuitBreaker) scenario.mitigations().get(0)).movePct()).isEqualTo(0.1);
        assertThat(RunFixtures.ecosystem()).isEqualTo(snapshot);
    }

    /**
     * A cell's scenario is the scenario with the swept value and nothing else changed: liquidity providers who
     * withdraw as volatility rises stay in it (a copy that dropped them ran every cell of a mitigation sweep on a
     * market whose providers stay put).
     */
    @Test
    void aMitigationCellKeepsEverythingElseOfTheScenarioTheLiquidityProvidersIncluded() {
        Scenario base = scenario;
        Scenario withProviders = new Scenario(base.name(), base.ecosystem(), base.horizonSeconds(), base.seed(),
                base.drivers(), base.correlation(), base.events(), base.mitigations(), base.liquidators(),
                base.impact(), new LiquidityProviderSpec(1800, 0.02, 3, 0.25));
        ParameterGrid grid = new ParameterGrid(List.of(axis("mitigation.circuit-breaker.eth.movePct=0.2")));
        Scenario cell = grid.apply(new CellInputs(snapshot, withProviders), grid.cell(0)).scenario();
        assertThat(cell.liquidityProviders()).isEqualTo(new LiquidityProviderSpec(1800, 0.02, 3, 0.25));
        assertThat(cell.withMitigations(withProviders.mitigations())).isEqualTo(withProviders);
    }

    @Test
    void badGridsSayWhatIsWrong() {
        assertBad("nope.eth.ltvBps=1", "unknown protocol 'nope'", "[lender, isolated]");
        assertBad("lender.wbtc.ltvBps=1", "no reserve 'wbtc'", "[eth, usdc]");
        assertBad("lender.eth.ltv=1", "unknown reserve field 'ltv'", "ltvBps");
        assertBad("isolated.other.lltv=0.5", "no market 'other'");
        assertBad("isolated.eth-usdc.ltv=0.5", "unknown field 'ltv'");
        assertBad("lender.eth.ltvBps=", "has no values");
        assertBad("lender.eth.ltvBps=7000,NaN", "must be finite");
        assertBad("lender.eth.ltvBps=7000,abc", "'abc' is not a number");
        assertBad("lender.eth.ltvBps=7000,7000", "listed twice");
        assertBad("lender.eth.ltvBps=8000:7000:100", "empty axis");
        assertBad("lender.eth.ltvBps=7000:8000:0", "step must be > 0");
        assertBad("lender.eth.ltvBps", "must be NAME=");
        assertBad("lender..ltvBps=1", "empty part");
        assertBad("mitigation.isolated-markets.protocol=1", "sweeps vary mitigation types");
        assertBad("mitigation.circuit-breaker.wbtc.movePct=0.1", "no circuit-breaker mitigation for 'wbtc'");
        assertBad("mitigation.backstop.size=1", "unknown field 'size'");
    }

    @Test
    void impossibleValuesAreRefusedWhenThePlanIsMade() {
        assertBadPlan("lender.eth.ltvBps=7000,8500", "ltvBps", "liquidationThresholdBps");
        assertBadPlan("lender.eth.ltvBps=7000.5", "whole number");
        assertBadPlan("isolated.eth-usdc.lltv=0.5,1.2", "fraction in (0, 1)");
        assertBadPlan("mitigation.circuit-breaker.eth.movePct=0.1,1.5", "movePct");
        assertBadPlan("mitigation.backstop.fundUsd=-5", "fundUsd");
    }

    private void assertBad(String axis, String... fragments) {
        assertThatThrownBy(() -> axis(axis)).isInstanceOf(IllegalArgumentException.class)
                .message().contains(fragments);
    }

    private void assertBadPlan(String axis, String... fragments) {
        ParameterGrid grid = new ParameterGrid(List.of(axis(axis)));
        assertThatThrownBy(() -> RunPlan.of("wild-eth", scenario, snapshot, 2, grid, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).message().contains(fragments);
    }
}
