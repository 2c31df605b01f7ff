package dev.fracture.service.live;

import java.util.Arrays;

/** An append-only list of ints without boxing: the positions holding one asset. */
final class GrowableInts {
    private int[] values = new int[8];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return values[i];
    }
}
