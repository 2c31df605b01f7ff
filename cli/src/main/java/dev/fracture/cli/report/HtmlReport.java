package dev.fracture.cli.report;

import dev.fracture.engine.SimulationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One HTML file that opens offline: the summary, the charts of {@link ReportCharts} as PNG data URIs, the contagion
 * graph as inline SVG ({@link GraphSvg}), the contagion table when the summary has one, and the event log. It
 * references no URL, script or external file, and is well-formed XML (every element closed, every attribute quoted),
 * so any XML or HTML parser reads it.
 */
public final class HtmlReport {
    /** Rows of the event log shown at most; the JSON output and the trace hold every one. */
    public static final int MAX_LOG_ROWS = 2000;

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1250px; }
            h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
            table { border-collapse: collapse; font-size: 0.85em; }
            td, th { border: 1px solid #ccc; padding: 2px 8px; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            img { max-width: 100%; }
            .graph .heading { font-weight: bold; font-size: 13px; }
            .graph text { font-size: 11px; fill: #222; }
            .graph rect { fill: #eef2f7; stroke: #8899aa; }
            .graph .hit rect { fill: #fde2e1; stroke: #c0392b; }
            .graph .edge { fill: none; stroke: #b8c2cc; stroke-width: 1; }
            .graph .edge.hit { stroke: #c0392b; stroke-width: 2.2; }
            .note { color: #555; font-size: 0.9em; }
            """;

    private HtmlReport() {
    }

    /** The page's text. */
    public static String render(ReportInput in, List<Chart> charts, ExposureGraph graph) {
        SimulationResult r = in.result();
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(Html.escape("Fracture: " + in.scenario())).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(Html.escape("Scenario " + in.scenario() + " on " + in.snapshot().name()))
                .append("</h1>\n<p>").append(Html.escape(String.format(java.util.Locale.ROOT,
                        "Seed %d; %,d blocks over %,d s; trace hash %s.", in.seed(), r.trace().blocks(),
                        in.horizonSeconds(), r.trace().hash()))).append("</p>\n");

        for (String c : in.cautions()) {
            h.append("<p class=\"note\"><strong>Caution:</strong> ").append(Html.escape(c)).append(".</p>\n");
        }
        h.append("<h2 id=\"summary\">Summary</h2>\n");
        table(h, RecordTable.fields("summary", r.summary()));
        for (RecordTable t : RecordTable.lists(r.summary())) {
            if (!t.title().toLowerCase(java.util.Locale.ROOT).contains("contagion")) {
                h.append("<h3>").append(Html.escape(t.title())).append("</h3>\n");
                table(h, t);
            }
        }
        if (!r.mitigations().isEmpty()) {
            h.append("<h3>Mitigations on in this run</h3>\n");
            List<List<String>> rows = new java.util.ArrayList<>();
            for (dev.fracture.mitigation.MitigationOutcome o : r.mitigations()) {
                List<String> did = new java.util.ArrayList<>();
                o.activity().forEach((k, v) -> did.add(k + " " + String.format(java.util.Locale.ROOT, "%,.2f", v)));
                rows.add(List.of(o.mitigation(), String.format(java.util.Locale.ROOT, "%,.2f", o.capitalCostUsd()),
                        String.join(", ", did)));
            }
            table(h, new RecordTable("mitigations", List.of("mitigation", "capital cost USD", "what it did"), rows));
        }
        if (!in.notSimulated().isEmpty()) {
            h.append("<p class=\"note\">Not simulated by this engine version (they sit this run out): ")
                    .append(Html.escape(String.join("; ", in.notSimulated()))).append(".</p>\n");
        }

        for (Chart c : charts) {
            h.append("<h2 id=\"").append(c.id()).append("\">").append(Html.escape(c.title())).append("</h2>\n");
            if (c.series().isEmpty()) {
                h.append("<p class=\"note\">None in this run.</p>\n");
            } else {
                h.append("<img id=\"chart-").append(c.id()).append("\" alt=\"").append(Html.escape(c.title()))
                        .append("\" width=\"").append(PngCharts.WIDTH).append("\" height=\"")
                        .append(PngCharts.HEIGHT).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(PngCharts.png(c))).append("\"/>\n");
            }
        }

        h.append("<h2 id=\"contagion\">Contagion</h2>\n<p class=\"note\">Exposures of the ecosystem: bridges back "
                + "the tokens they mint, assets stand on their parents, feeds observe assets, protocols read feeds "
                + "and hold collateral and debt. Red: where this run's damage went (a reference price that fell "
                + "at least 1%, the feeds pricing it, the protocols that liquidated or took bad debt, and the "
                + "collateral, debt and feed edges those liquidations went through).</p>\n");
        h.append(GraphSvg.of(graph));
        Optional<RecordTable> contagion = RecordTable.list(r.summary(), "contagion");
        if (contagion.isPresent() && !contagion.get().rows().isEmpty()) {
            table(h, contagion.get());
        } else if (contagion.isPresent()) {
            h.append("<p class=\"note\">No damage reached a protocol without direct exposure to the shocked "
                    + "asset.</p>\n");
        } else {
            h.append("<p class=\"note\">This engine version's summary has no contagion table; the graph above is "
                    + "drawn from the snapshot's exposures and the run's liquidations.</p>\n");
        }

        h.append("<h2 id=\"liquidators\">Liquidators</h2>\n");
        RecordTable liquidators = liquidators(r);
        table(h, liquidators);

        List<EventLog.Entry> log = EventLog.of(r);
        h.append("<h2 id=\"events\">Event log</h2>\n");
        if (log.size() > MAX_LOG_ROWS) {
            h.append("<p class=\"note\">The first ").append(MAX_LOG_ROWS).append(" of ").append(log.size())
                    .append(" events; <code>fracture simulate --json</code> lists every liquidation.</p>\n");
        }
        List<List<String>> rows = log.stream().limit(MAX_LOG_ROWS)
                .map(e -> List.of(String.valueOf(e.time()), e.chain(), String.valueOf(e.block()), e.kind(),
                        e.subject(), e.detail(), Html.number(e.usd())))
                .toList();
        table(h, new RecordTable("events", List.of("time s", "chain", "block", "kind", "subject", "detail", "USD"),
                rows));
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** Writes the page to {@code file}; a clear message when the file cannot be written. */
    public static void write(ReportInput in, List<Chart> charts, ExposureGraph graph, Path file) {
        String page = render(in, charts, graph);
        try {
            Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report to " + file + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    private static RecordTable liquidators(SimulationResult r) {
        List<List<String>> rows = r.liquidators().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> List.of(e.getKey(), Html.number(e.getValue().liquidations()),
                        Html.number(e.getValue().bonusUsd()), Html.number(e.getValue().slippageUsd()),
                        Html.number(e.getValue().flashFeeUsd()), Html.number(e.getValue().gasUsd()),
                        Html.number(e.getValue().profitUsd())))
                .toList();
        return new RecordTable("liquidators", List.of("liquidator", "liquidations", "bonus USD", "slippage USD",
                "flash fee USD", "gas USD", "profit USD"), rows);
    }

    private static void table(StringBuilder h, RecordTable t) {
        h.append("<table>\n<tr>");
        t.headers().forEach(x -> h.append("<th>").append(Html.escape(x)).append("</th>"));
        h.append("</tr>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            for (String cell : row) {
                boolean numeric = cell.matches("-?[0-9][0-9,]*(\\.[0-9]+)?(e[-+]?[0-9]+)?");
                h.append(numeric ? "<td class=\"n\">" : "<td>").append(Html.escape(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }
}
