package io.banli.apidocs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a client of a service relies on, read from its OpenAPI document as one line per fact: each operation, each of
 * its responses, and each property of each response body with its type ({@code GET /api/v1/submissions/{id} 200
 * application/json .coSigners[].memberId = integer/int64}). Two contracts compare line by line: a line of the
 * baseline that is gone or has another type is a break; new lines are additions, which clients ignore.
 */
final class ApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private ApiContract() {
    }

    /** Key (operation, response, property path) to type; operations and responses have the type "exists". */
    static Map<String, String> of(JsonNode document) {
        Map<String, String> facts = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String operation = op.getKey().toUpperCase() + " " + path.getKey();
            facts.put(operation, "exists");
            op.getValue().path("responses").fields().forEachRemaining(response -> {
                String status = operation + " " + response.getKey();
                facts.put(status, "exists");
                response.getValue().path("content").fields().forEachRemaining(media -> {
                    String body = status + " " + media.getKey() + " ";
                    JsonNode schema = media.getValue().path("schema");
                    if (schema.has("$ref")) {
                        // Generated clients name their classes after it.
                        facts.put(body + "named", schema.path("$ref").asText().replace("#/components/schemas/", ""));
                    }
                    if (!media.getKey().equals("application/problem+json")) {
                        properties(document, schema, body, "", facts, new HashSet<>());
                    }
                });
            });
        }));
        // Every error shares these; their properties are listed once, not under each response.
        for (String problem : List.of("Problem", "ValidationProblem")) {
            JsonNode schema = document.path("components").path("schemas").path(problem);
            if (!schema.isMissingNode()) {
                properties(document, schema, "components " + problem + " ", "", facts, new HashSet<>());
            }
        }
        return facts;
    }

    /** The baseline's facts that the current contract lost or changed, one line each. */
    static List<String> breaks(Map<String, String> baseline, Map<String, String> current) {
        List<String> breaks = new ArrayList<>();
        baseline.forEach((key, type) -> {
            String now = current.get(key);
            if (now == null) {
                breaks.add("removed: " + key);
            } else if (!now.equals(type)) {
                breaks.add("retyped: " + key + " was " + type + ", is " + now);
            }
        });
        return breaks;
    }

    private static void properties(JsonNode document, JsonNode schema, String prefix, String at,
            Map<String, String> facts, Set<String> refsOnPath) {
        String ref = schema.path("$ref").asText(null);
        if (ref != null) {
            if (!refsOnPath.add(ref)) {
                return; // a recursive structure: its properties were listed one level up
            }
            properties(document, document.at(ref.substring(1)), prefix, at, facts, refsOnPath);
            refsOnPath.remove(ref);
            return;
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode part : schema.path(combinator)) {
                if (!"null".equals(part.path("type").asText())) {
                    properties(document, part, prefix, at, facts, refsOnPath);
                }
            }
        }
        String type = type(schema);
        if (!type.isEmpty()) {
            facts.put(prefix + (at.isEmpty() ? "." : at), type);
        }
        schema.path("properties").fields().forEachRemaining(p -> properties(document, p.getValue(), prefix,
                at + "." + p.getKey(), facts, refsOnPath));
        if (schema.has("items")) {
            properties(document, schema.path("items"), prefix, at + "[]", facts, refsOnPath);
        }
        if (schema.path("additionalProperties").isObject()) {
            properties(document, schema.path("additionalProperties"), prefix, at + "{}", facts, refsOnPath);
        }
    }

    /** The schema's types without null (nullability is not a type), and its format. */
    private static String type(JsonNode schema) {
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (Iterator<JsonNode> t = type.elements(); t.hasNext();) {
                String name = t.next().asText();
                if (!"null".equals(name)) {
                    types.add(name);
                }
            }
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        types.sort(String::compareTo);
        String format = schema.path("format").asText("");
        return String.join("|", types) + (format.isEmpty() || types.isEmpty() ? "" : "/" + format);
    }
}
