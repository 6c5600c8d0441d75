package io.banli.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Portal developers integrate from the OpenAPI document alone, so every operation must say what it
 * does, show a request and a response that work, and list its errors as problem+json. Each service
 * runs this against its own document by extending it in a {@code @QuarkusTest}.
 */
public abstract class OpenApiContract {

    @Test
    void everyOperationHasASummaryExamplesAndItsErrors() throws Exception {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        // Kept as a build output: the document a portal developer would download.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), json);
        JsonNode paths = new ObjectMapper().readTree(json).path("paths");
        List<String> gaps = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            if (operation.path("summary").asText().isBlank()) {
                gaps.add(name + ": no summary");
            }
            if (operation.has("requestBody") && !hasExample(operation.path("requestBody"))) {
                gaps.add(name + ": no request example");
            }
            JsonNode responses = operation.path("responses");
            List<String> codes = new ArrayList<>();
            responses.fieldNames().forEachRemaining(codes::add);
            if (codes.stream().filter(c -> c.startsWith("2")).noneMatch(c -> hasExample(responses.path(c)))) {
                gaps.add(name + ": no success response with an example");
            }
            for (String error : List.of("401", "403")) {
                if (!responses.has(error)) {
                    gaps.add(name + ": " + error + " not documented");
                }
            }
            responses.fields().forEachRemaining(r -> {
                if (r.getKey().matches("[45]\\d\\d") && !r.getValue().path("content").has("application/problem+json")) {
                    gaps.add(name + ": " + r.getKey() + " is not described as application/problem+json");
                }
            });
        }));
        assertThat(gaps).as("operations missing documentation").isEmpty();
        assertThat(json).as("the bearer scheme is declared").contains("\"bearer\"");
    }

    private static boolean hasExample(JsonNode node) {
        JsonNode content = node.path("content");
        List<Boolean> found = new ArrayList<>();
        content.forEach(media -> found.add(media.has("examples") || media.has("example")));
        return found.contains(true);
    }
}
