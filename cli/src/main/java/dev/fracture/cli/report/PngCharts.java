package dev.fracture.cli.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Renders {@link Chart}s as PNG images with XChart, for files and for the HTML page (as data URIs). */
public final class PngCharts {
    /** Image size in pixels: wide enough for a legend beside an hour of samples. */
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 480;

    static {
        // Rendering needs no display; without this a JVM on a machine with no X server can fail to load AWT.
        System.setProperty("java.awt.headless", "true");
    }

    private PngCharts() {
    }

    /** The chart as PNG bytes; a chart with no series gives none (there is nothing to draw). */
    public static byte[] png(Chart chart) {
        if (chart.series().isEmpty()) {
            throw new IllegalArgumentException("chart " + chart.id() + " has no series to draw");
        }
        XYChart x = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(chart.title())
                .xAxisTitle(chart.xLabel()).yAxisTitle(chart.yLabel()).build();
        x.getStyler().setDefaultSeriesRenderStyle(chart.style() == Chart.Style.STEP
                ? XYSeries.XYSeriesRenderStyle.Step : XYSeries.XYSeriesRenderStyle.Line);
        x.getStyler().setChartBackgroundColor(Color.WHITE);
        x.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        x.getStyler().setMarkerSize(0);
        x.getStyler().setYAxisDecimalPattern("#,##0.##");
        x.getStyler().setXAxisDecimalPattern("#,##0");
        for (Chart.Series s : chart.series()) {
            double[] xs = s.x().length == 0 ? new double[] {0} : s.x();
            double[] ys = s.y().length == 0 ? new double[] {0} : s.y();
            x.addSeries(s.name(), xs, ys).setMarker(SeriesMarkers.NONE);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BitmapEncoder.saveBitmap(x, out, BitmapEncoder.BitmapFormat.PNG);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart " + chart.id() + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code id.png} for every chart that has series into {@code dir} (created if missing); the files. */
    public static List<Path> write(List<Chart> charts, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create PNG directory " + dir + ": " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        for (Chart c : charts) {
            if (c.series().isEmpty()) {
                continue;
            }
            Path file = dir.resolve(c.id() + ".png");
            try {
                Files.write(file, png(c));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            files.add(file);
        }
        return files;
    }
}
