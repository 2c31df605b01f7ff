package dev.fracture.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Immutable map copies that iterate in key order. {@code Map.copyOf} iterates in an order salted per JVM, so a
 * record holding one (a measure, a run's summary) would print differently on each run of the same input; the output
 * must be same inputs, same bytes.
 */
public final class SortedMaps {
    private SortedMaps() {
    }

    /** An unmodifiable copy in key order; a null key or value is refused, as {@code Map.copyOf} refuses it. */
    public static <K extends Comparable<? super K>, V> Map<K, V> copyOf(Map<K, V> map) {
        map.forEach((k, v) -> {
            Objects.requireNonNull(k, "key");
            Objects.requireNonNull(v, "value");
        });
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
