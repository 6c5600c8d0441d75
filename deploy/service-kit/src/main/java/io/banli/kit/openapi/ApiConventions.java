package io.banli.kit.openapi;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.banli.kit.ratelimit.PlatformRateLimit;

/**
 * What holds for every operation and so is written once: the rate-limit headers (io.banli.kit.ratelimit), the
 * schema of a body that is a file, the problem schema of an error that names only its media type, and the server.
 */
final class ApiConventions {

    private ApiConventions() {
    }

    /**
     * One relative server: the document is served by the service it describes, in every environment (local,
     * staging, production), so its paths are relative to where it was fetched. The scanner's default named the
     * build machine's port over plain HTTP.
     */
    static void servers(OpenAPI openAPI) {
        openAPI.setServers(new java.util.ArrayList<>());
        openAPI.addServer(OASFactory.createServer().url("/")
                .description("The service that serves this document, in every environment (local, staging, "
                        + "production); production is reached over HTTPS only.")
                .addExtension("x-internal", false));
        if (openAPI.getComponents() != null && openAPI.getComponents().getSecuritySchemes() != null) {
            openAPI.getComponents().getSecuritySchemes().values().forEach(scheme -> scheme.description(
                    "A JWT (RS256) from intake's token endpoint or the identity provider, handled as RFC8725 "
                            + "recommends: the algorithm is fixed (never `none`), and signature, issuer, audience "
                            + "and expiry are checked on every request. Intake's platform tokens live 5 minutes "
                            + "by default."));
        }
    }

    /** A file answer (PDF, CSV, a picture) is a string of bytes; text is a string. */
    static void bodies(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().values().forEach(response -> media(response.getContent()));
    }

    private static void media(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (media.getSchema() == null && !type.contains("json")) {
                Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
                media.setSchema(type.startsWith("text/") ? schema : schema.format("binary"));
            }
        });
    }

    /** An error that names application/problem+json but no schema gets the shared one. */
    static void problemSchemas(APIResponse response, String schema) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return;
        }
        var media = response.getContent().getMediaType("application/problem+json");
        if (media != null && media.getSchema() == null) {
            media.setSchema(OASFactory.createSchema().ref(schema));
        }
    }

    /**
     * The headers {@link PlatformRateLimit} sends platform clients on every answer, and {@code Retry-After} on a
     * 429. People's roles are not rate limited and get none of them.
     */
    static void rateLimitHeaders(String status, APIResponse response) {
        if (status.startsWith("2") || status.startsWith("4")) {
            addIfMissing(response, PlatformRateLimit.LIMIT, "Platform clients only: requests this client may make "
                    + "at once (its bucket's size).");
            addIfMissing(response, PlatformRateLimit.REMAINING, "Platform clients only: requests left before the "
                    + "limit.");
            addIfMissing(response, PlatformRateLimit.RESET, "Platform clients only: seconds until the bucket is full "
                    + "again.");
        }
        if ("429".equals(status)) {
            addIfMissing(response, "Retry-After", "Seconds to wait before the next request.");
        }
    }

    private static void addIfMissing(APIResponse response, String name, String description) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        Header header = OASFactory.createHeader().description(description).schema(OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER).format("int64").minimum(BigDecimal.ZERO)
                .maximum(BigDecimal.valueOf(Long.MAX_VALUE)));
        response.addHeader(name, header);
    }
}
