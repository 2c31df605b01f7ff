package dev.fracture.scenario;

import java.util.Arrays;

/**
 * A series of values at strictly increasing times (epoch seconds): a price path, a gas-price path, a pool's
 * reserve over a day. Immutable: the arrays are copied in and out.
 *
 * @param name  what the series is (for messages and reports)
 * @param unit  the unit of the values (USD, gwei, ETH ...)
 */
public record TimeSeries(String name, String unit, long[] times, double[] values) {
    public TimeSeries {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("time series: name must not be blank");
        }
        if (unit == null) {
            throw new IllegalArgumentException("time series " + name + ": unit is required");
        }
        if (times == null || values == null) {
            throw new IllegalArgumentException("time series " + name + ": times and values are required");
        }
        if (times.length != values.length) {
            throw new IllegalArgumentException("time series " + name + ": " + times.length + " times but "
                    + values.length + " values");
        }
        if (times.length == 0) {
            throw new IllegalArgumentException("time series " + name + ": must hold at least one point");
        }
        times = times.clone();
        values = values.clone();
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("time series " + name + ": times must increase strictly (point "
                        + i + " at " + times[i] + " follows " + times[i - 1] + ")");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("time series " + name + ": value at point " + i
                        + " must be finite (was " + values[i] + ")");
            }
        }
    }

    @Override
    public long[] times() {
        return times.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return times.length;
    }

    public long start() {
        return times[0];
    }

    public long end() {
        return times[times.length - 1];
    }

    public double first() {
        return values[0];
    }

    public double last() {
        return values[values.length - 1];
    }

    public double value(int i) {
        return values[i];
    }

    public long time(int i) {
        return times[i];
    }

    /** The last value at or before {@code t} (a feed that holds its value); before the start, the first value. */
    public double stepAt(long t) {
        int i = Arrays.binarySearch(times, t);
        if (i >= 0) {
            return values[i];
        }
        int insertion = -i - 1;
        return insertion == 0 ? values[0] : values[insertion - 1];
    }

    /** Linear interpolation between the points around {@code t}; flat outside the series. */
    public double linearAt(double t) {
        if (t <= times[0]) {
            return values[0];
        }
        if (t >= times[times.length - 1]) {
            return values[values.length - 1];
        }
        int i = Arrays.binarySearch(times, (long) Math.floor(t));
        int lo = i >= 0 ? i : -i - 2;
        if (lo >= times.length - 1) {
            return values[values.length - 1];
        }
        double w = (t - times[lo]) / (double) (times[lo + 1] - times[lo]);
        return values[lo] + w * (values[lo + 1] - values[lo]);
    }

    /** Log returns between consecutive points; requires positive values. */
    public double[] logReturns() {
        double[] r = new double[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            if (!(values[i] > 0 && values[i - 1] > 0)) {
                throw new IllegalArgumentException("time series " + name + ": log returns need positive values (point "
                        + (values[i] > 0 ? i - 1 : i) + ")");
            }
            r[i - 1] = Math.log(values[i] / values[i - 1]);
        }
        return r;
    }

    /** Largest fall from a running peak, as a fraction of the peak (0.48 for a 48% drawdown). */
    public double maxDrawdown() {
        double peak = values[0];
        double worst = 0;
        for (double v : values) {
            peak = Math.max(peak, v);
            if (peak > 0) {
                worst = Math.max(worst, 1 - v / peak);
            }
        }
        return worst;
    }

    /** The same shape scaled so that it starts at {@code startValue}: a historical path applied to today's price. */
    public TimeSeries rebased(double startValue) {
        if (!(startValue > 0) || Double.isInfinite(startValue) || !(values[0] > 0)) {
            throw new IllegalArgumentException("time series " + name + ": rebasing needs a positive start (was "
                    + startValue + ", series starts at " + values[0] + ")");
        }
        double k = startValue / values[0];
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = values[i] * k;
        }
        return new TimeSeries(name, unit, times, scaled);
    }

    /** The same values with time measured from the first point (0, 600, 1200 ... seconds). */
    public TimeSeries fromZero() {
        long[] shifted = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            shifted[i] = times[i] - times[0];
        }
        return new TimeSeries(name, unit, shifted, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries s && name.equals(s.name) && unit.equals(s.unit)
                && Arrays.equals(times, s.times) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + unit.hashCode()) + 31 * Arrays.hashCode(times) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TimeSeries[" + name + ", " + unit + ", " + times.length + " points, " + times[0] + ".." + end() + "]";
    }
}
