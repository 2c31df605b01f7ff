package dev.fracture.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.DoubleSupplier;

/**
 * The service's metrics in the Prometheus text exposition format, version 0.0.4
 * (prometheus.io/docs/instrumenting/exposition_formats): counters, gauges and histograms with fixed buckets. Written
 * by hand because the service needs four families and their exposition is a few lines; the Prometheus client would
 * add a registry, its own HTTP layer and a dependency for the same text.
 */
public final class Metrics {
    /** Seconds; from 1 ms to 10 s, the range of API calls and recomputations. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, Family> families = new ConcurrentHashMap<>();

    /** Adds {@code by} to a counter. */
    public void count(String name, String help, Map<String, String> labels, long by) {
        family(name, help, "counter").counter(labels).addAndGet(by);
    }

    /** Records one observation, in seconds, into a histogram. */
    public void observe(String name, String help, Map<String, String> labels, double seconds) {
        family(name, help, "histogram").histogram(labels).observe(seconds);
    }

    /** A gauge read when scraped. */
    public void gauge(String name, String help, DoubleSupplier value) {
        family(name, help, "gauge").gauge = value;
    }

    /** The exposition text. */
    public String exposition() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Family> e : new TreeMap<>(families).entrySet()) {
            e.getValue().write(e.getKey(), out);
        }
        return out.toString();
    }

    private Family family(String name, String help, String type) {
        Family f = families.computeIfAbsent(name, k -> new Family(help, type));
        if (!f.type.equals(type)) {
            throw new IllegalStateException("metric " + name + " is a " + f.type + ", not a " + type);
        }
        return f;
    }

    private static final class Family {
        final String help;
        final String type;
        final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
        final Map<String, Histogram> histograms = new ConcurrentHashMap<>();
        volatile DoubleSupplier gauge;

        Family(String help, String type) {
            this.help = help;
            this.type = type;
        }

        AtomicLong counter(Map<String, String> labels) {
            return counters.computeIfAbsent(labels(labels), k -> new AtomicLong());
        }

        Histogram histogram(Map<String, String> labels) {
            return histograms.computeIfAbsent(labels(labels), k -> new Histogram());
        }

        void write(String name, StringBuilder out) {
            out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                    .append('\n');
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
            if (gauge != null) {
                out.append(name).append(' ').append(number(gauge.getAsDouble())).append('\n');
            }
            new TreeMap<>(counters).forEach((l, v) -> out.append(name).append(braces(l)).append(' ').append(v.get())
                    .append('\n'));
            new TreeMap<>(histograms).forEach((l, h) -> h.write(name, l, out));
        }
    }

    private static final class Histogram {
        final AtomicLong[] buckets = new AtomicLong[BUCKETS.length];
        final AtomicLong count = new AtomicLong();
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new AtomicLong();
            }
        }

        void observe(double v) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (v <= BUCKETS[i]) {
                    buckets[i].incrementAndGet();
                }
            }
            count.incrementAndGet();
            sum.add(v);
        }

        void write(String name, String labels, StringBuilder out) {
            String sep = labels.isEmpty() ? "" : labels + ",";
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append(name).append("_bucket{").append(sep).append("le=\"").append(number(BUCKETS[i]))
                        .append("\"} ").append(buckets[i].get()).append('\n');
            }
            out.append(name).append("_bucket{").append(sep).append("le=\"+Inf\"} ").append(count.get()).append('\n');
            out.append(name).append("_sum").append(braces(labels)).append(' ').append(number(sum.sum())).append('\n');
            out.append(name).append("_count").append(braces(labels)).append(' ').append(count.get()).append('\n');
        }
    }

    /** Labels in name order, values escaped as the format requires. */
    static String labels(Map<String, String> labels) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(e.getKey()).append("=\"").append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n")).append('"');
        }
        return b.toString();
    }

    private static String braces(String labels) {
        return labels.isEmpty() ? "" : "{" + labels + "}";
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(v);
    }
}
