package dev.fracture.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cartesian product of the axes of a sweep, cells numbered in row-major order (the last axis varies fastest).
 * No axes is one cell: the scenario as written. Each parameter appears on one axis only.
 */
public record ParameterGrid(List<GridAxis> axes) {
    /** Cells × paths is what a run costs; a grid larger than this is almost surely a typo. */
    public static final int MAX_CELLS = 100_000;

    public ParameterGrid {
        axes = List.copyOf(axes);
        Set<String> names = new HashSet<>();
        long cells = 1;
        for (GridAxis a : axes) {
            if (!names.add(a.parameter().name())) {
                throw new IllegalArgumentException("grid parameter '" + a.parameter().name() + "' is on two axes");
            }
            cells *= a.size();
            if (cells > MAX_CELLS) {
                throw new IllegalArgumentException("grid has more than " + MAX_CELLS + " cells");
            }
        }
    }

    public static ParameterGrid none() {
        return new ParameterGrid(List.of());
    }

    public int size() {
        int n = 1;
        for (GridAxis a : axes) {
            n *= a.size();
        }
        return n;
    }

    public GridCell cell(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("cell " + index + " of a grid of " + size());
        }
        double[] values = new double[axes.size()];
        int rest = index;
        for (int a = axes.size() - 1; a >= 0; a--) {
            GridAxis axis = axes.get(a);
            values[a] = axis.value(rest % axis.size());
            rest /= axis.size();
        }
        return new GridCell(index, values);
    }

    public List<GridCell> cells() {
        List<GridCell> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(cell(i));
        }
        return out;
    }

    /** The inputs of a cell: the axes' values applied in axis order to copies of {@code base}. */
    public CellInputs apply(CellInputs base, GridCell cell) {
        CellInputs in = base;
        for (int a = 0; a < axes.size(); a++) {
            in = axes.get(a).parameter().apply(in, cell.value(a));
        }
        return in;
    }

    public List<String> names() {
        return axes.stream().map(a -> a.parameter().name()).toList();
    }
}
