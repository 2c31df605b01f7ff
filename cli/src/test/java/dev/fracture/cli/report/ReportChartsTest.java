package dev.fracture.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.engine.LiquidationEvent;
import dev.fracture.engine.SimulationResult;
import dev.fracture.engine.Summary;
import dev.fracture.engine.Trace;
import dev.fracture.io.BundledEcosystems;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Chart data from a trace written by hand: six blocks at 2, 4, ..., 12 s, sampled in 5-second intervals (intervals
 * [0,5), [5,10), [10,15) hold the blocks at 2 and 4, 6 and 8, 10 and 12 s).
 */
class ReportChartsTest {
    private static final EcosystemSnapshot DEFI = BundledEcosystems.load("defi-2025");

    private static final List<String> COLUMNS = List.of("ref:eth", "ref:usdc", "ref:steth", "oracle:eth-usd",
            "venue:uniswap-v2-usdc-eth", "liquidated:aave-v3", "badDebt:aave-v3", "sold:eth", "sold:usdc");

    // ref:eth, ref:usdc, ref:steth, oracle:eth-usd, venue (USDC in ETH), liquidated, badDebt, sold:eth, sold:usdc
    private static final double[][] ROWS = {
            {3300, 1, 3300, 3300, 1 / 3300.0, 0, 0, 0, 0},
            {3000, 1, 2990, 3300, 1 / 3000.0, 100, 0, 50, 0},
            {2800, 1, 2790, 2800, 0.0004, 0, 0, 50, 0},
            {2700, 1, 2690, 2800, 0.0004, 250, 10, 150, 0},
            {2600, 1, 2590, 2600, 0.0005, 40, 10, 180, 0},
            {2500, 1, 2490, 2600, 0.0005, 60, 25, 200, 0}};

    private static Trace trace() {
        return new Trace(COLUMNS, new long[] {2, 4, 6, 8, 10, 12}, new int[] {0, 0, 0, 0, 0, 0},
                List.of("ethereum"), ROWS);
    }

    private static SimulationResult result() {
        Summary summary = new Summary(450, 3, Map.of(AssetId.of("eth"), 200.0), Map.of(ProtocolId.of("aave-v3"), 25.0),
                Map.of(), Map.of(AssetId.of("eth"), 0.2424), AssetId.of("eth"), 0.24, 0.2424, 1.01, 12);
        LiquidationEvent ev = new LiquidationEvent(4, ChainId.of("ethereum"), 2, ProtocolId.of("aave-v3"),
                AccountId.of("a-1"), "searcher-1", AssetId.of("usdc"), 100, AssetId.of("eth"), 0.035, 0, 100, 105,
                5, 0);
        return new SimulationResult(1, trace(), List.of(ev), summary, Map.of(), List.of(), List.of());
    }

    @Test
    void levelsAreTheLastBlockOfEachInterval() {
        Chart.Series s = new TraceSampler(trace(), 5).levels("eth", "ref:eth");
        assertThat(s.x()).containsExactly(4, 8, 12);
        assertThat(s.y()).containsExactly(3000, 2700, 2500);
    }

    @Test
    void amountsAreSummedOverEachIntervalAtItsStart() {
        Chart.Series s = new TraceSampler(trace(), 5).sums("aave-v3", "liquidated:aave-v3");
        assertThat(s.x()).containsExactly(0, 5, 10);
        assertThat(s.y()).containsExactly(100, 250, 100);
    }

    @Test
    void intervalCutsTheHorizonIntoAtMostMaxPoints() {
        assertThat(TraceSampler.intervalFor(3600, 360)).isEqualTo(10);
        assertThat(TraceSampler.intervalFor(3601, 360)).isEqualTo(11);
        assertThat(TraceSampler.intervalFor(100, 360)).isEqualTo(1);
        assertThatThrownBy(() -> new TraceSampler(trace(), 0)).hasMessageContaining("at least 1 s");
    }

