package dev.fracture.cli;

import dev.fracture.cli.report.RunReport;
import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.FragmentationCost;
import dev.fracture.engine.RunProgress;
import dev.fracture.engine.SimulationSetup;
import dev.fracture.io.LoadedScenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fracture simulate SCENARIO}: run a scenario's shock through its ecosystem, block by block. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a scenario (a bundled name or a scenario file) through the cascade engine and print the "
                + "summary: liquidations, forced sales, bad debt, the cascade multiplier, and what the engine does "
                + "not simulate yet. --html writes a self-contained report, --png the charts.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "Bundled scenario name (${COMPLETION-CANDIDATES}) or file.",
            completionCandidates = ScenarioSource.Names.class)
    private String scenario;

    @Option(names = "--seed", description = "Seed for the run (default: the scenario's).")
    private Long seed;

    @Option(names = "--events", defaultValue = "10", description = "Liquidations to list. Default: ${DEFAULT-VALUE}.")
    private int eventsShown;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write the block-by-block trace as CSV.")
    private Path traceFile;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write a self-contained HTML report (charts, contagion graph, event log) to FILE.")
    private Path htmlFile;

    @Option(names = "--png", paramLabel = "DIR", description = "Write the report's charts as PNG files into DIR.")
    private Path pngDir;

    @Option(names = "--unified", description = "Also run the unified-liquidity counterfactual (every pair's venues "
            + "merged into one pool, bridges instant) and report the cost of fragmentation: fragmented minus unified.")
    private boolean unified;

    @Mixin
    private JsonOption output;

    @Override
    public Integer call() throws IOException {
        if (eventsShown < 0) {
            throw new IllegalArgumentException("--events must be >= 0 (was " + eventsShown + ")");
        }
        if (traceFile != null) {
            OutputPaths.checkFile("--trace", traceFile);
        }
        if (htmlFile != null) {
            OutputPaths.checkFile("--html", htmlFile);
        }
        if (pngDir != null) {
            OutputPaths.checkDirectory("--png", pngDir);
        }
        LoadedScenario loaded = ScenarioSource.load(scenario);
        long runSeed = seed != null ? seed : loaded.scenario().seed();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioRun run;
        // With --json the output stream carries JSON alone, and no bar is drawn at all.
        try (ProgressDisplay bar = new ProgressDisplay(err, loaded.scenario().name())) {
            run = ScenarioRun.of(loaded, runSeed, output.json ? RunProgress.NONE : bar);
        }
        FragmentationCost cost = null;
        if (unified) {
            SimulationSetup setup = run.prepared().setup();
            cost = FragmentationCost.of(run.result(),
                    CascadeSimulator.DEFAULT.run(setup.withDynamics(setup.dynamics().withUnified(true))));
        }
        if (traceFile != null) {
            TraceCsv.write(run.result().trace(), traceFile);
        }
        writeReports(run, htmlFile, pngDir, output.json ? null : out);
        if (output.json) {
            Map<String, Object> doc = run.json();
            if (cost != null) {
                doc.put("fragmentationCost", Map.of("badDebtUsd", cost.badDebtUsd(), "liquidatedUsd",
                        cost.liquidatedUsd(), "drawdown", cost.drawdown(), "slippageUsd", cost.slippageUsd()));
            }
            Json.print(out, doc);
            return 0;
        }
        SummaryPrinter.print(out, run, eventsShown);
        if (cost != null) {
            out.printf("%nCost of fragmentation (this run minus the unified-liquidity run)%n");
            TextTable f = new TextTable("measure", "value");
            f.row("bad debt (USD)", TextTable.amount(cost.badDebtUsd()));
            f.row("debt liquidated (USD)", TextTable.amount(cost.liquidatedUsd()));
            f.row("max drawdown of " + run.result().summary().shockedAsset(),
                    String.format("%.2f pp", 100 * cost.drawdown()));
            f.row("slippage paid by liquidators (USD)", TextTable.amount(cost.slippageUsd()));
            f.print(out);
            out.flush();
        }
        return 0;
    }

    /** Writes the HTML page and PNG charts asked for; says where on {@code out} when it is given. */
    static void writeReports(ScenarioRun run, Path html, Path pngs, PrintWriter out) {
        if (html == null && pngs == null) {
            return;
        }
        RunReport report = new RunReport(run.reportInput());
        if (html != null) {
            report.writeHtml(html);
            if (out != null) {
                out.println("Report: " + html.toAbsolutePath().normalize());
            }
        }
        if (pngs != null) {
            List<Path> files = report.writePngs(pngs);
            if (out != null) {
                out.println("Charts: " + files.size() + " PNG files in " + pngs.toAbsolutePath().normalize());
            }
        }
        if (out != null) {
            out.println();
        }
    }

    /** The trace as CSV: time, chain, then one column per series. */
    static final class TraceCsv {
        private TraceCsv() {
        }

        static void write(dev.fracture.engine.Trace trace, Path file) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
                w.print("time,chain");
                trace.columns().forEach(c -> w.print("," + c));
                w.println();
                for (int i = 0; i < trace.blocks(); i++) {
                    w.print(trace.times()[i] + "," + trace.chainIds().get(trace.chains()[i]));
                    for (double v : trace.rows()[i]) {
                        w.print("," + v);
                    }
                    w.println();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
