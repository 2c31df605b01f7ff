package dev.fracture.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validation of responses: against the risk-report schema of io (its {@code $id} mapped to the classpath copy), a
 * part of it named by a JSON pointer, or a component of the service's OpenAPI document. networknt's validator,
 * draft 2020-12, format assertions on.
 */
final class Schemas {
    static final String REPORT = "https://fracture.dev/schema/risk-report-v1.schema.json";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://fracture.dev/schema/", "classpath:schema/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** Problems of {@code doc} against the risk-report schema at {@code pointer} ("" for the whole report). */
    static Set<ValidationMessage> report(String pointer, JsonNode doc) {
        return schema(REPORT + pointer).validate(doc);
    }

    /** Problems of {@code doc} against {@code #/components/schemas/<name>} of openapi.json. */
    static Set<ValidationMessage> component(String name, JsonNode doc) {
        return schema("classpath:openapi.json#/components/schemas/" + name).validate(doc);
    }

    private static JsonSchema schema(String location) {
        return CACHE.computeIfAbsent(location, l -> FACTORY.getSchema(SchemaLocation.of(l), CONFIG));
    }
}
