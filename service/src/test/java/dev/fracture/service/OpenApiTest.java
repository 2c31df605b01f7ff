package dev.fracture.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fracture.io.BundledEcosystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document describes exactly the routes the service registers, no more and no fewer. */
class OpenApiTest {
    @TempDir
    Path dir;

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        try (FractureService s = FractureService.start(ServiceConfig.defaults(BundledEcosystems.load("defi-2025"),
                Stores.h2(dir)).withPort(0))) {
            JsonNode doc = new Http(s.url()).get("/openapi.json").json();
            List<String> documented = new ArrayList<>();
            doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(
                    m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
            assertThat(s.routeList()).hasSizeGreaterThanOrEqualTo(20);
            assertThat(documented).containsExactlyInAnyOrderElementsOf(s.routeList());
            // Every reference to a component resolves.
            String text = doc.toString();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("#/components/schemas/([A-Za-z]+)")
                    .matcher(text);
            while (m.find()) {
                assertThat(doc.get("components").get("schemas").has(m.group(1))).as(m.group(1)).isTrue();
            }
        }
    }
}
