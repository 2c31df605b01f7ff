package dev.fracture.service.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fracture.model.AssetId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Reads a replay file (docs/api.md, "Replay format"): JSON Lines, one event per line, {@code #} comments and blank
 * lines ignored, times in milliseconds from the start, never decreasing. Every line is checked before any is
 * returned; errors name {@code file:line}, the field and the rule.
 */
public final class ReplayReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> PRICE_FIELDS = Set.of("atMs", "type", "asset", "priceUsd");
    private static final Set<String> POSITION_FIELDS = Set.of("atMs", "type", "protocol", "market", "account",
            "asset", "collateral", "debt", "parDebtUsd");

    private ReplayReader() {
    }

    /**
     * @param assets the assets of the ecosystem replayed: any other is refused
     * @throws IllegalArgumentException listing every line at fault
     */
    public static List<ReplayEvent> read(Path file, Collection<AssetId> assets) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString(), assets);
    }

    public static List<ReplayEvent> read(String text, String name, Collection<AssetId> assets) {
        List<ReplayEvent> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        long last = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = name + ":" + (i + 1);
            try {
                ReplayEvent e = event(MAPPER.readTree(line), at, assets);
                if (e.atMs() < last) {
                    throw new IllegalArgumentException("atMs: must not decrease (was " + e.atMs() + " after " + last
                            + ")");
                }
                last = e.atMs();
                out.add(e);
            } catch (JsonProcessingException ex) {
                problems.add(at + ": not a JSON object: " + ex.getOriginalMessage());
            } catch (IllegalArgumentException ex) {
                problems.add(at + ": " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("replay " + name + ": " + String.join("; ", problems));
        }
        return out;
    }

    private static ReplayEvent event(JsonNode n, String at, Collection<AssetId> assets) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        long atMs = atMs(n);
        String type = text(n, "type", true);
        AssetId asset = AssetId.of(text(n, "asset", true));
        if (!assets.contains(asset)) {
            throw new IllegalArgumentException("asset: '" + asset + "' is not an asset of the ecosystem");
        }
        switch (type) {
            case "price" -> {
                only(n, PRICE_FIELDS);
                double p = number(n, "priceUsd", true);
                if (!(p > 0)) {
                    throw new IllegalArgumentException("priceUsd: must be > 0, was " + p);
                }
                return new ReplayEvent.Price(atMs, at, asset, p);
            }
            case "position" -> {
                only(n, POSITION_FIELDS);
                Double c = optional(n, "collateral");
                Double d = optional(n, "debt");
                Double par = optional(n, "parDebtUsd");
                if (c == null && d == null && par == null) {
                    throw new IllegalArgumentException("a position event sets at least one of collateral, debt, "
                            + "parDebtUsd");
                }
                return new ReplayEvent.PositionUpdate(atMs, at, new PositionChange(text(n, "protocol", true),
                        text(n, "market", true), text(n, "account", true), asset, c, d, par));
            }
            default -> throw new IllegalArgumentException("type: must be price or position, was '" + type + "'");
        }
    }

    private static long atMs(JsonNode n) {
        JsonNode v = n.get("atMs");
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new IllegalArgumentException("atMs: required, a whole number of milliseconds >= 0");
        }
        return v.asLong();
    }

    private static void only(JsonNode n, Set<String> allowed) {
        n.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException(f + ": unknown field (allowed: " + new java.util.TreeSet<>(allowed)
                        + ")");
            }
        });
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + ": required, a non-empty string");
        }
        return v.asText();
    }

    private static double number(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(field + ": required, a finite number");
        }
        return v.asDouble();
    }

    private static Double optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
            throw new IllegalArgumentException(field + ": a finite number >= 0 when given");
        }
        return v.asDouble();
    }
}
