package io.banli.kit.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error responses every operation shares, once, instead of on every method: 401 and
 * 403 for the secured API, 400 for anything that takes input, 404 for anything addressed by id.
 * Each is an RFC 9457 problem; operation-specific errors (409, 422) stay on the operation.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> addSharedResponses(path, operation)));
    }

    private static void addSharedResponses(String path, Operation operation) {
        if (!path.startsWith("/api/")) {
            return;
        }
        APIResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            add(responses, "400", "Malformed input: wrong types, unknown values, or violated constraints "
                    + "(listed in `violations`). Nothing was changed.");
        }
        if (path.contains("{")) {
            add(responses, "404", "No such resource, or not one the caller may see.");
        }
        if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
            add(responses, "401", "No bearer token, or one that is invalid or expired.");
            add(responses, "403", "The token's role may not call this operation, or the row is not the caller's.");
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("field", string, "in", string, "message", string));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. `type` is stable per kind of error.")
                .properties(Map.of(
                        "type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                                .examples(List.of("https://banli.dev/problems/illegal-transition")),
                        "title", string,
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail", string,
                        "instance", string,
                        "violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation)));
    }
}
