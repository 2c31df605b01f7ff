package dev.fracture.cli;

import dev.fracture.io.RiskReportJson;
import dev.fracture.measure.CascadeCurve;
import dev.fracture.measure.ContagionNetwork;
import dev.fracture.measure.Depth;
import dev.fracture.measure.FeedDependency;
import dev.fracture.measure.Fragmentation;
import dev.fracture.measure.LiquidationCurve;
import dev.fracture.measure.Lvar;
import dev.fracture.measure.RiskReport;
import dev.fracture.measure.RiskReportBuilder;
import dev.fracture.model.AssetId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fracture report}: the standard risk report of an ecosystem (docs/risk-report.md). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The standard risk report: per asset, liquidation and cascade-adjusted curves, critical shock, "
                + "depth and liquidity velocity, solvency boundary, LVaR, concentration and fragmentation cost; then "
                + "oracle dependency and the contagion network's DebtRank. Tables by default; --json prints the "
                + "report in its versioned JSON schema.")
public final class ReportCommand implements Callable<Integer> {
    /** Shocks the tables show; the JSON holds every percent. */
    private static final double[] SHOWN = {-0.05, -0.10, -0.20, -0.30, -0.50, -0.70, -0.90};

    @Spec
    private CommandSpec spec;

    @Mixin
    private EcosystemOption ecosystem;

    @Option(names = "--asset", paramLabel = "ID", description = "Report this asset only (default: every asset held "
            + "as collateral or owed as debt).")
    private String asset;

    @Option(names = "--volatility", paramLabel = "ASSET=SIGMA", split = ",",
            description = "Daily volatility of an asset as a fraction (eth=0.045), for its LVaR; repeatable.")
    private Map<String, String> volatility = new LinkedHashMap<>();

    @Option(names = "--monte-carlo", paramLabel = "ASSET=FILE", split = ",",
            description = "A sweep's JSON (fracture sweep --json) holding Monte Carlo paths of a shock to ASSET: the "
                    + "report states its LaR and VaR over the scenario's horizon; repeatable.")
    private Map<String, java.nio.file.Path> monteCarlo = new LinkedHashMap<>();

    @Option(names = "--cell", defaultValue = "0", description = "With --monte-carlo: the grid cell whose paths to use. "
            + "Default: ${DEFAULT-VALUE}.")
    private int cell;

    @Mixin
    private JsonOption output;

