package io.banli.kit.openapi;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The error body every service answers with (RFC 9457), as the components {@code Problem}, {@code ValidationProblem}
 * and {@code Violation}: stable names a generated client can catch, and limits on every field. They replace the
 * problem extension's {@code HttpProblem}/{@code HttpValidationProblem}, whose names leak the library.
 */
final class ProblemSchemas {

    static final String PROBLEM = "#/components/schemas/Problem";
    static final String VALIDATION_PROBLEM = "#/components/schemas/ValidationProblem";
    private static final String EXTENSION_PROBLEM = "#/components/schemas/HttpProblem";
    private static final String EXTENSION_VALIDATION_PROBLEM = "#/components/schemas/HttpValidationProblem";

    private ProblemSchemas() {
    }

    static void define(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.removeSchema("HttpProblem");
        components.removeSchema("HttpValidationProblem");
        components.addSchema("Problem", problem());
        components.addSchema("Violation", violation());
        components.addSchema("ValidationProblem", OASFactory.createSchema()
                .description("A problem with the input: `violations` names each field or parameter at fault. "
                        + "Nothing was changed.")
                .addAllOf(OASFactory.createSchema().ref(PROBLEM))
                .addAllOf(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).addProperty("violations",
                        OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).maxItems(1000)
                                .description("Each violated constraint, at most one per field and constraint.")
                                .items(OASFactory.createSchema().ref("#/components/schemas/Violation")))));
    }

    /** The reference the problem extension wrote, as ours; any other reference unchanged. */
    static String rename(String ref) {
        if (EXTENSION_PROBLEM.equals(ref)) {
            return PROBLEM;
        }
        return EXTENSION_VALIDATION_PROBLEM.equals(ref) ? VALIDATION_PROBLEM : ref;
    }

    private static Schema problem() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An error (RFC 9457). Clients switch on `type`; deploy/docs/problems.md lists them all.")
                .required(List.of("title", "status"))
                .additionalPropertiesBoolean(true)
                .addProperty("type", text(200).format("uri").addExample("https://banli.dev/problems/not-found")
                        .description("Identifies the kind of error; absent for the generic statuses (then read "
                                + "`status`)."))
                .addProperty("title", text(200).addExample("Not Found").description("The status's short name."))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)).addExample(404)
                        .description("The HTTP status, repeated."))
                .addProperty("detail", text(2000).addExample("No submission with id 42.")
                        .description("What went wrong this time, for a person to read."))
                .addProperty("instance", text(2000).format("uri-reference").addExample("/api/v1/submissions/42")
                        .description("The request's path."));
    }

    private static Schema violation() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One violated constraint of the input.")
                .addProperty("field", text(500).addExample("title")
                        .description("The body field (dotted path, `items[0].mode`) or parameter name."))
                .addProperty("in", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(List.of("body", "query", "path", "header", "form", "cookie"))
                        .description("Where the value was."))
                .addProperty("message", text(1000).addExample("size must be between 0 and 200")
                        .description("What the value must be."));
    }

    private static Schema text(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }
}
