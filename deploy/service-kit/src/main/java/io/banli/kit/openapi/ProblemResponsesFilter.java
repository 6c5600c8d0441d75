package io.banli.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents what every operation shares, once, instead of on every method: 400 (a control character in any
 * parameter, a body of the wrong shape), 401 and 403 for the secured API, 404 for anything addressed by id, 429
 * for platform clients over their rate limit, 500, and 503 (overloaded, or the database away), each with an RFC 9457
 * problem body ({@link ProblemSchemas}: {@code Problem}, {@code ValidationProblem}). Operation-specific errors (409,
 * 422) are declared on the operation itself. The kit's API conventions too: the {@code Idempotency-Key} header of every POST, 304 for a GET whose
 * {@code ETag} the client already has, the rate-limit headers, file bodies and the server ({@link ApiConventions}),
 * integer ranges and date lengths ({@link SchemaWalk}).
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = ProblemSchemas.PROBLEM;
    private static final String VALIDATION_PROBLEM = ProblemSchemas.VALIDATION_PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemSchemas.define(openAPI);
        ApiConventions.servers(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                // First the conventions' own responses, so that document() gives their errors a problem body.
                if (item.getPOST() != null) {
                    idempotent(item.getPOST());
                }
                if (item.getGET() != null) {
                    addIfMissing(item.getGET().getResponses(), "304", "Not modified: the `If-None-Match` header "
                            + "named the current `ETag` (JSON answers only). No body.");
                }
                item.getOperations().forEach((method, operation) -> document(path, operation));
                item.getOperations().forEach((method, operation) -> ApiConventions.bodies(operation));
            }
        });
        SchemaWalk.apply(openAPI);
    }

    /** The kit's Idempotency-Key, documented on every POST (io.banli.kit.idempotency). */
    private static void idempotent(Operation operation) {
        operation.addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                .required(false).example("0b6e1e5c-6f0e-4a43-9d1e-3c2f4b8a7d21")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(255))
                .description("Optional, at most 255 characters, unique per request of this caller. A retry with the "
                        + "same key and body gets the first answer again (header `Idempotent-Replayed: true`) and "
                        + "changes nothing; the same key for another body or path is 422 "
                        + "`idempotency-key-reused`, and 409 `idempotency-key-in-use` while the first is running. "
                        + "Keys are kept at least 24 hours."));
        APIResponses responses = operation.getResponses();
        addIfMissing(responses, "409", "Conflict with the current state, or the Idempotency-Key's first request is "
                + "still running.");
        addIfMissing(responses, "422", "Not processable; among others, an Idempotency-Key reused for another "
                + "request.");
    }

    private static void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        addIfMissing(responses, "401", "No bearer token, or one that is invalid or expired.");
        addIfMissing(responses, "403", "The token's role may not call this operation.");
        addIfMissing(responses, "400", "");
        addIfMissing(responses, "429", "A platform client over its rate limit; `Retry-After` says when to retry.");
        addIfMissing(responses, "500", "An unexpected error on our side; the problem says no more than that. "
                + "Retrying may help.");
        addIfMissing(responses, "503", "Nothing was done: the service is working on as many requests as it takes "
                + "(`overloaded`), or its database is unavailable for a moment (`database-unavailable`). "
                + "`Retry-After` says when to retry; a POST keeps its `Idempotency-Key`.");
        if (path.contains("{")) {
            addIfMissing(responses, "404", "No such resource, or not one the caller may see.");
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.matches("[45]\\d\\d") && (response.getContent() == null
                    || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.content(problemContent("400".equals(status) ? VALIDATION_PROBLEM : PROBLEM));
            }
            ApiConventions.problemSchemas(response, "400".equals(status) ? VALIDATION_PROBLEM : PROBLEM);
            ApiConventions.rateLimitHeaders(status, response);
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
