package dev.fracture.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fracture.io.store.ParameterValue;
import dev.fracture.io.store.Publication;
import dev.fracture.io.store.PublicationStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Publication of suggested parameters, the one write the API allows. A request must carry the bearer token the
 * service was started with. A well-formed, authenticated request is then judged by the rules — the parameter is on the
 * whitelist, the change is at most its step, the last accepted change is at least the minimum interval old — and
 * recorded whatever the verdict, with the reason. Requests that fail before that (no publishing configured, a missing
 * or wrong token, a malformed body) are refused without writing anything.
 */
final class Publisher {
    private final byte[] token;
    private final Map<String, PublishRule> rules;
    private final Duration minInterval;
    private final PublicationStore store;
    private final Metrics metrics;
    private final LongSupplier clock;

    Publisher(String token, Map<String, PublishRule> rules, Duration minInterval, PublicationStore store,
              Metrics metrics, LongSupplier clock) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.rules = Map.copyOf(rules);
        this.minInterval = minInterval;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    Map<String, PublishRule> rules() {
        return rules;
    }

    Duration minInterval() {
        return minInterval;
    }

    /** The value in force: the last accepted publication's, else the rule's initial value. */
    double current(PublishRule rule) {
        return store.current(rule.parameter()).map(ParameterValue::value).orElse(rule.initial());
    }

    Optional<ParameterValue> published(String name) {
        return store.current(name);
    }

    /**
     * Judges and records one publication.
     *
     * @throws ApiError 401/403 before judging (nothing recorded); 400 for a malformed body (nothing recorded); 403,
     *                  409 or 429 for a refusal by the rules, after recording it
     */
    synchronized Publication publish(String parameter, String authorization, JsonNode body) {
        authorize(authorization);
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("body", "a JSON object {\"value\": number}");
        }
        JsonNode v = body.get("value");
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw ApiError.badRequest("body.value", "required, a finite number");
        }
        var unknown = new java.util.TreeSet<String>();
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("value")) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiError.badRequest("body." + unknown.first(), "unknown field (only value is accepted)");
        }
        double value = v.asDouble();
        long now = clock.getAsLong();
        PublishRule rule = rules.get(parameter);
        if (rule == null) {
            throw refuse(now, parameter, v.asText(), null, 403, "parameter",
                    "not on the whitelist of publishable parameters " + new java.util.TreeSet<>(rules.keySet()));
        }
        Optional<ParameterValue> last = store.current(parameter);
        double previous = last.map(ParameterValue::value).orElse(rule.initial());
        double step = Math.abs(value - previous);
        if (step > rule.maxStep()) {
            throw refuse(now, parameter, v.asText(), previous, 409, "body.value", "a change of " + step + " from "
                    + previous + " exceeds the largest step allowed, " + rule.maxStep());
        }
        if (last.isPresent() && now - last.get().updatedMs() < minInterval.toMillis()) {
            throw refuse(now, parameter, v.asText(), previous, 429, "parameter", "last changed "
                    + (now - last.get().updatedMs()) + " ms ago; at least " + minInterval.toMillis()
                    + " ms must pass between publications");
        }
        Publication p = store.record(now, parameter, v.asText(), previous, true, value, "accepted");
        metrics.count("fracture_publications_total", "Publication attempts judged, by verdict.",
                Map.of("verdict", "accepted"), 1);
        metrics.count("fracture_store_writes_total", "Rows written to the store.", Map.of("table", "publication"), 2);
        return p;
    }

    private ApiError refuse(long now, String parameter, String requested, Double previous, int status, String field,
                            String rule) {
        store.record(now, parameter.length() > 256 ? parameter.substring(0, 256) : parameter, requested, previous,
                false, Double.NaN, rule);
        metrics.count("fracture_publications_total", "Publication attempts judged, by verdict.",
                Map.of("verdict", "refused"), 1);
        metrics.count("fracture_store_writes_total", "Rows written to the store.", Map.of("table", "publication"), 1);
        return new ApiError(status, field, rule);
    }

    private void authorize(String authorization) {
        if (token == null) {
            throw new ApiError(403, "Authorization", "publishing is disabled: the service was started without a "
                    + "publish token");
        }
        String prefix = "Bearer ";
        if (authorization == null || !authorization.startsWith(prefix)) {
            throw new ApiError(401, "Authorization", "required: Bearer <token>");
        }
        byte[] given = authorization.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8);
        // Constant time, so the comparison does not reveal how much of a guess was right.
        if (!MessageDigest.isEqual(given, token)) {
            throw new ApiError(401, "Authorization", "the bearer token is not the one the service was started with");
        }
    }
}