    @Test
    void ethFamilyIsItsBridgedLiquidStakingAndReceiptTokensAcrossHops() {
        AssetFamily f = AssetFamily.around(DEFI, AssetId.of("wsteth"));
        assertThat(f.root()).isEqualTo(AssetId.of("eth"));
        assertThat(f.members()).extracting(AssetId::value).containsExactly("eth", "aethweth", "steth",
                "ueth-hyperliquid", "weth-arbitrum", "weth-base", "wsteth");
    }

    @Test
    void chartsOfAHandWrittenTrace() {
        List<Chart> charts = ReportCharts.of(DEFI, result(), new TraceSampler(trace(), 5));
        assertThat(charts).extracting(Chart::id).containsExactly("reference-prices", "oracle-prices",
                "venue-prices", "liquidations", "bad-debt", "forced-sales");
        Chart refs = charts.get(0);
        // Only eth and steth of the family have columns in this trace; usdc is not of the family.
        assertThat(refs.series()).extracting(Chart.Series::name).containsExactly("eth", "steth");
        assertThat(refs.series().get(1).y()).containsExactly(2990, 2690, 2490);
        assertThat(charts.get(1).series()).extracting(Chart.Series::name).containsExactly("eth-usd");
        assertThat(charts.get(1).series().get(0).y()).containsExactly(3300, 2800, 2600);
        // USDC is the pool's first asset, ETH its second: ETH in USD = ref(USDC) / spot(USDC in ETH).
        Chart venues = charts.get(2);
        assertThat(venues.series()).extracting(Chart.Series::name).containsExactly("uniswap-v2-usdc-eth (eth)");
        assertThat(venues.series().get(0).y()).containsExactly(3000, 2500, 2000);
        assertThat(charts.get(3).title()).isEqualTo("Debt liquidated per 5 s, by protocol");
        assertThat(charts.get(3).style()).isEqualTo(Chart.Style.STEP);
        assertThat(charts.get(4).series().get(0).y()).containsExactly(0, 10, 25);
        // Forced sales: only assets that were sold.
        assertThat(charts.get(5).series()).extracting(Chart.Series::name).containsExactly("eth");
        assertThat(charts.get(5).series().get(0).y()).containsExactly(50, 150, 200);
    }

    @Test
    void eventLogPutsLiquidationsAndOtherEventsInTimeOrder() {
        SimulationResult r = result();
        SimulationResult withLog = new SimulationResult(r.seed(), r.trace(), r.events(), r.summary(), r.liquidators(),
                r.notSimulated(), List.of(new dev.fracture.engine.RunEvent(2, ChainId.of("ethereum"), 1,
                        "oracle-freeze", "eth-usd", "feed stops updating", 0)));
        List<EventLog.Entry> log = EventLog.of(withLog);
        assertThat(log).extracting(EventLog.Entry::kind).containsExactly("oracle-freeze", "liquidation");
        assertThat(log.get(1).subject()).isEqualTo("aave-v3 a-1");
        assertThat(log.get(1).detail()).isEqualTo("searcher-1 repaid 100 usdc, seized 0.0350000 eth");
    }

    @Test
    void graphMarksTheLiquidatedCollateralAndItsFeed() {
        ExposureGraph g = ExposureGraph.of(DEFI, result());
        assertThat(g.edges()).filteredOn(ExposureGraph.Edge::hit)
                .extracting(e -> e.from() + " " + e.relation() + " " + e.to())
                .contains("asset:eth collateral protocol:aave-v3", "oracle:eth-usd reads protocol:aave-v3",
                        "asset:eth observes oracle:eth-usd")
                .doesNotContain("asset:wbtc collateral protocol:aave-v3", "asset:wsteth collateral protocol:morpho-blue");
        assertThat(g.nodes()).filteredOn(n -> n.id().equals("protocol:aave-v3")).singleElement()
                .satisfies(n -> assertThat(n.damageUsd()).isEqualTo(25.0));
        assertThat(g.nodes()).filteredOn(n -> n.id().equals("protocol:morpho-blue")).singleElement()
                .satisfies(n -> assertThat(n.hit()).isFalse());
    }
}
