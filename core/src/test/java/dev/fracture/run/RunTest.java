package dev.fracture.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.scenario.Scenario;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunTest {
    private final EcosystemSnapshot snapshot = RunFixtures.ecosystem();
    private final Scenario scenario = RunFixtures.scenario();

    private RunPlan plan(int paths, String... axes) {
        List<GridAxis> list = Arrays.stream(axes).map(a -> GridAxis.parse(a, snapshot, scenario)).toList();
        return RunPlan.of("wild-eth", scenario, snapshot, paths, new ParameterGrid(list), 42, 0);
    }

    @Test
    void resultsAreTheSameBitsOnOneThreadAndOnThree() {
        RunPlan plan = plan(12, "lender.eth.liquidationThresholdBps=7600,8000");
        List<PathRow> one = new LocalRunExecutor(1).run(plan, ProgressListener.NONE);
        List<PathRow> three = new LocalRunExecutor(3).run(plan, ProgressListener.NONE);
        assertThat(three).isEqualTo(one);
        assertThat(RunResult.of(plan, three).cells()).isEqualTo(RunResult.of(plan, one).cells());
        // The paths are not all alike: the GBM moves ETH differently on each.
        assertThat(one.stream().mapToDouble(PathRow::liquidatedUsd).distinct().count()).isGreaterThan(3);
    }

    @Test
    void everyCellRunsEveryPathWithThePathsOwnSeed() {
        RunPlan plan = plan(5, "lender.eth.ltvBps=7000,7500", "isolated.eth-usdc.lltv=0.8,0.86,0.9");
        AtomicLong started = new AtomicLong();
        AtomicLong done = new AtomicLong();
        List<PathRow> rows = new LocalRunExecutor(2).run(plan, new ProgressListener() {
            @Override
            public void started(long jobs) {
                started.set(jobs);
            }

            @Override
            public void done(long jobs) {
                done.addAndGet(jobs);
            }
        });
        assertThat(rows).hasSize(30);
        assertThat(started.get()).isEqualTo(30);
        assertThat(done.get()).isEqualTo(30);
        long[] seeds = PathSeeds.of(42, 5);
        assertThat(Arrays.stream(seeds).distinct().count()).isEqualTo(5);
        for (int i = 0; i < rows.size(); i++) {
            PathRow r = rows.get(i);
            assertThat(r.scenario()).isEqualTo("wild-eth");
            assertThat(r.cell()).isEqualTo(i / 5);
            assertThat(r.path()).isEqualTo(i % 5);
            assertThat(r.seed()).isEqualTo(seeds[i % 5]);
            assertThat(r.badDebtByProtocol()).hasSize(2);
            assertThat(r.badDebtUsd()).isEqualTo(r.badDebtByProtocol()[0] + r.badDebtByProtocol()[1]);
            assertThat(r.insolvent()).isEqualTo(r.badDebtByProtocol()[0] > 0 || r.badDebtByProtocol()[1] > 0
                    || r.underwaterUsd() > 0);
        }
        RunResult result = RunResult.of(plan, rows);
        assertThat(result.cells()).hasSize(6);
        assertThat(result.cells()).allSatisfy(c -> assertThat(c.paths()).isEqualTo(5));
    }

    @Test
    void pathSeedsDoNotDependOnHowManyPathsRun() {
        assertThat(Arrays.copyOf(PathSeeds.of(9, 100), 10)).containsExactly(PathSeeds.of(9, 10));
        assertThat(PathSeeds.of(9, 10)).doesNotContain(PathSeeds.of(10, 10));
    }

    @Test
    void aLowerThresholdLiquidatesMoreOnTheSamePaths() {
        // Common random numbers: the same seeds in both cells, so the threshold alone makes the difference.
        RunPlan plan = plan(10, "lender.eth.liquidationThresholdBps=7600,8000");
        RunResult r = RunResult.of(plan, new LocalRunExecutor(2).run(plan, ProgressListener.NONE));
        for (int p = 0; p < 10; p++) {
            assertThat(r.rows().get(p).liquidatedUsd()).as("path %d", p)
                    .isGreaterThanOrEqualTo(r.rows().get(10 + p).liquidatedUsd());
        }
    }

    @Test
    void borrowingPowerIsCollateralValueTimesLtv() {
        // Pooled: 50 ETH x $2,000 x 75% = 75,000; isolated: 5 ETH x $2,000 x 0.86 = 8,600.
        assertThat(BorrowingPower.usd(snapshot)).isCloseTo(83_600, within(1e-6));
        CellInputs cut = GridAxis.parse("lender.eth.ltvBps=5000", snapshot, scenario).parameter()
                .apply(new CellInputs(snapshot, scenario), 5000);
        assertThat(BorrowingPower.usd(cut.snapshot())).isCloseTo(50 * 2000 * 0.5 + 8_600, within(1e-6));
    }

    @Test
    void adviceTakesTheMostBorrowingPowerUnderTheTarget() {
        RunPlan plan = plan(40, "lender.eth.ltvBps=6000,7000,7500", "lender.eth.liquidationThresholdBps=7600,8000");
        RunResult r = RunResult.of(plan, new LocalRunExecutor(2).run(plan, ProgressListener.NONE));
        double loosest = r.cells().stream().mapToDouble(c -> c.shortfallUsd().var95().value()).max().orElseThrow();
        Advisor.Advice a = Advisor.advise(r, Advisor.Loss.SHORTFALL, 0.95, loosest).orElseThrow();
        // Every cell is under the loosest target: the highest LTV wins (7,500 bps), then the lower VaR.
        assertThat(a.feasibleCells()).isEqualTo(6);
        assertThat(a.cell().cell().value(0)).isEqualTo(7500);
        double best = r.cells().stream().filter(c -> c.cell().value(0) == 7500)
                .mapToDouble(c -> c.shortfallUsd().var95().value()).min().orElseThrow();
        assertThat(a.valueAtRisk().value()).isEqualTo(best);
        assertThatThrownBy(() -> Advisor.advise(r, Advisor.Loss.SHORTFALL, 0.9, 1))
                .hasMessageContaining("0.95 and 0.99");
        assertThatThrownBy(() -> Advisor.Loss.parse("debt")).hasMessageContaining("bad-debt, shortfall");
    }

    @Test
    void adviceOnCellsWorkedByHand() {
        // Shortfall samples: A = 1..100 (VaR95 = 95, interval upper bound the 100th value = 100), B = 2, 4, ..., 200
        // (VaR95 = 190), C = 0.5, 1, ..., 50 (VaR95 = 47.5); borrowing power 100, 200, 50.
        RunResult r = new RunResult(plan(1), List.of(), List.of(cell(0, 1, 100), cell(1, 2, 200), cell(2, 0.5, 50)));
        assertThat(Advisor.advise(r, Advisor.Loss.SHORTFALL, 0.95, 10)).isEmpty();
        assertThat(Advisor.advise(r, Advisor.Loss.SHORTFALL, 0.95, 50).orElseThrow().cell().cell().index()).isEqualTo(2);
        Advisor.Advice a = Advisor.advise(r, Advisor.Loss.SHORTFALL, 0.95, 100).orElseThrow();
        assertThat(a.cell().cell().index()).isZero();
        assertThat(a.valueAtRisk().value()).isEqualTo(95);
        assertThat(a.feasibleCells()).isEqualTo(2);
        assertThat(a.confidentlyUnderTarget()).isTrue();
        assertThat(Advisor.advise(r, Advisor.Loss.SHORTFALL, 0.95, 99.5).orElseThrow().confidentlyUnderTarget())
                .isFalse();
        assertThat(Advisor.advise(r, Advisor.Loss.SHORTFALL, 0.95, 190).orElseThrow().cell().cell().index())
                .isEqualTo(1);
    }

    private static CellSummary cell(int index, double scale, double borrowingPower) {
        double[] losses = new double[100];
        for (int i = 0; i < 100; i++) {
            losses[i] = scale * (i + 1);
        }
        MetricStats s = MetricStats.of(losses, 1);
        return new CellSummary(new GridCell(index, new double[0]), 100, s, s, s, s, Estimators.proportion(0, 100),
                borrowingPower);
    }

    @Test
    void theLocalExecutorIsFoundByName() {
        assertThat(ServiceLoader.load(RunExecutor.Provider.class).stream().map(p -> p.get().name()))
                .contains("local");
    }

    @Test
    void impossiblePlansAreRefused() {
        ParameterGrid none = ParameterGrid.none();
        assertThatThrownBy(() -> RunPlan.of("x", scenario, snapshot, 0, none, 1, 0)).hasMessageContaining("paths");
        assertThatThrownBy(() -> RunPlan.of("x", scenario, snapshot, 1, none, 1, Double.NaN))
                .hasMessageContaining("insolvency threshold");
        assertThatThrownBy(() -> new LocalRunExecutor(0)).hasMessageContaining("threads");
    }
}
