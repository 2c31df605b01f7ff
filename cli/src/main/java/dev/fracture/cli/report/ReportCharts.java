package dev.fracture.cli.report;

import dev.fracture.engine.SimulationResult;
import dev.fracture.engine.Trace;
import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.market.Venue;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts of a run's report, taken from its trace (see {@link Trace} for the columns): reference, oracle and
 * venue prices of the shocked asset and the assets derived from it, debt liquidated per interval by protocol, bad
 * debt over time by protocol, and cumulative forced sales by asset. Nothing here renders.
 */
public final class ReportCharts {
    /** Points per series at most: enough for a smooth curve, few enough for a light page. */
    public static final int MAX_POINTS = 360;

    private ReportCharts() {
    }

    /** The charts in report order, sampled to at most {@link #MAX_POINTS} points per series. */
    public static List<Chart> of(EcosystemSnapshot snapshot, SimulationResult result, long horizonSeconds) {
        return of(snapshot, result, new TraceSampler(result.trace(), TraceSampler.intervalFor(horizonSeconds,
                MAX_POINTS)));
    }

    static List<Chart> of(EcosystemSnapshot snapshot, SimulationResult result, TraceSampler sampler) {
        Trace trace = result.trace();
        AssetFamily family = AssetFamily.around(snapshot, result.summary().shockedAsset());
        String symbol = snapshot.asset(family.root()).map(a -> a.symbol()).orElse(family.root().value());
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("reference-prices", "Reference prices of " + symbol + " and the assets derived from it",
                "seconds", "USD", Chart.Style.LINE, referenceSeries(family, trace, sampler)));
        charts.add(new Chart("oracle-prices", "Oracle prices of " + symbol + " and the assets derived from it",
                "seconds", "USD", Chart.Style.LINE, oracleSeries(snapshot, family, trace, sampler)));
        charts.add(new Chart("venue-prices", "Venue prices of " + symbol + " and the assets derived from it",
                "seconds", "USD", Chart.Style.LINE, venueSeries(snapshot, family, trace, sampler)));
        charts.add(new Chart("liquidations", "Debt liquidated per " + sampler.interval() + " s, by protocol",
                "seconds", "USD", Chart.Style.STEP, prefixed(trace, "liquidated:", sampler, true, false)));
        charts.add(new Chart("bad-debt", "Bad debt realized so far, by protocol", "seconds", "USD",
                Chart.Style.LINE, prefixed(trace, "badDebt:", sampler, false, false)));
        charts.add(new Chart("forced-sales", "Forced sales so far, by asset", "seconds", "USD", Chart.Style.LINE,
                prefixed(trace, "sold:", sampler, false, true)));
        return charts;
    }

    private static List<Chart.Series> referenceSeries(AssetFamily family, Trace trace, TraceSampler sampler) {
        List<Chart.Series> out = new ArrayList<>();
        for (AssetId a : family.members()) {
            if (trace.columns().contains("ref:" + a)) {
                out.add(sampler.levels(a.value(), "ref:" + a));
            }
        }
        return out;
    }

    private static List<Chart.Series> oracleSeries(EcosystemSnapshot snapshot, AssetFamily family, Trace trace,
                                                   TraceSampler sampler) {
        List<Chart.Series> out = new ArrayList<>();
        for (OracleSpec o : snapshot.oracles()) {
            boolean ofFamily = AssetFamily.pricedBy(snapshot, o.id()).filter(family::contains).isPresent();
            if (ofFamily && trace.columns().contains("oracle:" + o.id())) {
                out.add(sampler.levels(o.id().value(), "oracle:" + o.id()));
            }
        }
        return out;
    }

    /**
     * A venue's trace column is the spot price of its first asset in its second. In USD, a family asset that is
     * the first is worth spot × the second's reference price; one that is the second, the first's reference price
     * ÷ spot (both of the same block).
     */
    private static List<Chart.Series> venueSeries(EcosystemSnapshot snapshot, AssetFamily family, Trace trace,
                                                  TraceSampler sampler) {
        List<Chart.Series> out = new ArrayList<>();
        for (Venue v : Market.of(snapshot, MathMode.FAST).venues().stream()
                .sorted(java.util.Comparator.comparing(Venue::id)).toList()) {
            if (!trace.columns().contains("venue:" + v.id())) {
                continue;
            }
            AssetId first = v.assets().get(0);
            AssetId second = v.assets().get(1);
            int spot = trace.column("venue:" + v.id());
            if (family.contains(first) && trace.columns().contains("ref:" + second)) {
                int ref = trace.column("ref:" + second);
                out.add(sampler.levels(v.id() + " (" + first + ")", row -> row[spot] * row[ref]));
            } else if (family.contains(second) && trace.columns().contains("ref:" + first)) {
                int ref = trace.column("ref:" + first);
                out.add(sampler.levels(v.id() + " (" + second + ")", row -> row[ref] / row[spot]));
            }
        }
        return out;
    }

    /** One series per column named {@code prefix + id}; with {@code onlyMoved}, only columns that ever leave 0. */
    private static List<Chart.Series> prefixed(Trace trace, String prefix, TraceSampler sampler, boolean sums,
                                               boolean onlyMoved) {
        List<Chart.Series> out = new ArrayList<>();
        for (String c : trace.columns()) {
            if (!c.startsWith(prefix)) {
                continue;
            }
            String name = c.substring(prefix.length());
            if (onlyMoved && java.util.Arrays.stream(trace.series(c)).allMatch(v -> v == 0)) {
                continue;
            }
            out.add(sums ? sampler.sums(name, c) : sampler.levels(name, c));
        }
        return out;
    }
}
