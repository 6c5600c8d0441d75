package io.banli.kit.openapi;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Visits every schema of a document (components, parameters, bodies, responses, headers, and what they nest) and
 * states what the scanner leaves implicit: the range of an integer is that of its Java type ({@code int32},
 * {@code int64}), which is exactly what the server reads (a larger number is a 400); a date or instant is at most as
 * long as its ISO-8601 text; and a reference to the problem
 * extension's schemas becomes one to ours.
 */
final class SchemaWalk {

    private static final Map<String, BigDecimal[]> RANGES = Map.of(
            "int32", new BigDecimal[] {BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE)},
            "int64", new BigDecimal[] {BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE)});

    private SchemaWalk() {
    }

    static void apply(OpenAPI openAPI) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<Schema> visit = schema -> walk(schema, seen);
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(visit);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getParameters() != null) {
                item.getParameters().forEach(p -> visit.accept(p.getSchema()));
            }
            item.getOperations().values().forEach(operation -> operation(operation, visit));
        });
    }

    private static void operation(Operation operation, Consumer<Schema> visit) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> visit.accept(p.getSchema()));
        }
        if (operation.getRequestBody() != null) {
            content(operation.getRequestBody().getContent(), visit);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> {
                content(response.getContent(), visit);
                if (response.getHeaders() != null) {
                    response.getHeaders().values().forEach(h -> visit.accept(h.getSchema()));
                }
            });
        }
    }

    private static void content(Content content, Consumer<Schema> visit) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> visit.accept(media.getSchema()));
        }
    }

    private static void walk(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getRef() != null) {
            schema.setRef(ProblemSchemas.rename(schema.getRef()));
        }
        bound(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> walk(s, seen));
        }
        walk(schema.getItems(), seen);
        walk(schema.getAdditionalPropertiesSchema(), seen);
        walk(schema.getNot(), seen);
        for (var list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(),
                schema.getPrefixItems())) {
            if (list != null) {
                list.forEach(s -> walk(s, seen));
            }
        }
    }

    private static void bound(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)
                && schema.getMaxLength() == null && schema.getFormat() != null) {
            // The longest ISO-8601 text Java reads: 2025-01-20 and 2025-01-20T02:00:00.123456789+08:00.
            schema.setMaxLength(switch (schema.getFormat()) {
                case "date" -> 10;
                case "date-time" -> 35;
                default -> null;
            });
        }
        if (schema.getType() == null || !schema.getType().contains(Schema.SchemaType.INTEGER)) {
            return;
        }
        if (schema.getFormat() == null) {
            schema.setFormat("int64");
        }
        BigDecimal[] range = RANGES.get(schema.getFormat());
        if (range == null) {
            return;
        }
        if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
            schema.setMinimum(range[0]);
        }
        if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
            schema.setMaximum(range[1]);
        }
    }
}
