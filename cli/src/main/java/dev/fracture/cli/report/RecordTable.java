package dev.fracture.cli.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A titled table of strings, and the ways to make one from a record by its components, so a report shows every
 * field a result record has (including fields added after this class was written) without naming them: a scalar
 * is one row, a map one row per key (sorted), and a list of records its own table, one row per element.
 */
public record RecordTable(String title, List<String> headers, List<List<String>> rows) {
    public RecordTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Scalars and maps of {@code record} as (field, value) rows; lists of records are left to {@link #lists}. */
    public static RecordTable fields(String title, Record record) {
        List<List<String>> rows = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object v = value(record, c);
            if (v instanceof Map<?, ?> m) {
                m.entrySet().stream()
                        .sorted(Comparator.comparing(e -> String.valueOf(e.getKey())))
                        .forEach(e -> rows.add(List.of(c.getName() + " " + e.getKey(), show(e.getValue()))));
            } else if (!(v instanceof List<?>)) {
                rows.add(List.of(c.getName(), show(v)));
            }
        }
        return new RecordTable(title, List.of("field", "value"), rows);
    }

    /** Each component of {@code record} that is a list of records, as a table titled by the component's name. */
    public static List<RecordTable> lists(Record record) {
        List<RecordTable> out = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (value(record, c) instanceof List<?> list) {
                table(c.getName(), list).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The component of {@code record} whose name contains {@code word} (any case), as a table, if it is a list. */
    public static Optional<RecordTable> list(Record record, String word) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().toLowerCase(java.util.Locale.ROOT).contains(word.toLowerCase(java.util.Locale.ROOT))
                    && value(record, c) instanceof List<?> list) {
                return table(c.getName(), list).or(() -> Optional.of(new RecordTable(c.getName(), List.of(),
                        List.of())));
            }
        }
        return Optional.empty();
    }

    private static Optional<RecordTable> table(String title, List<?> list) {
        if (list.isEmpty() || !(list.get(0) instanceof Record first)) {
            return Optional.empty();
        }
        List<String> headers = new ArrayList<>();
        for (RecordComponent c : first.getClass().getRecordComponents()) {
            headers.add(c.getName());
        }
        List<List<String>> rows = new ArrayList<>();
        for (Object o : list) {
            List<String> row = new ArrayList<>();
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                row.add(show(value((Record) o, c)));
            }
            rows.add(row);
        }
        return Optional.of(new RecordTable(title, headers, rows));
    }

    private static Object value(Record r, RecordComponent c) {
        try {
            java.lang.reflect.Method accessor = c.getAccessor();
            accessor.trySetAccessible();
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    private static String show(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return Html.number(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return Html.number(n.doubleValue());
        }
        return String.valueOf(v);
    }
}
