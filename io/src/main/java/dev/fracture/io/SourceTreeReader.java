package dev.fracture.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML or JSON text into a {@link SourceNode} tree with Jackson's streaming parser, which reports token
 * locations the same way for both formats. A syntax error, or a key written twice in one object, stops the read
 * with a located {@link SnapshotFormatException}.
 */
final class SourceTreeReader {
    private static final JsonFactory JSON = new JsonFactory();
    /**
     * SnakeYAML stops at 3 MiB of text by default; a snapshot whose populations were expanded and written back
     * (about 300 bytes a position) passes that at some ten thousand positions, so the limit is raised to 256 MiB.
     */
    static final int YAML_CODE_POINT_LIMIT = 256 * 1024 * 1024;
    private static final JsonFactory YAML = YAMLFactory.builder()
            .loaderOptions(yamlLoaderOptions())
            .build();

    private final String source;
    private final JsonParser parser;

    private SourceTreeReader(String source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /** The document's root, or null for an empty document. */
    static SourceNode parse(String text, String source, Format format) {
        try (JsonParser parser = (format == Format.JSON ? JSON : YAML).createParser(text)) {
            SourceTreeReader reader = new SourceTreeReader(source, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            SourceNode root = reader.node(first);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw reader.error(parser.currentTokenLocation(), "unexpected content after the document's end");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new SnapshotFormatException(List.of(new SourceProblem(source, locationOf(e.getLocation()), "",
                    "syntax error: " + summary(e.getOriginalMessage()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SourceNode node(JsonToken token) throws IOException {
        SourceLocation at = locationOf(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT:
                return object(at);
            case START_ARRAY:
                List<SourceNode> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(node(t));
                }
                return new SourceNode.ListNode(at, List.copyOf(items));
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return number(at);
            case VALUE_STRING:
                return scalar(at, SourceNode.ScalarKind.STRING);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return scalar(at, SourceNode.ScalarKind.BOOLEAN);
            case VALUE_NULL:
                return scalar(at, SourceNode.ScalarKind.NULL);
            default:
                throw error(at, "unsupported content " + token);
        }
    }

    private SourceNode object(SourceLocation at) throws IOException {
        Map<String, SourceNode.Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            SourceLocation keyAt = locationOf(parser.currentTokenLocation());
            SourceNode value = node(parser.nextToken());
            if (entries.containsKey(key)) {
                throw error(keyAt, "duplicate field '" + key + "'");
            }
            entries.put(key, new SourceNode.Entry(keyAt, value));
        }
        return new SourceNode.MapNode(at, entries);
    }

    /**
     * Jackson parses the number text itself, exactly, into a BigDecimal. YAML's special floats have no decimal
     * value; they are kept as text so a finite-number rule can reject them with a clear message.
     */
    private SourceNode number(SourceLocation at) throws IOException {
        String text = parser.getText();
        BigDecimal value;
        try {
            value = parser.getDecimalValue();
        } catch (JsonProcessingException | NumberFormatException e) {
            value = null;
        }
        return new SourceNode.ScalarNode(at, SourceNode.ScalarKind.NUMBER, text, value);
    }

    private SourceNode scalar(SourceLocation at, SourceNode.ScalarKind kind) throws IOException {
        return new SourceNode.ScalarNode(at, kind, parser.getText(), null);
    }

    private SnapshotFormatException error(SourceLocation at, String rule) {
        return new SnapshotFormatException(List.of(new SourceProblem(source, at, "", rule)));
    }

    private SnapshotFormatException error(JsonLocation at, String rule) {
        return error(locationOf(at), rule);
    }

    private static SourceLocation locationOf(JsonLocation location) {
        if (location == null) {
            return new SourceLocation(1, 1);
        }
        return new SourceLocation(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /**
     * SnakeYAML's messages span lines: a context ("while parsing a block mapping"), the problem ("expected
     * &lt;block end&gt;, but found ..."), each followed by indented source excerpts. The unindented lines are the
     * words; the excerpts repeat what file:line:column already says.
     */
    private static String summary(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable input";
        }
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                out.append(out.length() == 0 ? "" : ": ").append(line.strip());
            }
        }
        return out.length() == 0 ? message.strip() : out.toString();
    }

    private static LoaderOptions yamlLoaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(YAML_CODE_POINT_LIMIT);
        return options;
    }
}
