package dev.fracture.io;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON document that remembers where each value came from, so that any later complaint about a
 * value can name its line and column. Numbers keep their exact decimal value: they never pass through a double.
 */
sealed interface SourceNode {

    SourceLocation location();

    /** What this node is, in words for "expected X, found Y" messages. */
    String describe();

    /** An object; entries keep source order and each remembers where its key was written. */
    record MapNode(SourceLocation location, Map<String, Entry> entries) implements SourceNode {
        @Override
        public String describe() {
            return "an object";
        }
    }

    record Entry(SourceLocation keyLocation, SourceNode value) {
    }

    record ListNode(SourceLocation location, List<SourceNode> items) implements SourceNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar as written. {@code number} is the exact value of a numeric token and null for anything else
     * (including YAML's {@code .inf} and {@code .nan}, which have no decimal value).
     */
    record ScalarNode(SourceLocation location, ScalarKind kind, String text, BigDecimal number) implements SourceNode {
        @Override
        public String describe() {
            return kind == ScalarKind.NULL ? "null" : "'" + text + "'";
        }
    }

    enum ScalarKind {
        STRING,
        NUMBER,
        BOOLEAN,
        NULL
    }
}
