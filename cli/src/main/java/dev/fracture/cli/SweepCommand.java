package dev.fracture.cli;

import dev.fracture.io.RunCsv;
import dev.fracture.io.RunHtmlReport;
import dev.fracture.io.RunJson;
import dev.fracture.run.CellSummary;
import dev.fracture.run.Estimate;
import dev.fracture.run.Estimators;
import dev.fracture.run.RunPlan;
import dev.fracture.run.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fracture sweep SCENARIO --paths N --grid ...}: Monte Carlo paths over a parameter grid. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run N seeded paths of a scenario in every cell of a parameter grid and report, per cell, "
                + "the distribution of liquidations, bad debt and shortfall (mean, VaR95, VaR99, expected "
                + "shortfall), the cascade multiplier and the probability of insolvency, with 95%% intervals.")
public final class SweepCommand implements Callable<Integer> {
    /** An interval's side that the paths cannot bound; the JSON writes null. */
    static final String UNBOUNDED = "unbounded";

    @Spec
    private CommandSpec spec;

    @Mixin
    private SweepOptions options;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the per-path rows as CSV.")
    private Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the plan, cell statistics and rows as JSON.")
    private Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    private Path html;

    @Override
    public Integer call() throws IOException {
        SweepOptions.Prepared p = options.prepare();
        RunResult result = options.run(p.plan());
        if (csv != null) {
            try (Writer w = Files.newBufferedWriter(csv)) {
                RunCsv.write(result, w);
            }
        }
        if (json != null) {
            try (Writer w = Files.newBufferedWriter(json)) {
                RunJson.write(result, p.notSimulated(), w);
            }
        }
        if (html != null) {
            try (Writer w = Files.newBufferedWriter(html)) {
                RunHtmlReport.write(result, p.notSimulated(), w);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        printSummary(out, result, p.notSimulated());
        return 0;
    }

    static void printSummary(PrintWriter out, RunResult result, List<String> notSimulated) {
        RunPlan plan = result.plan();
        out.printf(Locale.ROOT, "Sweep of %s on %s: %,d paths x %,d cell(s), root seed %d%n%n", plan.scenarioId(),
                plan.snapshot().name(), plan.paths(), plan.cells(), plan.rootSeed());
        SummaryPrinter.cautions(out, plan.scenario().cautions());
        List<String> names = plan.grid().names();
        String[] headers = new String[names.size() + 6];
        headers[0] = "cell";
        for (int a = 0; a < names.size(); a++) {
            headers[a + 1] = names.get(a);
        }
        int k = names.size() + 1;
        headers[k] = "liquidated mean USD";
        headers[k + 1] = "shortfall VaR99 USD [95% CI]";
        headers[k + 2] = "shortfall ES99 USD";
        headers[k + 3] = "P(insolvent) [95% CI]";
        headers[k + 4] = "borrowing power USD";
        TextTable t = new TextTable(headers);
        for (CellSummary c : result.cells()) {
            Object[] row = new Object[headers.length];
            row[0] = c.cell().index();
            for (int a = 0; a < names.size(); a++) {
                row[a + 1] = plain(c.cell().value(a));
            }
            row[k] = TextTable.amount(c.liquidatedUsd().mean().value());
            row[k + 1] = withInterval(c.shortfallUsd().var99(), true);
            row[k + 2] = TextTable.amount(c.shortfallUsd().es99().value());
            row[k + 3] = withInterval(c.insolvencyProbability(), false);
            row[k + 4] = TextTable.amount(c.borrowingPowerUsd());
            t.row(row);
        }
        t.print(out);
        if (result.cells().stream().anyMatch(c -> Double.isInfinite(c.shortfallUsd().var99().upper()))) {
            out.printf("%n%s%n", unboundedNote("shortfall VaR99", plan.paths(), 0.99));
        }
        if (!notSimulated.isEmpty()) {
            out.printf("%nNot simulated by the engine yet (no effect on these results): %s%n",
                    String.join("; ", notSimulated));
        }
        out.flush();
    }

    /**
     * The fewest paths whose VaR at {@code level} has an upper bound: the interval's upper rank exists once all n paths
     * falling at or below the quantile is unlikely enough, level^n <= 2.5% (docs/runs.md): 72 for VaR95, 368 for
     * VaR99.
     */
    static int pathsToBoundAbove(double level) {
        double tail = (1 - Estimators.CONFIDENCE) / 2;
        int n = 1;
        while (Math.pow(level, n) > tail) {
            n++;
        }
        return n;
    }

    /** The words under a table or line that shows an unbounded side, saying why and what would bound it. */
    static String unboundedNote(String measure, int paths, double level) {
        return String.format(Locale.ROOT, "%s: %,d paths per cell cannot bound %s from above; that takes at least %,d "
                + "(docs/runs.md).", UNBOUNDED, paths, measure, pathsToBoundAbove(level));
    }

    static String withInterval(Estimate e, boolean money) {
        return (money ? TextTable.amount(e.value()) : String.format(Locale.ROOT, "%.3f", e.value())) + " ["
                + bound(e.lower(), money) + ", " + bound(e.upper(), money) + "]";
    }

    /**
     * One side of an interval. A side the paths cannot give (a VaR99 upper bound from fewer than 368 paths) is
     * infinite: it reads "unbounded", the word of docs/runs.md and the HTML report, not "inf".
     */
    private static String bound(double v, boolean money) {
        if (Double.isInfinite(v)) {
            return UNBOUNDED;
        }
        if (Double.isNaN(v)) {
            return "-";
        }
        return money ? TextTable.amount(v) : String.format(Locale.ROOT, "%.3f", v);
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
