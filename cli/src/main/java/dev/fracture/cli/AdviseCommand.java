package dev.fracture.cli;

import dev.fracture.run.Advisor;
import dev.fracture.run.BorrowingPower;
import dev.fracture.run.CellSummary;
import dev.fracture.run.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fracture advise SCENARIO --target-var USD --grid ...}: the grid cell with the most borrowing power whose
 * loss VaR stays at or under the target.
 */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = "Sweep a parameter grid and recommend the cell that gives the most borrowing power (sum over "
                + "positions of collateral value x LTV) while the VaR of the loss (shortfall: bad debt plus "
                + "underwater debt at the horizon; or bad debt realised) stays at or under the target. Exit 1 "
                + "when no cell does.")
public final class AdviseCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private SweepOptions options;

    @Option(names = "--target-var", required = true, paramLabel = "USD", description = "Largest acceptable VaR, USD.")
    private double targetVar;

    @Option(names = "--confidence", defaultValue = "0.99", description = "VaR level: 0.95 or 0.99. "
            + "Default: ${DEFAULT-VALUE}.")
    private double confidence;

    @Option(names = "--loss", defaultValue = "shortfall", description = "shortfall or bad-debt. "
            + "Default: ${DEFAULT-VALUE}.")
    private String loss;

    @Mixin
    private JsonOption output;

    @Override
    public Integer call() throws IOException {
        Advisor.Loss which = Advisor.Loss.parse(loss);
        if (confidence != 0.95 && confidence != 0.99) {
            throw new IllegalArgumentException("--confidence must be 0.95 or 0.99 (was " + confidence + ")");
        }
        if (!(targetVar >= 0) || Double.isInfinite(targetVar)) {
            throw new IllegalArgumentException("--target-var must be a finite number of USD >= 0 (was " + targetVar
                    + ")");
        }
        // As simulate and compare: stdout carries the JSON alone, and no progress bar is drawn.
        options.quiet |= output.json;
        SweepOptions.Prepared p = options.prepare();
        RunResult result = options.run(p.plan());
        PrintWriter out = spec.commandLine().getOut();
        String measure = String.format(Locale.ROOT, "%s VaR%d", which.key(), Math.round(confidence * 100));
        Optional<Advisor.Advice> advice = Advisor.advise(result, which, confidence, targetVar);
        CellSummary lowest = result.cells().stream().min(java.util.Comparator.comparingDouble(
                c -> which.of(c).valueAtRisk(confidence).value())).orElseThrow();
        if (output.json) {
            Json.print(out, AdviceJson.tree(result, p.notSimulated(), which, confidence, targetVar, advice, lowest));
            return advice.isEmpty() ? 1 : 0;
        }
        SweepCommand.printSummary(out, result, p.notSimulated());
        out.println();
        if (advice.isEmpty()) {
            double v = which.of(lowest).valueAtRisk(confidence).value();
            out.printf(Locale.ROOT, "No cell keeps %s at or under %s USD; the lowest is cell %d with %s USD.%n",
                    measure, TextTable.amount(targetVar), lowest.cell().index(), TextTable.amount(v));
            out.flush();
            return 1;
        }
        Advisor.Advice a = advice.get();
        List<String> names = p.plan().grid().names();
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            params.append(i == 0 ? "" : ", ").append(names.get(i)).append(" = ")
                    .append(SweepCommand.plain(a.cell().cell().value(i)));
        }
        out.printf(Locale.ROOT, "Recommendation: cell %d%s%n", a.cell().cell().index(),
                names.isEmpty() ? " (the scenario as written)" : ": " + params);
        out.printf(Locale.ROOT, "  borrowing power   %s USD (the scenario's snapshot: %s USD)%n",
                TextTable.amount(a.cell().borrowingPowerUsd()), TextTable.amount(BorrowingPower.usd(p.plan().snapshot())));
        out.printf(Locale.ROOT, "  %s  %s USD, 95%% CI %s; target %s USD%n", measure,
                TextTable.amount(a.valueAtRisk().value()),
                SweepCommand.withInterval(a.valueAtRisk(), true).replaceFirst("^[^\\[]*", ""),
                TextTable.amount(targetVar));
        out.printf(Locale.ROOT, "  %s%n", a.confidentlyUnderTarget()
                ? "the whole interval is under the target"
                : "the interval reaches above the target: the estimate is under it, but more paths are needed to be "
                        + "confident");
        if (Double.isInfinite(a.valueAtRisk().upper())) {
            out.printf("  %s%n", SweepCommand.unboundedNote(measure, p.plan().paths(), confidence));
        }
        out.printf(Locale.ROOT, "  %d of %d cells keep %s under the target%n", a.feasibleCells(),
                result.cells().size(), measure);
        out.flush();
        return 0;
    }
}
