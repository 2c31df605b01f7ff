package dev.fracture.run;

import java.util.Arrays;

/**
 * One point of a sweep's grid: its index in row-major order (the last axis varies fastest) and the value of each
 * axis, in axis order. The cell of an empty grid (index 0, no values) is the scenario as written.
 */
public record GridCell(int index, double[] values) {
    public GridCell {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public double value(int axis) {
        return values[axis];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridCell c && index == c.index && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "cell " + index + " " + Arrays.toString(values);
    }
}