    @Override
    public Integer call() {
        Map<AssetId, Double> sigma = new LinkedHashMap<>();
        volatility.forEach((a, v) -> sigma.put(AssetId.of(a), parseSigma(a, v)));
        List<AssetId> assets = asset == null ? List.of() : List.of(AssetId.of(asset));
        if (cell < 0) {
            throw new IllegalArgumentException("--cell must be >= 0 (was " + cell + ")");
        }
        var snapshot = ecosystem.load();
        Map<AssetId, dev.fracture.measure.MonteCarloSample> samples = new LinkedHashMap<>();
        for (Map.Entry<String, java.nio.file.Path> e : monteCarlo.entrySet()) {
            if (snapshot.asset(AssetId.of(e.getKey())).isEmpty()) {
                throw new IllegalArgumentException("--monte-carlo " + e.getKey() + "=" + e.getValue() + ": '"
                        + e.getKey() + "' is not an asset of " + snapshot.name());
            }
            samples.put(AssetId.of(e.getKey()), MonteCarloFile.read(e.getValue(), cell));
        }
        RiskReport report = RiskReportBuilder.DEFAULT.build(snapshot, assets,
                RiskReport.Options.DEFAULT.withVolatility(sigma).withSamples(samples));
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(RiskReportJson.write(report));
            out.flush();
            return 0;
        }
        print(out, report);
        return 0;
    }

    private static double parseSigma(String asset, String value) {
        double s;
        try {
            s = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--volatility " + asset + "=" + value + ": not a number");
        }
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("--volatility " + asset + "=" + value
                    + ": a daily volatility must be a finite fraction > 0 (0.045 = 4.5% a day)");
        }
        return s;
    }

    private static void print(PrintWriter out, RiskReport r) {
        out.printf("Risk report v%s of %s as of %s: %d protocols, %,d positions%n", r.schemaVersion(),
                r.snapshot().ecosystem(), r.snapshot().asOf(), r.snapshot().protocols(), r.snapshot().positions());
        for (RiskReport.AssetRisk a : r.assets()) {
            printAsset(out, a, r.parameters());
        }
        out.printf("%nOracle dependency%n");
        TextTable o = new TextTable("feed", "type", "asset", "protocols", "collateral secured USD", "debt secured USD");
        for (FeedDependency f : r.oracles()) {
            o.row(f.oracle(), f.type(), f.asset(), f.protocols().isEmpty() ? "-"
                    : f.protocols().stream().map(Object::toString).collect(Collectors.joining(" ")),
                    TextTable.amount(f.collateralSecuredUsd()), TextTable.amount(f.debtSecuredUsd()));
        }
        o.print(out);
        out.printf("%nContagion: DebtRank (share of all value lent lost beyond the node's own), top 10%n");
        TextTable c = new TextTable("node", "DebtRank", "distresses");
        List<ContagionNetwork.Node> nodes = new ArrayList<>(r.contagion().nodes());
        nodes.sort(Comparator.comparingDouble(ContagionNetwork.Node::debtRank).reversed()
                .thenComparing(ContagionNetwork.Node::id));
        for (ContagionNetwork.Node n : nodes.subList(0, Math.min(10, nodes.size()))) {
            c.row(n.id(), String.format("%.4f", n.debtRank()), n.distressed().isEmpty() ? "-"
                    : String.join(" ", n.distressed().subList(0, Math.min(4, n.distressed().size())))
                    + (n.distressed().size() > 4 ? " ..." : ""));
        }
        c.print(out);
        out.flush();
    }

    private static void printAsset(PrintWriter out, RiskReport.AssetRisk a, RiskReport.Parameters p) {
        out.printf("%n== %s (%s on %s) at %s USD; moves with it: %s%n", a.asset(), a.symbol(), a.chain(),
                TextTable.amount(a.referencePriceUsd()),
                a.curve().movesWith().stream().map(AssetId::value).collect(Collectors.joining(", ")));
        // Just above the critical shock, the first figure this model produces.
        out.println(ImpactModelLine.of(a.cascade().impactModel(), a.cascade().impactParameters()));
        TextTable s = new TextTable("measure", "value");
        CascadeCurve.CriticalShock k = a.cascade().critical();
        s.row("critical shock (fracture point)", k == null ? "none on the grid"
                : pct(k.shock()) + " -> rests at " + pct(k.finalShockBelow()));
        s.row("solvency boundary (sales > depth within " + pct(p.boundaryBand()) + ")",
                a.boundary().boundaryShock() == null ? "none on the grid"
                        : pct(a.boundary().boundaryShock()) + " (" + TextTable.amount(a.boundary().boundaryPriceUsd())
                        + " USD)");
        for (Depth.Band b : a.depth().bands()) {
            s.row("depth within " + pct(b.move()) + " (USD)", TextTable.amount(b.absorbedUsd()));
        }
        s.row("liquidity velocity (USD/hour)", TextTable.amount(a.depth().velocityUsdPerHour()));
        s.row("HHI over protocols / accounts", String.format("%.4f / %.4f", a.concentration().hhiProtocols(),
                a.concentration().hhiAccounts()));
        s.row("top-10 accounts' share", pct(a.concentration().top10Share()));
        Fragmentation f = a.fragmentation();
        if (f != null) {
            for (Fragmentation.Order o : f.orders()) {
                s.row("fragmentation cost, " + TextTable.amount(o.sizeUsd()) + " USD sold for " + f.buy(),
                        String.format("%.1f bps%s", o.fragmentationCostBps(), o.complete() ? "" : " (not filled)"));
            }
        }
        for (Lvar l : a.lvar()) {
            s.row("LVaR " + l.holder() + " (" + pct(l.confidence()) + ", " + l.horizonDays() + " d) USD",
                    TextTable.amount(l.lvarUsd()) + " = " + TextTable.amount(l.marketVarUsd()) + " + "
                            + TextTable.amount(l.liquidationCostUsd()));
        }
        if (a.lvar().isEmpty()) {
            s.row("LVaR", "not computed: give --volatility " + a.asset() + "=SIGMA");
        }
        if (a.tailRisk() != null) {
            dev.fracture.measure.TailRisk tr = a.tailRisk();
            String over = " over " + tr.horizonSeconds() + " s, " + tr.paths() + " paths (USD)";
            s.row("LaR 95%" + over, TextTable.amount(tr.liquidationsAtRisk95Usd()));
            s.row("bad-debt VaR 95%" + over, TextTable.amount(tr.badDebtVar95Usd()));
            s.row("bad-debt VaR 99%" + over, TextTable.amount(tr.badDebtVar99Usd()));
        }
        s.print(out);
        out.println();
        TextTable t = new TextTable("shock", "liquidatable USD", "positions", "by protocol", "cascade rests at",
                "forced sales USD");
        for (double shock : SHOWN) {
            LiquidationCurve.Point pt = a.curve().at(shock).orElse(null);
            CascadeCurve.Point cp = a.cascade().points().stream()
                    .filter(x -> Math.abs(x.initialShock() - shock) < 1e-12).findFirst().orElse(null);
            if (pt == null || cp == null) {
                continue;
            }
            t.row(pct(shock), TextTable.amount(pt.collateralUsd()), pt.positions(),
                    pt.byProtocol().isEmpty() ? "-" : pt.byProtocol().entrySet().stream()
                            .map(e -> e.getKey() + " " + TextTable.amount(e.getValue()))
                            .collect(Collectors.joining(", ")),
                    pct(cp.finalShock()), TextTable.amount(cp.forcedSalesUsd()));
        }
        t.print(out);
    }

    private static String pct(double fraction) {
        return String.format("%.2f%%", 100 * fraction);
    }
}
