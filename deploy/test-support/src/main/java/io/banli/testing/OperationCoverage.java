package io.banli.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ties a service's authorization matrix to its own OpenAPI document: every operation the document
 * publishes under {@code /api/} must have a row, so a new endpoint without a decided "who may call it"
 * fails the build. Rows name concrete requests ({@code GET /api/v1/submissions/42}); they are matched
 * to the document's path templates.
 */
public final class OperationCoverage {

    private final Map<String, Pattern> operations = new LinkedHashMap<>();

    private OperationCoverage(JsonNode document) {
        document.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.put(method.toUpperCase() + " " + path.getKey(), Pattern.compile(regex));
                }
            });
        });
    }

    /** Reads the document the running service serves. */
    public static OperationCoverage ofRunningService() {
        try {
            String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .extract().asString();
            return new OperationCoverage(new ObjectMapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
    }

    /** Every operation of the document, as {@code METHOD /template}. */
    public Collection<String> operations() {
        return operations.keySet();
    }

    /**
     * The operations that no row reaches.
     *
     * @param rows concrete requests, {@code METHOD /path} with the query string left off
     */
    public List<String> withoutRow(Collection<String> rows) {
        List<String> missing = new ArrayList<>();
        operations.forEach((operation, template) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            boolean reached = rows.stream().anyMatch(row -> row.startsWith(method + " ")
                    && template.matcher(row.substring(method.length() + 1).replaceFirst("\\?.*", "")).matches());
            if (!reached) {
                missing.add(operation);
            }
        });
        return missing;
    }
}
