package dev.fracture.cli.report;

import java.nio.file.Path;
import java.util.List;

/** A run's report in its forms: the HTML page and the PNG charts, from one extraction of the charts and graph. */
public final class RunReport {
    private final ReportInput input;
    private final List<Chart> charts;
    private final ExposureGraph graph;

    public RunReport(ReportInput input) {
        this.input = input;
        this.charts = ReportCharts.of(input.snapshot(), input.result(), input.horizonSeconds());
        this.graph = ExposureGraph.of(input.snapshot(), input.result());
    }

    public List<Chart> charts() {
        return charts;
    }

    public ExposureGraph graph() {
        return graph;
    }

    public String html() {
        return HtmlReport.render(input, charts, graph);
    }

    public void writeHtml(Path file) {
        HtmlReport.write(input, charts, graph, file);
    }

    /** Writes one PNG per chart with data into {@code dir}; the files written. */
    public List<Path> writePngs(Path dir) {
        return PngCharts.write(charts, dir);
    }
}
