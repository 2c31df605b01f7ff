package dev.fracture.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The fields of one object being decoded. Every field asked for is remembered, so that {@link #rejectUnknown()}
 * can name the fields nobody asked for: a misspelt optional field would otherwise be silently ignored.
 */
final class Fields {
    private final SourceNode.MapNode node;
    private final String path;
    private final Decoding decoding;
    private final Set<String> known = new LinkedHashSet<>();

    Fields(SourceNode.MapNode node, String path, Decoding decoding) {
        this.node = node;
        this.path = path;
        this.decoding = decoding;
        decoding.sourceMap().put(path, node.location());
    }

    String path() {
        return path;
    }

    SourceLocation location() {
        return node.location();
    }

    /** Where a field's key was written, or the object itself when the field is absent. */
    SourceLocation keyLocation(String name) {
        SourceNode.Entry entry = node.entries().get(name);
        return entry == null ? node.location() : entry.keyLocation();
    }

    boolean has(String name) {
        known.add(name);
        return node.entries().containsKey(name);
    }

    /** The raw node of a field, or null when absent; a required field's absence is reported. */
    SourceNode node(String name, boolean required) {
        known.add(name);
        SourceNode.Entry entry = node.entries().get(name);
        String fieldPath = SourceMap.child(path, name);
        if (entry == null || isNull(entry.value())) {
            if (required) {
                decoding.problem(entry == null ? node.location() : entry.keyLocation(), fieldPath, "is required");
            }
            return null;
        }
        decoding.sourceMap().put(fieldPath, entry.keyLocation());
        return entry.value();
    }

    private <T> T get(String name, boolean required, BiFunction<SourceNode, String, T> convert) {
        SourceNode value = node(name, required);
        return value == null ? null : convert.apply(value, SourceMap.child(path, name));
    }

    String string(String name) {
        return get(name, true, decoding::string);
    }

    BigDecimal decimal(String name) {
        return get(name, true, decoding::decimal);
    }

    BigDecimal decimal(String name, BigDecimal orElse) {
        return has(name) ? get(name, false, decoding::decimal) : orElse;
    }

    /** A double that must be present; absent reads as NaN, already reported, which no rule accepts. */
    double number(String name) {
        Double value = get(name, true, decoding::number);
        return value == null ? Double.NaN : value;
    }

    double number(String name, double orElse) {
        Double value = has(name) ? get(name, false, decoding::number) : Double.valueOf(orElse);
        return value == null ? Double.NaN : value;
    }

    BigInteger integer(String name) {
        return get(name, true, decoding::integer);
    }

    /** An int that must be present; absent or mistyped reads as 0 after being reported. */
    int intValue(String name) {
        Integer value = get(name, true, decoding::intValue);
        return value == null ? 0 : value;
    }

    long longValue(String name) {
        Long value = get(name, true, decoding::longValue);
        return value == null ? 0 : value;
    }

    int intValue(String name, int orElse) {
        Integer value = has(name) ? get(name, false, decoding::intValue) : Integer.valueOf(orElse);
        return value == null ? orElse : value;
    }

    long longValue(String name, long orElse) {
        Long value = has(name) ? get(name, false, decoding::longValue) : Long.valueOf(orElse);
        return value == null ? orElse : value;
    }

    String string(String name, String orElse) {
        return has(name) ? get(name, false, decoding::string) : orElse;
    }

    boolean bool(String name, boolean orElse) {
        Boolean value = has(name) ? get(name, false, decoding::bool) : Boolean.valueOf(orElse);
        return value == null ? orElse : value;
    }

    Instant instant(String name) {
        return get(name, true, decoding::instant);
    }

    List<SourceNode> list(String name) {
        return get(name, true, decoding::list);
    }

    Fields object(String name) {
        return get(name, true, decoding::object);
    }

    /** A nested object the model's rules decide about (one of two alternatives), or null when absent. */
    Fields optionalObject(String name) {
        return get(name, false, decoding::object);
    }

    void rejectUnknown() {
        for (var entry : node.entries().entrySet()) {
            if (!known.contains(entry.getKey())) {
                decoding.problem(entry.getValue().keyLocation(), SourceMap.child(path, entry.getKey()),
                        "unknown field '" + entry.getKey() + "' (expected one of: " + String.join(", ", known) + ")");
            }
        }
    }

    private static boolean isNull(SourceNode value) {
        return value instanceof SourceNode.ScalarNode s && s.kind() == SourceNode.ScalarKind.NULL;
    }
}
