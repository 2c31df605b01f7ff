package dev.fracture.cli;

import dev.fracture.engine.LiquidationEvent;
import dev.fracture.engine.SimulationResult;
import dev.fracture.engine.Summary;
import java.io.PrintWriter;
import java.util.List;

/** The terminal summary of a run: its measures, its first liquidations, and what it did not simulate. */
final class SummaryPrinter {
    private SummaryPrinter() {
    }

    static void print(PrintWriter out, ScenarioRun run, int eventsShown) {
        SimulationResult r = run.result();
        Summary s = r.summary();
        out.printf("Scenario %s on %s, seed %d: %,d blocks over %,d s%n%n", run.loaded().scenario().name(),
                run.loaded().snapshot().name(), run.seed(), r.trace().blocks(),
                run.loaded().scenario().horizonSeconds());
        // Before the numbers, so that nobody reads them without it.
        cautions(out, run.cautions());
        TextTable t = new TextTable("measure", "value");
        t.row("liquidations", s.liquidations());
        t.row("debt liquidated (USD)", TextTable.amount(s.liquidatedUsd()));
        s.forcedSalesUsd().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> t.row("forced sales of " + e.getKey() + " (USD)", TextTable.amount(e.getValue())));
        s.badDebtUsd().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> t.row("bad debt in " + e.getKey() + " (USD)", TextTable.amount(e.getValue())));
        s.badDebtByChain().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> t.row("bad debt on " + e.getKey() + " (USD)", TextTable.amount(e.getValue())));
        s.underwaterUsd().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> t.row("underwater debt in " + e.getKey() + " (USD)", TextTable.amount(e.getValue())));
        s.slippageUsd().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> t.row("slippage paid in " + e.getKey() + " (USD)", TextTable.amount(e.getValue())));
        t.row("shocked asset", s.shockedAsset());
        t.row("move of its scenario path", String.format("%.2f%%", 100 * s.initialMove()));
        t.row("move with the cascade's impact", String.format("%.2f%%", 100 * s.finalMove()));
        t.row("cascade multiplier", String.format("%.3f", s.cascadeMultiplier()));
        t.row("last liquidation at", s.lastLiquidationTime() < 0 ? "none" : s.lastLiquidationTime() + " s");
        t.row("time to stabilize", s.timeToStabilize() < 0 ? "not within the run" : s.timeToStabilize() + " s");
        t.row("trace hash", r.trace().hash().substring(0, 16));
        t.print(out);
        if (!r.mitigations().isEmpty()) {
            // A scenario's mitigations are on in simulate (demo and compare's "none" run without them): say which,
            // what each did and what it cost, so a summary is never read as the unmitigated run.
            out.printf("%nMitigations on in this run (compare SCENARIO weighs each alone)%n");
            TextTable m = new TextTable("mitigation", "capital cost USD", "what it did");
            for (dev.fracture.mitigation.MitigationOutcome o : r.mitigations()) {
                List<String> did = new java.util.ArrayList<>();
                o.activity().forEach((k, v) -> did.add(k + " " + TextTable.amount(v)));
                m.row(o.mitigation(), TextTable.amount(o.capitalCostUsd()), String.join(", ", did));
            }
            m.print(out);
        }
        if (!s.contagion().isEmpty()) {
            out.printf("%nContagion: damage in protocols not holding %s, and the channel it came through%n",
                    s.shockedAsset());
            TextTable c = new TextTable("protocol", "chain", "liquidated USD", "bad debt USD", "channel", "via");
            s.contagion().forEach(row -> c.row(row.protocol(), row.chain(), TextTable.amount(row.liquidatedUsd()),
                    TextTable.amount(row.badDebtUsd()), row.channel(), row.via()));
            c.print(out);
        }
        if (!r.events().isEmpty() && eventsShown > 0) {
            out.printf("%nFirst %d liquidations%n", Math.min(eventsShown, r.events().size()));
            TextTable e = new TextTable("time s", "protocol", "account", "liquidator", "repaid", "seized", "profit USD");
            for (LiquidationEvent ev : r.events().subList(0, Math.min(eventsShown, r.events().size()))) {
                e.row(ev.time(), ev.protocol(), ev.account(), ev.liquidator(),
                        TextTable.amount(ev.repaid()) + " " + ev.debtAsset(),
                        TextTable.amount(ev.seized()) + " " + ev.collateralAsset(), TextTable.amount(ev.profitUsd()));
            }
            e.print(out);
        }
        List<String> missing = run.notSimulated();
        if (!missing.isEmpty()) {
            out.printf("%nNot simulated yet (they sit this run out): %s%n", String.join("; ", missing));
        }
        out.flush();
    }

    /** Each of a scenario's cautions on its own line, then a blank line; nothing when there are none. */
    static void cautions(PrintWriter out, List<String> cautions) {
        for (String c : cautions) {
            out.printf("Caution: %s.%n", c);
        }
        if (!cautions.isEmpty()) {
            out.println();
        }
    }
}
