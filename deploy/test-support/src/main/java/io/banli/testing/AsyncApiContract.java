package io.banli.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The event contract of a producing service: the AsyncAPI document it serves is the one its build stored
 * ({@code target/asyncapi/asyncapi.yaml}), breaks no published {@code v1} event, equals the published baseline
 * ({@code deploy/test-support/src/main/resources/contracts/<service>.asyncapi.yaml}), has examples its schemas
 * accept, and lists the same types as the event catalogue ({@code deploy/docs/events.md}). Each producing
 * service runs it by extending it in a {@code @QuarkusTest}.
 */
public abstract class AsyncApiContract {

    /** The event catalogue, from a service module's directory (where its tests run). */
    static final Path CATALOGUE = Path.of("..", "deploy", "docs", "events.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+\\.v\\d+)` \\| `([a-z0-9.-]+)` \\| (\\w+) \\|");

    @Test
    void servedDocumentIsTheStoredAndThePublishedOne() throws Exception {
        String service = service();
        String served = given().get("/asyncapi.yaml").then().statusCode(200).contentType("application/yaml")
                .extract().asString();
        // Stored by the build (the service's POM runs io.banli.kit.events.AsyncApiWriter), as target/openapi is.
        Path stored = Path.of("target", "asyncapi", "asyncapi.yaml");
        assertThat(stored).as("the build stores the document").isRegularFile();
        assertThat(Files.readString(stored)).as("the stored document is the served one").isEqualTo(served);
        JsonNode current = Contracts.read(Contracts.YAML, served);
        JsonNode published = Contracts.document(service);
        assertThat(ContractCompatibility.breakingChanges(published, current))
                .as("changes that break consumers of published events: publish a new type (….v2) beside the old "
                        + "one instead")
                .isEmpty();
        assertThat(current).as("""
                %s serves an AsyncAPI document that differs from its published baseline. When the change is \
                meant (a new event type, a new field, a better description), publish it: copy %s to \
                deploy/test-support/src/main/resources/contracts/%s.asyncapi.yaml and commit both""", service,
                Path.of(service).resolve(stored), service).isEqualTo(published);
    }

    @Test
    void everyExampleMatchesItsSchema() {
        for (String type : types(Contracts.document(service()))) {
            assertThat(Contracts.violations(type, Contracts.example(type).toString())).as(type).isEmpty();
        }
    }

    @Test
    void theCatalogueListsExactlyTheTypesOfTheDocument() throws Exception {
        String producer = service().replace("-service", "");
        JsonNode document = Contracts.document(service());
        Map<String, String> catalogued = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(CATALOGUE)) {
            Matcher row = ROW.matcher(line);
            if (row.find() && row.group(3).equals(producer)) {
                catalogued.put(row.group(1), row.group(2));
            }
        }
        Map<String, String> documented = new java.util.TreeMap<>();
        document.path("channels").forEach(channel -> channel.path("messages").fieldNames()
                .forEachRemaining(type -> documented.put(type, channel.path("address").asText())));
        assertThat(catalogued).as("types and topics of %s in %s", producer, CATALOGUE).isEqualTo(documented);
    }

    private static Set<String> types(JsonNode document) {
        Set<String> types = new TreeSet<>();
        document.path("components").path("messages").fieldNames().forEachRemaining(types::add);
        return types;
    }

    private static String service() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }
}
