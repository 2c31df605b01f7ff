package dev.fracture.cli;

import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.FragmentationCost;
import dev.fracture.engine.LiquidationEvent;
import dev.fracture.engine.ScenarioSetup;
import dev.fracture.engine.SimulationResult;
import dev.fracture.engine.Summary;
import dev.fracture.io.BundledScenarios;
import dev.fracture.io.LoadedScenario;
import dev.fracture.io.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
                + "not simulate yet.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "Bundled scenario name (${COMPLETION-CANDIDATES}) or file.",
            completionCandidates = ScenarioNames.class)
    private String scenario;

    @Option(names = "--seed", description = "Seed for the run (default: the scenario's).")
    private Long seed;

    @Option(names = "--events", defaultValue = "10", description = "Liquidations to list. Default: ${DEFAULT-VALUE}.")
    private int eventsShown;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write the block-by-block trace as CSV.")
    private Path traceFile;

    @Option(names = "--unified", description = "Also run the unified-liquidity counterfactual (every pair's venues "
            + "merged into one pool, bridges instant) and report the cost of fragmentation: fragmented minus unified.")
    private boolean unified;

    @Mixin
    private JsonOption output;

    /** The bundled scenario names, for the help text. */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return BundledScenarios.names().iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        LoadedScenario loaded = load(scenario);
        long runSeed = seed != null ? seed : loaded.scenario().seed();
        ScenarioSetup.Prepared prepared = ScenarioSetup.of(loaded.scenario(), loaded.snapshot(), runSeed);
        FragmentationCost cost = unified ? FragmentationCost.of(prepared.setup()) : null;
        SimulationResult r = cost != null ? cost.fragmented() : CascadeSimulator.DEFAULT.run(prepared.setup());
        if (traceFile != null) {
            TraceCsv.write(r.trace(), traceFile);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("scenario", loaded.scenario().name());
            doc.put("ecosystem", loaded.snapshot().name());
            doc.put("seed", runSeed);
            doc.put("summary", r.summary());
            doc.put("liquidators", r.liquidators());
            doc.put("events", r.events());
            doc.put("log", r.log());
            doc.put("blocks", r.trace().blocks());
            doc.put("traceHash", r.trace().hash());
            doc.put("notSimulated", notSimulated(r, prepared));
            if (cost != null) {
                doc.put("fragmentationCost", Map.of("badDebtUsd", cost.badDebtUsd(), "liquidatedUsd",
                        cost.liquidatedUsd(), "drawdown", cost.drawdown(), "slippageUsd", cost.slippageUsd()));
            }
            Json.print(out, doc);
            return 0;
        }
        print(out, loaded, runSeed, r, prepared);
        if (cost != null) {
            out.printf("%nCost of fragmentation (this run minus the unified-liquidity run)%n");
            TextTable f = new TextTable("measure", "value");
            f.row("bad debt (USD)", TextTable.amount(cost.badDebtUsd()));
            f.row("debt liquidated (USD)", TextTable.amount(cost.liquidatedUsd()));
            f.row("max drawdown of " + r.summary().shockedAsset(), String.format("%.2f pp", 100 * cost.drawdown()));
            f.row("slippage paid by liquidators (USD)", TextTable.amount(cost.slippageUsd()));
            f.print(out);
            out.flush();
        }
        return 0;
    }

    private static LoadedScenario load(String nameOrFile) throws IOException {
        Path path = Path.of(nameOrFile);
        if (Files.isRegularFile(path)) {
            return ScenarioReader.read(path);
        }
        if (BundledScenarios.names().contains(nameOrFile)) {
            return BundledScenarios.load(nameOrFile);
        }
        throw new IllegalArgumentException("scenario '" + nameOrFile + "' is neither a file nor a bundled scenario ("
                + String.join(", ", BundledScenarios.names()) + ")");
    }

    private static java.util.List<String> notSimulated(SimulationResult r, ScenarioSetup.Prepared prepared) {
        java.util.List<String> all = new java.util.ArrayList<>(prepared.notSimulated());
        r.notSimulated().forEach(p -> all.add("protocol " + p));
        return all;
    }

    private void print(PrintWriter out, LoadedScenario loaded, long runSeed, SimulationResult r,
                       ScenarioSetup.Prepared prepared) {
        Summary s = r.summary();
        out.printf("Scenario %s on %s, seed %d: %,d blocks over %,d s%n%n", loaded.scenario().name(),
                loaded.snapshot().name(), runSeed, r.trace().blocks(), loaded.scenario().horizonSeconds());
        TextTable t = new TextTable("measure", "value");
        t.row("liquidations", s.liquidations());
        t.row("debt liquidated (USD)", TextTable.amount(s.liquidatedUsd()));
        s.forcedSalesUsd().forEach((a, v) -> t.row("forced sales of " + a + " (USD)", TextTable.amount(v)));
        s.badDebtUsd().forEach((p, v) -> t.row("bad debt in " + p + " (USD)", TextTable.amount(v)));
        s.underwaterUsd().forEach((p, v) -> t.row("underwater debt in " + p + " (USD)", TextTable.amount(v)));
        t.row("shocked asset", s.shockedAsset());
        t.row("move of its scenario path", String.format("%.2f%%", 100 * s.initialMove()));
        t.row("move with the cascade's impact", String.format("%.2f%%", 100 * s.finalMove()));
        t.row("cascade multiplier", String.format("%.3f", s.cascadeMultiplier()));
        t.row("last liquidation at", s.lastLiquidationTime() < 0 ? "none" : s.lastLiquidationTime() + " s");
        s.badDebtByChain().forEach((c, v) -> t.row("bad debt on " + c + " (USD)", TextTable.amount(v)));
        t.row("slippage paid by liquidators (USD)", TextTable.amount(s.totalSlippageUsd()));
        t.row("time to stabilize", s.timeToStabilize() < 0 ? "not within the run" : s.timeToStabilize() + " s");
        s.contagion().forEach(c -> t.row("contagion: " + c.protocol() + " via " + c.channel() + " " + c.via(),
                TextTable.amount(c.liquidatedUsd() + c.badDebtUsd())));
        t.row("trace hash", r.trace().hash().substring(0, 16));
        t.print(out);
        if (!r.events().isEmpty()) {
            out.printf("%nFirst %d liquidations%n", Math.min(eventsShown, r.events().size()));
            TextTable e = new TextTable("time s", "protocol", "account", "liquidator", "repaid", "seized", "profit USD");
            for (LiquidationEvent ev : r.events().subList(0, Math.min(eventsShown, r.events().size()))) {
                e.row(ev.time(), ev.protocol(), ev.account(), ev.liquidator(),
                        TextTable.amount(ev.repaid()) + " " + ev.debtAsset(),
                        TextTable.amount(ev.seized()) + " " + ev.collateralAsset(), TextTable.amount(ev.profitUsd()));
            }
            e.print(out);
        }
        java.util.List<String> missing = notSimulated(r, prepared);
        if (!missing.isEmpty()) {
            out.printf("%nNot simulated yet (they sit this run out): %s%n", String.join("; ", missing));
        }
        out.flush();
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
