package dev.fracture.run;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.scenario.Scenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One axis of a sweep: a parameter and the values it takes, in the order given. Values are finite and distinct;
 * an axis holds at least one and at most {@link #MAX_VALUES}.
 */
public record GridAxis(GridParameter parameter, double[] values) {
    public static final int MAX_VALUES = 1_000;

    public GridAxis {
        if (parameter == null) {
            throw new IllegalArgumentException("grid axis needs a parameter");
        }
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("grid axis '" + parameter.name() + "' has no values");
        }
        if (values.length > MAX_VALUES) {
            throw new IllegalArgumentException("grid axis '" + parameter.name() + "' has " + values.length
                    + " values; at most " + MAX_VALUES);
        }
        values = values.clone();
        Set<Double> seen = new HashSet<>();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("grid axis '" + parameter.name() + "': values must be finite "
                        + "numbers (was " + v + ")");
            }
            if (!seen.add(v)) {
                throw new IllegalArgumentException("grid axis '" + parameter.name() + "': value " + v
                        + " is listed twice");
            }
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public double value(int i) {
        return values[i];
    }

    public int size() {
        return values.length;
    }

    /**
     * Reads {@code NAME=V1,V2,...} or {@code NAME=FROM:TO:STEP} (FROM, FROM + STEP, ... up to TO inclusive; STEP
     * > 0, computed in decimal so 0.7:0.9:0.1 gives exactly 0.7, 0.8, 0.9).
     */
    public static GridAxis parse(String text, EcosystemSnapshot snapshot, Scenario scenario) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("grid axis '" + text + "' must be NAME=V1,V2,... or NAME=FROM:TO:STEP");
        }
        String name = text.substring(0, eq).strip();
        String spec = text.substring(eq + 1).strip();
        GridParameter parameter = GridParameter.parse(name, snapshot, scenario);
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("grid axis '" + name + "' has no values");
        }
        return new GridAxis(parameter, spec.contains(":") ? range(name, spec) : list(name, spec));
    }

    private static double[] list(String name, String spec) {
        String[] cells = spec.split(",", -1);
        double[] out = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = number(name, cells[i]).doubleValue();
        }
        return out;
    }

    private static double[] range(String name, String spec) {
        String[] p = spec.split(":", -1);
        if (p.length != 3) {
            throw new IllegalArgumentException("grid axis '" + name + "': a range is FROM:TO:STEP (was '" + spec + "')");
        }
        BigDecimal from = number(name, p[0]);
        BigDecimal to = number(name, p[1]);
        BigDecimal step = number(name, p[2]);
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("grid axis '" + name + "': range step must be > 0 (was " + p[2] + ")");
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("grid axis '" + name + "': range end " + p[1] + " is below its start "
                    + p[0] + " (empty axis)");
        }
        List<Double> out = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            if (out.size() == MAX_VALUES) {
                throw new IllegalArgumentException("grid axis '" + name + "': range " + spec + " has more than "
                        + MAX_VALUES + " values");
            }
            out.add(v.doubleValue());
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static BigDecimal number(String name, String cell) {
        String c = cell.strip();
        if (c.matches("[+-]?(NaN|Infinity|inf)")) {
            throw new IllegalArgumentException("grid axis '" + name + "': values must be finite numbers (was " + c
                    + ")");
        }
        try {
            return new BigDecimal(c);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("grid axis '" + name + "': '" + c + "' is not a number");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridAxis a && parameter.equals(a.parameter) && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return 31 * parameter.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return parameter.name() + "=" + Arrays.toString(values);
    }
}
