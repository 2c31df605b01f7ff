package dev.fracture.cli.report;

import dev.fracture.engine.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Reduces a trace column to at most a few hundred points for a chart. A trace has one row per block of any chain
 * (an hour of the bundled ecosystem is about 50,000 rows), far more than a chart can show. Time is cut into equal
 * intervals; a level (price, running total) is sampled at the last block of each interval, at that block's time;
 * an amount per block (debt liquidated) is summed over the interval and placed at the interval's start.
 */
final class TraceSampler {
    private final Trace trace;
    private final long interval;

    /** Intervals of {@code interval} seconds (at least 1). */
    TraceSampler(Trace trace, long interval) {
        if (interval < 1) {
            throw new IllegalArgumentException("sampling interval must be at least 1 s (was " + interval + ")");
        }
        this.trace = trace;
        this.interval = interval;
    }

    /** The interval that cuts {@code horizonSeconds} into at most {@code maxPoints} pieces, whole seconds. */
    static long intervalFor(long horizonSeconds, int maxPoints) {
        return Math.max(1, (horizonSeconds + maxPoints - 1) / maxPoints);
    }

    long interval() {
        return interval;
    }

    /** The column's value at the last block of each interval that has a block. */
    Chart.Series levels(String name, String column) {
        int c = trace.column(column);
        return levels(name, row -> row[c]);
    }

    /** As {@link #levels(String, String)} for a value computed from a whole row (a venue price in USD). */
    Chart.Series levels(String name, java.util.function.ToDoubleFunction<double[]> value) {
        List<double[]> points = new ArrayList<>();
        long[] times = trace.times();
        for (int i = 0; i < times.length; i++) {
            boolean lastOfInterval = i + 1 == times.length || bucket(times[i + 1]) != bucket(times[i]);
            if (lastOfInterval) {
                double v = value.applyAsDouble(trace.rows()[i]);
                if (Double.isFinite(v)) {
                    points.add(new double[] {times[i], v});
                }
            }
        }
        return series(name, points);
    }

    /** The column summed over each interval that has a block, at the interval's start. */
    Chart.Series sums(String name, String column) {
        int c = trace.column(column);
        List<double[]> points = new ArrayList<>();
        long[] times = trace.times();
        double sum = 0;
        for (int i = 0; i < times.length; i++) {
            sum += trace.rows()[i][c];
            if (i + 1 == times.length || bucket(times[i + 1]) != bucket(times[i])) {
                points.add(new double[] {bucket(times[i]) * interval, sum});
                sum = 0;
            }
        }
        return series(name, points);
    }

    private long bucket(long t) {
        return t / interval;
    }

    private static Chart.Series series(String name, List<double[]> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new Chart.Series(name, x, y);
    }
}
