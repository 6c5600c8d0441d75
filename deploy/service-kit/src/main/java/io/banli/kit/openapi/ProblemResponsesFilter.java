package io.banli.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error responses every operation shares, once, instead of on every method: 401 and
 * 403 for the secured API, 404 for anything addressed by id, and the body of each error as an
 * RFC 9457 problem (the schemas come from the problem extension). Operation-specific errors (409,
 * 422) are declared on the operation itself.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/HttpProblem";
    private static final String VALIDATION_PROBLEM = "#/components/schemas/HttpValidationProblem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> document(path, operation));
            }
        });
    }

    private static void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        addIfMissing(responses, "401", "No bearer token, or one that is invalid or expired.");
        addIfMissing(responses, "403", "The token's role may not call this operation.");
        if (path.contains("{")) {
            addIfMissing(responses, "404", "No such resource, or not one the caller may see.");
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.matches("[45]\\d\\d") && (response.getContent() == null
                    || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.content(problemContent("400".equals(status) ? VALIDATION_PROBLEM : PROBLEM));
            }
        });
        APIResponse badRequest = responses.getAPIResponse("400");
        if (badRequest != null) {
            badRequest.description("Malformed input: wrong types, unknown values or violated constraints, each "
                    + "named in `violations`. Nothing was changed.");
        }
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent(String schema) {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema)));
    }
}
