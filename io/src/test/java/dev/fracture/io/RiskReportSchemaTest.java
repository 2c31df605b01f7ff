package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.fracture.measure.MonteCarloSample;
import dev.fracture.measure.RiskReport;
import dev.fracture.measure.RiskReportBuilder;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real risk reports validate against the published JSON Schema (draft 2020-12), and broken ones do not. The validator
 * is networknt's json-schema-validator: it implements draft 2020-12 (passing the official JSON-Schema-Test-Suite for
 * it), works on the Jackson trees the project already uses, and asserts formats such as date-time when asked.
 */
class RiskReportSchemaTest {
    private static JsonSchema schema;
    private static ObjectNode report;

    @BeforeAll
    static void buildOnce() throws Exception {
        try (InputStream in = RiskReportJson.class.getClassLoader().getResourceAsStream(RiskReportJson.SCHEMA_RESOURCE)) {
            JsonNode schemaTree = new ObjectMapper().readTree(in);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree, config);
        }
        EcosystemSnapshot snapshot = BundledEcosystems.load("defi-2025");
        // Every optional block filled: a volatility for ETH (LVaR) and a Monte Carlo sample for it (LaR / VaR).
        MonteCarloSample sample = new MonteCarloSample(86_400, 42, new double[] {0, 1e6, 5e6, 2e7},
                new double[] {0, 0, 1e5, 3e6});
        RiskReport.Options options = RiskReport.Options.DEFAULT
                .withVolatility(Map.of(AssetId.of("eth"), 0.045))
                .withSamples(Map.of(AssetId.of("eth"), sample));
        RiskReport r = RiskReportBuilder.DEFAULT.build(snapshot, List.of(), options);
        report = RiskReportJson.tree(r);
    }

    private static Set<ValidationMessage> validate(JsonNode doc) {
        return schema.validate(doc);
    }

    @Test
    void theBundledEcosystemsReportIsValid() {
        assertThat(validate(report)).isEmpty();
        assertThat(report.at("/assets").size()).isGreaterThanOrEqualTo(4);
        assertThat(report.at("/assets/0/asset").asText()).isEqualTo("eth");
        assertThat(report.at("/assets/0/lvar/holdings").size()).isGreaterThan(1);
        assertThat(report.at("/assets/0/tailRisk/badDebtVar/1/usd").asDouble()).isEqualTo(3e6);
    }

    @Test
    void aReportMissingARequiredMeasureIsRejected() {
        ObjectNode broken = report.deepCopy();
        ((ObjectNode) broken.at("/assets/0")).remove("solvencyBoundary");
        assertThat(validate(broken)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("solvencyBoundary"));
    }

    @Test
    void aNegativeAmountOrAShareAboveOneIsRejected() {
        ObjectNode broken = report.deepCopy();
        ((ObjectNode) broken.at("/assets/0/liquidationCurve/down/10")).put("collateralUsd", -5);
        ((ObjectNode) broken.at("/assets/0/concentration")).put("hhiAccounts", 1.5);
        Set<ValidationMessage> errors = validate(broken);
        assertThat(errors).extracting(m -> m.getInstanceLocation().toString())
                .contains("/assets/0/liquidationCurve/down/10/collateralUsd", "/assets/0/concentration/hhiAccounts");
    }

    @Test
    void anUnknownFieldAWrongTypeAndABadDateAreRejected() {
        ObjectNode broken = report.deepCopy();
        broken.put("price", 3300);
        ((ObjectNode) broken.at("/snapshot")).put("asOf", "yesterday");
        ((ArrayNode) broken.at("/assets/0/movesWith")).add(7);
        assertThat(validate(broken)).hasSizeGreaterThanOrEqualTo(3);
    }
}
