package io.banli.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Integrators build on {@code /api/v1}: a change may add operations, responses and properties, but not remove or
 * retype what a published document promised. The promise is {@code baseline/<service>.txt} (one line per operation,
 * response and response property, see {@link ApiContract}); each stored document is compared with it.
 *
 * <p>A deliberate break (a new API version, a mistake never used) updates the baseline in the same commit:
 * {@code ./mvnw verify -pl deploy/api-docs -Dbanli.api-baseline.update=true}, then review the diff.
 */
class CompatibilityTest {

    static final Path BASELINE = Path.of("").toAbsolutePath().resolve("baseline");

    static List<String> services() {
        return ApiDocuments.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void theDocumentKeepsEveryPromiseOfTheBaseline(String service) throws Exception {
        Map<String, String> current = ApiContract.of(ApiDocuments.stored(service));
        Path baseline = BASELINE.resolve(service + ".txt");
        if (Boolean.getBoolean("banli.api-baseline.update")) {
            Files.createDirectories(BASELINE);
            Files.write(baseline, current.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList(),
                    StandardCharsets.UTF_8);
        }

        List<String> breaks = ApiContract.breaks(read(baseline), current);

        breaks.forEach(b -> System.out.println(service + " " + b));
        System.out.printf("%s: %d promises in the baseline, %d broken%n", service, read(baseline).size(),
                breaks.size());
        assertThat(breaks).as(service + ": removed or retyped since the baseline (printed above)").isEmpty();
    }

    @Test
    void aRemovedOrRetypedPropertyAndARemovedResponseAreBreaksAndAnAdditionIsNot() throws Exception {
        String before = """
                {"paths": {"/api/v1/things/{id}": {"get": {"responses": {
                  "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                  "404": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}},
                 "components": {"schemas": {"Thing": {"type": "object", "properties": {
                   "id": {"type": "integer", "format": "int64"}, "name": {"type": "string"},
                   "tags": {"type": "array", "items": {"type": "string"}}}}}}}""";
        String after = """
                {"paths": {"/api/v1/things/{id}": {"get": {"responses": {
                  "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
                 "components": {"schemas": {"Thing": {"type": "object", "properties": {
                   "id": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
                   "added": {"type": "boolean"}}}}}}""";
        ObjectMapper json = new ObjectMapper();

        List<String> breaks = ApiContract.breaks(ApiContract.of(json.readTree(before)),
                ApiContract.of(json.readTree(after)));

        assertThat(breaks).containsExactlyInAnyOrder(
                "removed: GET /api/v1/things/{id} 404",
                "removed: GET /api/v1/things/{id} 200 application/json .name",
                "retyped: GET /api/v1/things/{id} 200 application/json .id was integer/int64, is string");
    }

    private static Map<String, String> read(Path baseline) throws Exception {
        assertThat(baseline).as("the baseline (see the class comment to create it)").isRegularFile();
        Map<String, String> facts = new TreeMap<>();
        for (String line : Files.readAllLines(baseline, StandardCharsets.UTF_8)) {
            int split = line.lastIndexOf(" = ");
            facts.put(line.substring(0, split), line.substring(split + 3));
        }
        return facts;
    }
}
