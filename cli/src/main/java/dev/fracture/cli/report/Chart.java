package dev.fracture.cli.report;

import java.util.List;

/**
 * One chart of a report as plain data, before any rendering: the HTML page and the PNG files draw the same
 * charts from these.
 *
 * @param id     stable short name, also the PNG file name ({@code id.png})
 * @param style  how the series are drawn: a line between samples, or steps for amounts per interval
 * @param series in legend order; empty when the run has nothing of this kind (no liquidations, no forced sales)
 */
public record Chart(String id, String title, String xLabel, String yLabel, Style style, List<Series> series) {
    public Chart {
        if (id == null || !id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("chart id must be lower-case letters, digits and '-' (was " + id + ")");
        }
        series = List.copyOf(series);
    }

    /** Line: a sampled level (a price, a running total). Step: an amount per interval. */
    public enum Style { LINE, STEP }

    /** One named series; x in seconds from the start of the run. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x values but " + y.length
                        + " y values");
            }
        }
    }
}
