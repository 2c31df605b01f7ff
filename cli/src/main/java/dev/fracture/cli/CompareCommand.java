package dev.fracture.cli;

import dev.fracture.engine.RunProgress;
import dev.fracture.io.LoadedScenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fracture compare SCENARIO}: the scenario with no mitigation, each of its mitigations alone, and all of
 * them together, one row each, with the measures of {@link CompareColumns}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run a scenario with no mitigation, with each of its mitigations alone and with all together "
                + "(same seed), and print bad debt, liquidated volume, maximum drawdown and the other measures side "
                + "by side.")
public final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "Bundled scenario name (${COMPLETION-CANDIDATES}) or file.",
            completionCandidates = ScenarioSource.Names.class)
    private String scenario;

    @Option(names = "--seed", description = "Seed for every run (default: the scenario's).")
    private Long seed;

    @Option(names = "--threads", description = "Runs at once. Default: the processors available. Results do not "
            + "depend on it.")
    private Integer threads;

    @Mixin
    private JsonOption output;

    @Override
    public Integer call() throws IOException {
        int poolSize = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (poolSize < 1) {
            throw new IllegalArgumentException("--threads must be at least 1 (was " + poolSize + ")");
        }
        LoadedScenario loaded = ScenarioSource.load(scenario);
        long runSeed = seed != null ? seed : loaded.scenario().seed();
        List<MitigationComparison.Row> rows;
        try (ProgressDisplay bar = new ProgressDisplay(spec.commandLine().getErr(), "compare", " runs")) {
            rows = MitigationComparison.run(loaded, runSeed, poolSize, output.json ? RunProgress.NONE : bar);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Json.print(out, json(loaded, runSeed, rows));
            return 0;
        }
        out.printf("Scenario %s on %s, seed %d: %d runs%n%n", loaded.scenario().name(), loaded.snapshot().name(),
                runSeed, rows.size());
        SummaryPrinter.cautions(out, loaded.scenario().cautions());
        List<String> headers = new ArrayList<>(List.of("mitigations"));
        CompareColumns.ALL.forEach(c -> headers.add(c.header()));
        TextTable t = new TextTable(headers.toArray(String[]::new));
        for (MitigationComparison.Row row : rows) {
            List<Object> cells = new ArrayList<>(List.of(row.variant().name()));
            for (CompareColumns.Column c : CompareColumns.ALL) {
                cells.add(format(c, c.value().applyAsDouble(row.run().result())));
            }
            t.row(cells.toArray());
        }
        t.print(out);
        List<String> unapplied = unapplied(rows);
        if (!unapplied.isEmpty()) {
            out.printf("%nNot applied by this engine version (those rows run as if unmitigated): %s%n",
                    String.join("; ", unapplied));
        }
        out.flush();
        return 0;
    }

    private static String format(CompareColumns.Column c, double v) {
        return switch (c.key()) {
            case "maxDrawdown" -> String.format("%.2f%%", 100 * v);
            case "cascadeMultiplier" -> String.format("%.3f", v);
            case "lastLiquidationSeconds" -> v < 0 ? "none" : String.format("%.0f", v);
            // The summary's -1: prices still moving at the horizon (simulate prints the same words).
            case "timeToStabilizeSeconds" -> v < 0 ? "not within the run" : String.format("%.0f", v);
            case "liquidations" -> String.format("%.0f", v);
            default -> TextTable.amount(v);
        };
    }

    /** The scenario's mitigations the engine said it does not simulate, in words, once each. */
    private static List<String> unapplied(List<MitigationComparison.Row> rows) {
        return rows.stream().flatMap(r -> r.run().prepared().notSimulated().stream())
                .filter(s -> s.startsWith("mitigation")).distinct().toList();
    }

    private static Map<String, Object> json(LoadedScenario loaded, long seed, List<MitigationComparison.Row> rows) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenario", loaded.scenario().name());
        doc.put("ecosystem", loaded.snapshot().name());
        doc.put("seed", seed);
        doc.put("cautions", loaded.scenario().cautions());
        List<Map<String, Object>> out = new ArrayList<>();
        for (MitigationComparison.Row row : rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("variant", row.variant().name());
            r.put("mitigations", row.variant().mitigations().stream().map(MitigationVariants::name).toList());
            for (CompareColumns.Column c : CompareColumns.ALL) {
                r.put(c.key(), c.json(row.run().result()));
            }
            r.put("traceHash", row.run().result().trace().hash());
            r.put("notSimulated", row.run().notSimulated());
            out.add(r);
        }
        doc.put("runs", out);
        return doc;
    }
}
