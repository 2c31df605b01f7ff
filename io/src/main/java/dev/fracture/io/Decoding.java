package dev.fracture.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * State of one decode: the problems found so far and where each path was written. Also converts scalar nodes to
 * Java values, reporting a type problem (and returning null) when a node cannot be one; decoding carries on so that
 * one read reports every problem in the file.
 */
final class Decoding {
    private final List<SourceProblem> problems = new ArrayList<>();
    private final SourceMap sourceMap = new SourceMap();
    private final String source;

    Decoding(String source) {
        this.source = source;
    }

    List<SourceProblem> problems() {
        return problems;
    }

    SourceMap sourceMap() {
        return sourceMap;
    }

    void problem(SourceLocation at, String path, String rule) {
        problems.add(new SourceProblem(source, at, path, rule));
    }

    /** Any scalar reads as a string, as YAML writes it: an id such as {@code 1inch} or a symbol such as NO. */
    String string(SourceNode node, String path) {
        if (node instanceof SourceNode.ScalarNode s && s.kind() != SourceNode.ScalarKind.NULL) {
            return s.text();
        }
        return typeProblem(node, path, "a string");
    }

    /** Only true and false: YAML 1.1's yes, no, on and off read as strings, and are rejected here. */
    Boolean bool(SourceNode node, String path) {
        if (node instanceof SourceNode.ScalarNode s && s.kind() == SourceNode.ScalarKind.BOOLEAN) {
            return Boolean.parseBoolean(s.text().strip().toLowerCase(Locale.ROOT));
        }
        return typeProblem(node, path, "true or false");
    }

    BigDecimal decimal(SourceNode node, String path) {
        if (node instanceof SourceNode.ScalarNode s) {
            if (s.number() != null) {
                return s.number();
            }
            if (s.kind() == SourceNode.ScalarKind.STRING || s.kind() == SourceNode.ScalarKind.NUMBER) {
                try {
                    return new BigDecimal(s.text().strip());
                } catch (NumberFormatException e) {
                    // reported below as a type problem
                }
            }
        }
        return typeProblem(node, path, "a decimal number");
    }

    /**
     * Doubles are model quantities such as prices and latencies; YAML's {@code .inf} and {@code .nan} read as the
     * special values so that the model's finite-number rules report them.
     */
    Double number(SourceNode node, String path) {
        if (node instanceof SourceNode.ScalarNode s && s.kind() == SourceNode.ScalarKind.NUMBER && s.number() == null) {
            String t = s.text().strip().toLowerCase(Locale.ROOT);
            if (t.endsWith(".nan")) {
                return Double.NaN;
            }
            if (t.endsWith(".inf")) {
                return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        BigDecimal d = decimal(node, path);
        return d == null ? null : d.doubleValue();
    }

    BigInteger integer(SourceNode node, String path) {
        if (node instanceof SourceNode.ScalarNode s
                && (s.kind() == SourceNode.ScalarKind.NUMBER || s.kind() == SourceNode.ScalarKind.STRING)) {
            BigDecimal value = s.number();
            if (value == null) {
                try {
                    value = new BigDecimal(s.text().strip());
                } catch (NumberFormatException e) {
                    value = null;
                }
            }
            if (value != null) {
                try {
                    return value.toBigIntegerExact();
                } catch (ArithmeticException e) {
                    // not whole: reported below
                }
            }
        }
        return typeProblem(node, path, "an integer");
    }

    Long longValue(SourceNode node, String path) {
        return bounded(node, path, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    Integer intValue(SourceNode node, String path) {
        Long value = bounded(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return value == null ? null : value.intValue();
    }

    private Long bounded(SourceNode node, String path, long min, long max) {
        BigInteger value = integer(node, path);
        if (value == null) {
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            problem(node.location(), path, "must be an integer between " + min + " and " + max + " (was " + value + ")");
            return null;
        }
        return value.longValue();
    }

    Instant instant(SourceNode node, String path) {
        String text = string(node, path);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problem(node.location(), path, "expected an ISO-8601 instant such as 2025-06-01T00:00:00Z (was '"
                    + text + "')");
            return null;
        }
    }

    List<SourceNode> list(SourceNode node, String path) {
        if (node instanceof SourceNode.ListNode l) {
            for (int i = 0; i < l.items().size(); i++) {
                sourceMap.put(SourceMap.element(path, i), l.items().get(i).location());
            }
            return l.items();
        }
        return typeProblem(node, path, "a list");
    }

    Fields object(SourceNode node, String path) {
        if (node instanceof SourceNode.MapNode m) {
            return new Fields(m, path, this);
        }
        return typeProblem(node, path, "an object");
    }

    private <T> T typeProblem(SourceNode node, String path, String expected) {
        problem(node.location(), path, "expected " + expected + ", found " + node.describe());
        return null;
    }
}
