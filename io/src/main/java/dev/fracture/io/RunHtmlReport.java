package dev.fracture.io;

import dev.fracture.run.CellSummary;
import dev.fracture.run.Estimate;
import dev.fracture.run.Estimators;
import dev.fracture.run.GridAxis;
import dev.fracture.run.PathRow;
import dev.fracture.run.RunPlan;
import dev.fracture.run.RunResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A run as one self-contained HTML page: the plan, a table of every cell's statistics with intervals, heatmaps of
 * shortfall VaR99 and the probability of insolvency over the grid, and per-cell histograms of shortfall and
 * liquidations. Charts are inline SVG: no script, no network, nothing to install to read it.
 */
public final class RunHtmlReport {
    /** Histograms are drawn for this many cells at most; the table and heatmaps show every cell. */
    static final int MAX_HISTOGRAM_CELLS = 24;
    private static final int BINS = 30;

    private RunHtmlReport() {
    }

    public static void write(RunResult result, List<String> notSimulated, Writer out) throws IOException {
        RunPlan plan = result.plan();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fracture sweep: ")
                .append(esc(plan.scenarioId())).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
                        + "font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}"
                        + "th{background:#f3f3f3}.l{text-align:left}.note{color:#555;font-size:13px;max-width:60em}"
                        + "figure{display:inline-block;margin:0 1em 1em 0}figcaption{font-size:12px}")
                .append("</style></head><body>\n");
        h.append("<h1>Sweep of ").append(esc(plan.scenarioId())).append(" on ").append(esc(plan.snapshot().name()))
                .append("</h1>\n<p>").append(plan.paths()).append(" paths per cell, ").append(plan.cells())
                .append(" cell(s), root seed ").append(plan.rootSeed()).append(", insolvency threshold ")
                .append(usd(plan.insolvencyThresholdUsd())).append(" USD.</p>\n");
        if (!notSimulated.isEmpty()) {
            h.append("<p class=\"note\"><b>Not simulated by the engine yet</b> (they do not change these results): ")
                    .append(esc(String.join("; ", notSimulated))).append("</p>\n");
        }
        h.append("<p class=\"note\">Intervals are ").append((int) (100 * Estimators.CONFIDENCE))
                .append("%: mean by the normal approximation; VaR (empirical quantile) by order statistics; expected "
                        + "shortfall (Acerbi-Tasche estimator) by a seeded percentile bootstrap; probability of "
                        + "insolvency by Wilson's score interval. Shortfall = bad debt realised + underwater debt at "
                        + "the horizon. An unbounded side (too few paths for the tail) shows as &infin;.</p>\n");
        table(h, result);
        h.append("<h2>Heatmaps over the grid</h2>\n");
        heatmap(h, result, "Shortfall VaR99 (USD)", c -> c.shortfallUsd().var99().value());
        heatmap(h, result, "Probability of insolvency", c -> c.insolvencyProbability().value());
        heatmap(h, result, "Liquidations, mean (USD)", c -> c.liquidatedUsd().mean().value());
        h.append("<h2>Distributions</h2>\n");
        int shown = Math.min(result.cells().size(), MAX_HISTOGRAM_CELLS);
        if (shown < result.cells().size()) {
            h.append("<p class=\"note\">The first ").append(shown).append(" of ").append(result.cells().size())
                    .append(" cells.</p>\n");
        }
        for (int c = 0; c < shown; c++) {
            List<PathRow> rows = result.rows().subList(c * plan.paths(), (c + 1) * plan.paths());
            h.append("<h3>Cell ").append(c).append(' ').append(esc(label(plan, c))).append("</h3>\n");
            histogram(h, "Shortfall (USD)", rows.stream().mapToDouble(PathRow::shortfallUsd).toArray());
            histogram(h, "Liquidated (USD)", rows.stream().mapToDouble(PathRow::liquidatedUsd).toArray());
            histogram(h, "Cascade multiplier", rows.stream().mapToDouble(PathRow::cascadeMultiplier).toArray());
        }
        h.append("</body></html>\n");
        out.write(h.toString());
        out.flush();
    }

    private static void table(StringBuilder h, RunResult result) {
        RunPlan plan = result.plan();
        h.append("<h2>Cells</h2>\n<table><tr><th>cell</th>");
        for (String a : plan.grid().names()) {
            h.append("<th class=\"l\">").append(esc(a)).append("</th>");
        }
        h.append("<th>borrowing power</th><th>liquidated mean</th><th>liquidated VaR99</th><th>bad debt mean</th>"
                + "<th>shortfall mean</th><th>shortfall VaR95</th><th>shortfall VaR99</th><th>shortfall ES99</th>"
                + "<th>cascade mult. mean</th><th>P(insolvent)</th></tr>\n");
        for (CellSummary c : result.cells()) {
            h.append("<tr><td>").append(c.cell().index()).append("</td>");
            for (double v : c.cell().values()) {
                h.append("<td class=\"l\">").append(plain(v)).append("</td>");
            }
            h.append("<td>").append(usd(c.borrowingPowerUsd())).append("</td>");
            cell(h, c.liquidatedUsd().mean(), true);
            cell(h, c.liquidatedUsd().var99(), true);
            cell(h, c.badDebtUsd().mean(), true);
            cell(h, c.shortfallUsd().mean(), true);
            cell(h, c.shortfallUsd().var95(), true);
            cell(h, c.shortfallUsd().var99(), true);
            cell(h, c.shortfallUsd().es99(), true);
            cell(h, c.cascadeMultiplier().mean(), false);
            cell(h, c.insolvencyProbability(), false);
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void cell(StringBuilder h, Estimate e, boolean money) {
        h.append("<td>").append(money ? usd(e.value()) : dec(e.value())).append("<br><small>[")
                .append(money ? usd(e.lower()) : dec(e.lower())).append(", ")
                .append(money ? usd(e.upper()) : dec(e.upper())).append("]</small></td>");
    }

    /** Rows: the values of every axis but the last; columns: the last axis. */
    private static void heatmap(StringBuilder h, RunResult result, String title, ToDoubleFunction<CellSummary> f) {
        RunPlan plan = result.plan();
        List<GridAxis> axes = plan.grid().axes();
        int cols = axes.isEmpty() ? 1 : axes.get(axes.size() - 1).size();
        int rows = result.cells().size() / cols;
        double max = 0;
        for (CellSummary c : result.cells()) {
            double v = f.applyAsDouble(c);
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        int cw = 90;
        int ch = 26;
        int left = 260;
        int top = 40;
        int width = left + cols * cw + 10;
        int height = top + rows * ch + 10;
        h.append("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" font-size=\"11\">");
        h.append("<text x=\"0\" y=\"14\" font-weight=\"bold\">").append(esc(title)).append("</text>");
        if (!axes.isEmpty()) {
            GridAxis last = axes.get(axes.size() - 1);
            h.append("<text x=\"").append(left).append("\" y=\"28\">").append(esc(last.parameter().name()))
                    .append(" &#8594;</text>");
            for (int j = 0; j < cols; j++) {
                h.append("<text x=\"").append(left + j * cw + cw / 2).append("\" y=\"").append(top - 2)
                        .append("\" text-anchor=\"middle\">").append(plain(last.value(j))).append("</text>");
            }
        }
        for (int i = 0; i < rows; i++) {
            h.append("<text x=\"0\" y=\"").append(top + i * ch + 17).append("\">")
                    .append(esc(rowLabel(plan, i * cols))).append("</text>");
            for (int j = 0; j < cols; j++) {
                CellSummary c = result.cells().get(i * cols + j);
                double v = f.applyAsDouble(c);
                double t = max > 0 && Double.isFinite(v) ? v / max : 0;
                int g = (int) Math.round(255 * (1 - 0.85 * t));
                h.append("<rect x=\"").append(left + j * cw).append("\" y=\"").append(top + i * ch + 4)
                        .append("\" width=\"").append(cw - 2).append("\" height=\"").append(ch - 2)
                        .append("\" fill=\"rgb(255,").append(g).append(',').append(g).append(")\"><title>cell ")
                        .append(c.cell().index()).append(": ").append(dec(v)).append("</title></rect>");
                h.append("<text x=\"").append(left + j * cw + cw / 2).append("\" y=\"").append(top + i * ch + 21)
                        .append("\" text-anchor=\"middle\">").append(compact(v)).append("</text>");
            }
        }
        h.append("</svg></figure>\n");
    }

    private static void histogram(StringBuilder h, String title, double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        int w = 320;
        int ht = 150;
        h.append("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"")
                .append(ht + 30).append("\" font-size=\"10\">");
        if (lo > hi) {
            h.append("<text x=\"0\" y=\"20\">no finite values</text></svg><figcaption>").append(esc(title))
                    .append("</figcaption></figure>\n");
            return;
        }
        int[] counts = new int[BINS];
        double span = hi - lo;
        for (double v : values) {
            if (Double.isFinite(v)) {
                int b = span == 0 ? 0 : (int) Math.min(BINS - 1, Math.floor((v - lo) / span * BINS));
                counts[b]++;
            }
        }
        int most = 1;
        for (int c : counts) {
            most = Math.max(most, c);
        }
        double bw = (double) w / BINS;
        for (int b = 0; b < BINS; b++) {
            double bh = (double) ht * counts[b] / most;
            h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "fill=\"#c0392b\"><title>%d paths</title></rect>", b * bw, ht - bh, bw - 1, bh, counts[b]));
        }
        h.append("<line x1=\"0\" y1=\"").append(ht).append("\" x2=\"").append(w).append("\" y2=\"").append(ht)
                .append("\" stroke=\"#333\"/>");
        h.append("<text x=\"0\" y=\"").append(ht + 14).append("\">").append(compact(lo)).append("</text>");
        h.append("<text x=\"").append(w).append("\" y=\"").append(ht + 14).append("\" text-anchor=\"end\">")
                .append(compact(hi)).append("</text>");
        h.append("</svg><figcaption>").append(esc(title)).append(", ").append(values.length)
                .append(" paths, tallest bar ").append(most).append("</figcaption></figure>\n");
    }

    private static String label(RunPlan plan, int cell) {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> names = plan.grid().names();
        double[] v = plan.grid().cell(cell).values();
        for (int a = 0; a < names.size(); a++) {
            m.put(names.get(a), plain(v[a]));
        }
        return m.isEmpty() ? "(the scenario as written)" : m.toString();
    }

    private static String rowLabel(RunPlan plan, int firstCell) {
        List<String> names = plan.grid().names();
        if (names.size() <= 1) {
            return names.isEmpty() ? "scenario" : "";
        }
        double[] v = plan.grid().cell(firstCell).values();
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < names.size() - 1; a++) {
            parts.add(names.get(a) + "=" + plain(v[a]));
        }
        return String.join(", ", parts);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String usd(double v) {
        if (Double.isNaN(v)) {
            return "&ndash;";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "&infin;" : "&minus;&infin;";
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String dec(double v) {
        if (Double.isNaN(v)) {
            return "&ndash;";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "&infin;" : "&minus;&infin;";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String compact(double v) {
        if (!Double.isFinite(v)) {
            return dec(v);
        }
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.3gB", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.3gM", v / 1e6);
        }
        if (a >= 1e3) {
            return String.format(Locale.ROOT, "%.3gk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
