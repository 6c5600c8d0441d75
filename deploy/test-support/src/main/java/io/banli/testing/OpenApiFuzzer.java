package io.banli.testing;

import static io.restassured.RestAssured.given;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sends every operation of a service's own OpenAPI document requests that are wrong in one place each:
 * a required field missing or null, a field of the wrong type, text too long or holding a NUL, a number
 * out of its range, an enum value that does not exist, a body that is no JSON object, path and query
 * parameters of the wrong type, out of range, too long or with a NUL, an id that does not exist, a body in
 * the wrong media type, a request line too long. The rules it holds the service to:
 * <ul>
 * <li>no answer is a server error (5xx);</li>
 * <li>every 4xx answer is {@code application/problem+json};</li>
 * <li>nothing invalid is accepted: a request wrong against the document never gets a 2xx;</li>
 * <li>a refused path or query parameter is reported {@code "in"} the path or the query.</li>
 * </ul>
 * A valid request is never sent, so a run changes nothing unless the service accepts what it should not
 * (which is a finding). Each operation is called with a token of a role it allows (the document lists the
 * roles per operation), and its parameter cases also with a member's token, whose answers must be
 * problem+json as well. Operations are left out only with a written reason ({@link #skip}).
 */
public final class OpenApiFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Longer than any text field of the API may be, far shorter than the body limits. */
    private static final int OVERSIZED = 100_000;
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** Roles in the order a token is picked for an operation that allows several. */
    private static final List<String> PREFERENCE = List.of("office", "unit-staff", "unit-head", "member", "auditor",
            "leader", "platform");

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> samples = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final List<String> findings = new ArrayList<>();
    private JsonNode document;
    private int requests;

    /** One request the fuzzer sends, and whether the document says it is wrong. */
    private record Case(String description, String path, Map<String, String> query, String contentType, String body,
            String token, boolean invalid) {
    }

    /** The outcome of a run: how many requests went out and what broke the rules, one line each. */
    public record Report(int requests, int operations, List<String> findings) {
    }

    /** The token to send for operations that allow {@code role} (e.g. "office", "unit-staff", "member"). */
    public OpenApiFuzzer token(String role, String token) {
        tokens.put(role, token);
        return this;
    }

    /** A valid value for a path parameter of this name (default 1); the fuzzer varies it. */
    public OpenApiFuzzer sample(String pathParameter, Object value) {
        samples.put(pathParameter, String.valueOf(value));
        return this;
    }

    /** Leaves an operation ("POST /api/v1/x") out, with the reason written where the test says so. */
    public OpenApiFuzzer skip(String operation, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an operation is left out only with a reason");
        }
        skipped.put(operation, reason);
        return this;
    }

    /** Fuzzes every {@code /api/} operation of the service's document at {@code /q/openapi}. */
    public Report run() throws Exception {
        document = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        int operations = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                String name = method.toUpperCase() + " " + path.getKey();
                if (operation.isMissingNode() || skipped.containsKey(name)) {
                    continue;
                }
                operations++;
                fuzz(method, path.getKey(), operation);
            }
        }
        requestLineTooLong();
        return new Report(requests, operations, List.copyOf(findings));
    }

    private void fuzz(String method, String template, JsonNode operation) {
        String token = tokenFor(operation);
        List<JsonNode> pathParameters = new ArrayList<>();
        List<JsonNode> queryParameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> {
            JsonNode parameter = resolve(p);
            if ("path".equals(parameter.path("in").asText())) {
                pathParameters.add(parameter);
            } else if ("query".equals(parameter.path("in").asText())) {
                queryParameters.add(parameter);
            }
        });
        Map<String, String> validPath = new LinkedHashMap<>();
        pathParameters.forEach(p -> validPath.put(p.path("name").asText(), samples.getOrDefault(
                p.path("name").asText(), sampleOf(resolve(p.path("schema"))))));
        Map<String, String> requiredQuery = new LinkedHashMap<>();
        queryParameters.stream().filter(p -> p.path("required").asBoolean()).forEach(p -> requiredQuery.put(
                p.path("name").asText(), example(p)));
        JsonNode media = operation.path("requestBody").path("content");
        String contentType = media.fieldNames().hasNext() ? media.fieldNames().next() : null;
        JsonNode example = contentType == null ? null : bodyExample(media.path(contentType));
        String validBody = example == null ? null : example.isTextual() ? example.asText() : example.toString();
        boolean bodyRequired = operation.path("requestBody").path("required").asBoolean(false);
        List<Case> cases = new ArrayList<>();
        boolean writes = !"get".equals(method);

        for (JsonNode parameter : pathParameters) {
            String name = parameter.path("name").asText();
            for (Value value : badValues(resolve(parameter.path("schema")), true, writes,
                    List.of("post", "patch", "delete").contains(method))) {
                Map<String, String> values = new LinkedHashMap<>(validPath);
                values.put(name, value.text());
                cases.add(new Case("path " + name + " " + value.description(), expand(template, values),
                        requiredQuery, contentType, validBody, token, value.invalid()));
            }
        }
        String path = expand(template, validPath);
        for (JsonNode parameter : queryParameters) {
            String name = parameter.path("name").asText();
            for (Value value : badValues(resolve(parameter.path("schema")), false, writes, false)) {
                Map<String, String> query = new LinkedHashMap<>(requiredQuery);
                query.put(name, value.text());
                cases.add(new Case("query " + name + " " + value.description(), path, query, contentType, validBody,
                        token, value.invalid()));
            }
        }
        if ("application/json".equals(contentType)) {
            JsonNode schema = resolve(media.path(contentType).path("schema"));
            if (example != null && example.isObject()) {
                bodyCases(cases, path, requiredQuery, token, example, schema, example, "", 0);
            }
            cases.add(new Case("body not JSON", path, requiredQuery, contentType, "{not json", token, true));
            if ("array".equals(schema.path("type").asText())) {
                cases.add(new Case("body an object for the array", path, requiredQuery, contentType, "{}", token,
                        true));
            } else {
                cases.add(new Case("body a JSON array", path, requiredQuery, contentType, "[]", token, true));
            }
            cases.add(new Case("body a JSON string", path, requiredQuery, contentType, "\"x\"", token, true));
            if (bodyRequired) {
                cases.add(new Case("body empty", path, requiredQuery, contentType, "", token, true));
            }
            if (validBody != null) {
                cases.add(new Case("body as text/plain", path, requiredQuery, "text/plain", validBody, token, true));
            }
        }
        String name = method.toUpperCase() + " " + template;
        for (Case c : cases) {
            send(name, method, c);
        }
        // Whoever calls, an answer that is not a success is a problem document.
        String member = tokens.get("member");
        if (member != null && !member.equals(token)) {
            cases.stream().filter(c -> c.description().startsWith("path") || c.description().startsWith("query"))
                    .limit(6).forEach(c -> send(name + " (as member)", method, new Case(c.description(), c.path(),
                            c.query(), c.contentType(), c.body(), member, c.invalid())));
        }
    }

    /** One value for a parameter and whether the document makes it wrong. */
    private record Value(String description, String text, boolean invalid) {
    }

    private List<Value> badValues(JsonNode schema, boolean inPath, boolean writes, boolean actsOnExisting) {
        List<Value> values = new ArrayList<>();
        String type = schema.path("type").asText();
        if (schema.has("enum")) {
            values.add(new Value("unknown enum value", "NOT_A_VALUE", true));
        } else if ("integer".equals(type) || "number".equals(type)) {
            values.add(new Value("not a number", "abc", true));
            values.add(new Value("overflowing", "99999999999999999999999", true));
            if ("integer".equals(type)) {
                values.add(new Value("a fraction", "1.5", true));
            }
            if (schema.has("minimum")) {
                values.add(new Value("below minimum", schema.path("minimum").decimalValue().subtract(
                        java.math.BigDecimal.ONE).toPlainString(), true));
            }
            if (schema.has("maximum")) {
                values.add(new Value("above maximum", schema.path("maximum").decimalValue().add(
                        java.math.BigDecimal.ONE).toPlainString(), true));
            }
            if (inPath) {
                // An id nothing has: reading it may answer an empty list and a PUT may create what it names,
                // but a POST, PATCH or DELETE acts on something that must exist.
                values.add(new Value("that does not exist", "999999999999", actsOnExisting
                        && !"int32".equals(schema.path("format").asText())));
            }
        } else if ("boolean".equals(type)) {
            values.add(new Value("not a boolean", "maybe", true));
        } else if ("string".equals(type)) {
            String format = schema.path("format").asText();
            if ("date".equals(format) || "date-time".equals(format)) {
                values.add(new Value("not a date", "2025-13-45", true));
            }
            if (schema.has("maxLength")) {
                values.add(new Value("too long", "x".repeat(schema.path("maxLength").asInt() + 1), true));
            } else if (!writes) {
                values.add(new Value("very long", "x".repeat(3000), false));
            }
        }
        values.add(new Value("with a NUL", "1\u0000", true));
        values.add(new Value("with a line break", "1\n", true));
        return values;
    }

    private void bodyCases(List<Case> cases, String path, Map<String, String> query, String token, JsonNode root,
            JsonNode schema, JsonNode here, String pointer, int depth) {
        if (depth > 3 || !here.isObject()) {
            return;
        }
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (String field : required) {
            cases.add(bodyCase("missing required " + pointer + "/" + field, path, query, token, root, pointer, field,
                    null, true));
            cases.add(bodyCase("null for required " + pointer + "/" + field, path, query, token, root, pointer, field,
                    NODES.nullNode(), true));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> property = fields.next();
            String field = property.getKey();
            JsonNode declared = property.getValue();
            JsonNode type = resolve(declared);
            String at = pointer + "/" + field;
            for (Map.Entry<String, JsonNode> wrong : wrongValues(declared, type).entrySet()) {
                cases.add(bodyCase(wrong.getKey() + " " + at, path, query, token, root, pointer, field,
                        wrong.getValue(), !wrong.getKey().startsWith("(allowed)")));
            }
            JsonNode value = here.path(field);
            if (value.isObject()) {
                bodyCases(cases, path, query, token, root, type, value, at, depth + 1);
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                bodyCases(cases, path, query, token, root, resolve(type.path("items")), value.get(0), at + "/0",
                        depth + 1);
            }
        }
    }

    /** Values of the wrong type or out of range for a property; a key starting "(allowed)" is not invalid. */
    private Map<String, JsonNode> wrongValues(JsonNode declared, JsonNode schema) {
        Map<String, JsonNode> wrong = new LinkedHashMap<>();
        String type = schema.path("type").asText();
        if (schema.has("enum")) {
            wrong.put("unknown enum value for", NODES.textNode("NOT_A_VALUE"));
            wrong.put("a number for the enum", NODES.numberNode(1));
        } else if ("string".equals(type)) {
            wrong.put("a number for the text", NODES.numberNode(12345));
            wrong.put("a boolean for the text", NODES.booleanNode(true));
            wrong.put("an object for the text", NODES.objectNode());
            wrong.put("a NUL in", NODES.textNode("a\u0000b"));
            int max = declared.path("maxLength").asInt(schema.path("maxLength").asInt(-1));
            if (!schema.has("format")) {
                wrong.put("oversized text", NODES.textNode("x".repeat(max > 0 ? max + 1 : OVERSIZED)));
            }
            if (schema.has("format")) {
                wrong.put("not a " + schema.path("format").asText() + " in", NODES.textNode("2025-13-45T99:99"));
            }
        } else if ("integer".equals(type) || "number".equals(type)) {
            wrong.put("text for the number", NODES.textNode("abc"));
            wrong.put("a numeric string for the number", NODES.textNode("1"));
            wrong.put("a boolean for the number", NODES.booleanNode(true));
            if ("integer".equals(type)) {
                wrong.put("a fraction for the whole number", NODES.numberNode(1.5));
                wrong.put("an overflowing number for", NODES.numberNode(new java.math.BigInteger(
                        "99999999999999999999999")));
            }
            if (schema.has("minimum")) {
                wrong.put("below minimum", NODES.numberNode(schema.path("minimum").decimalValue().subtract(
                        java.math.BigDecimal.ONE)));
            }
            if (schema.has("maximum")) {
                wrong.put("above maximum", NODES.numberNode(schema.path("maximum").decimalValue().add(
                        java.math.BigDecimal.ONE)));
            }
        } else if ("boolean".equals(type)) {
            wrong.put("text for the boolean", NODES.textNode("yes"));
            wrong.put("a number for the boolean", NODES.numberNode(1));
        } else if ("array".equals(type)) {
            wrong.put("text for the array", NODES.textNode("x"));
            ArrayNode mixed = NODES.arrayNode();
            if ("object".equals(resolve(schema.path("items")).path("type").asText())) {
                mixed.add(NODES.numberNode(1));
                wrong.put("an array of numbers for", mixed);
            } else {
                mixed.add(NODES.objectNode().put("x", 1));
                wrong.put("an array of objects for", mixed);
            }
        } else if ("object".equals(type)) {
            wrong.put("a number for the object", NODES.numberNode(5));
        }
        return wrong;
    }

    private Case bodyCase(String description, String path, Map<String, String> query, String token, JsonNode root,
            String pointer, String field, JsonNode value, boolean invalid) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = pointer.isEmpty() ? copy : copy.at(pointer);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(field);
            } else {
                object.set(field, value);
            }
        }
        return new Case(description, path, query, "application/json", copy.toString(), token, invalid);
    }

    private void send(String operation, String method, Case c) {
        RequestSpecification request = given().urlEncodingEnabled(false).redirects().follow(false);
        if (c.token() != null) {
            request = request.auth().oauth2(c.token());
        }
        if (c.body() != null) {
            request = request.contentType(c.contentType()).body(c.body().getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder url = new StringBuilder(c.path());
        String separator = "?";
        for (Map.Entry<String, String> q : c.query().entrySet()) {
            url.append(separator).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
            separator = "&";
        }
        Response response = request.request(method.toUpperCase(), url.toString());
        requests++;
        String what = operation + " [" + c.description() + "]";
        judge(what, response, c.invalid());
        String location = c.description().startsWith("path ") ? "path" : c.description().startsWith("query ")
                ? "query" : null;
        if (location != null && response.statusCode() == 400 && response.contentType() != null
                && response.contentType().startsWith("application/problem+json")) {
            // A refused parameter is named where it was, not as a field of the body.
            List<String> places = response.jsonPath().getList("violations.in");
            if (places != null && places.stream().anyMatch(place -> !location.equals(place))) {
                findings.add(what + ": violations placed " + places + ", expected " + location);
            }
        }
    }

    private void judge(String what, Response response, boolean invalid) {
        int status = response.statusCode();
        String type = response.contentType() == null ? "" : response.contentType();
        if (status >= 500) {
            findings.add(what + ": " + status + " " + abbreviate(response.asString()));
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            findings.add(what + ": " + status + " as '" + type + "', not application/problem+json");
        } else if (invalid && status < 300) {
            findings.add(what + ": accepted with " + status);
        }
    }

    private void requestLineTooLong() {
        Response response = given().urlEncodingEnabled(false).auth().oauth2(tokens.values().stream().findFirst()
                .orElse("")).get("/api/v1/too-long?pad=" + "x".repeat(10_000));
        requests++;
        if (response.statusCode() != 414) {
            findings.add("a 10 000-character request line: " + response.statusCode() + ", expected 414");
        }
        judge("a 10 000-character request line", response, true);
    }

    private String tokenFor(JsonNode operation) {
        JsonNode security = operation.path("security");
        if (security.isMissingNode() || security.isEmpty()) {
            return null;
        }
        List<String> roles = new ArrayList<>();
        security.forEach(requirement -> requirement.fields().forEachRemaining(
                scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
        for (String role : PREFERENCE) {
            if ((roles.isEmpty() || roles.contains(role)) && tokens.containsKey(role)) {
                return tokens.get(role);
            }
        }
        return roles.stream().filter(tokens::containsKey).map(tokens::get).findFirst()
                .orElse(tokens.values().stream().findFirst().orElse(null));
    }

    private JsonNode bodyExample(JsonNode media) {
        JsonNode example = media.has("example") ? media.path("example") : null;
        if (example == null && media.path("examples").fields().hasNext()) {
            example = media.path("examples").fields().next().getValue().path("value");
        }
        if (example != null && example.isTextual()) {
            try {
                return JSON.readTree(example.asText());
            } catch (Exception notJson) {
                return example;
            }
        }
        return example;
    }

    private String example(JsonNode parameter) {
        if (parameter.has("example")) {
            return parameter.path("example").asText();
        }
        return sampleOf(resolve(parameter.path("schema")));
    }

    private static String sampleOf(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        return "1";
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = document.at(ref.substring(1));
        }
        if (current.has("allOf") && current.path("allOf").size() == 1) {
            return resolve(current.path("allOf").get(0));
        }
        return current;
    }

    private static String expand(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }
        return path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
