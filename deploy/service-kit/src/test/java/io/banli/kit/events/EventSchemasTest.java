package io.banli.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The schema says what Jackson writes for a record: every field, which may be null, which values are allowed. */
class EventSchemasTest {

    enum Colour { RED, GREEN }

    record Item(long itemId, @Schema(example = "3") int count) {
    }

    record SampleV1(long submissionId, Long sessionId, String title,
            @Schema(nullable = true, description = "Only for groups") String groupName, boolean keyItem,
            Colour colour, @Schema(enumeration = {"A", "B"}) String resultClass,
            @Schema(implementation = Colour.class, nullable = true) String previous, List<Item> items,
            LocalDate on, Instant at) {
    }

    @Test
    void everyFieldIsRequiredAndOnlyTheNullableOnesMayBeNull() {
        JsonNode schema = EventSchemas.schema(SampleV1.class);
        JsonNode properties = schema.path("properties");

        assertThat(schema.path("required")).hasSize(11);
        assertThat(properties.path("submissionId").toString()).isEqualTo("{\"type\":\"integer\",\"format\":\"int64\"}");
        assertThat(properties.path("sessionId").path("type").toString()).isEqualTo("[\"integer\",\"null\"]");
        assertThat(properties.path("title").toString()).isEqualTo("{\"type\":\"string\"}");
        assertThat(properties.path("groupName").toString())
                .isEqualTo("{\"type\":[\"string\",\"null\"],\"description\":\"Only for groups\"}");
        assertThat(properties.path("keyItem").path("type").asText()).isEqualTo("boolean");
        assertThat(properties.path("colour").path("enum").toString()).isEqualTo("[\"RED\",\"GREEN\"]");
        assertThat(properties.path("resultClass").path("enum").toString()).isEqualTo("[\"A\",\"B\"]");
        assertThat(properties.path("previous").path("enum").toString()).isEqualTo("[\"RED\",\"GREEN\",null]");
        assertThat(properties.path("items").path("items").path("required").toString())
                .isEqualTo("[\"itemId\",\"count\"]");
        assertThat(properties.path("on").path("format").asText()).isEqualTo("date");
        assertThat(properties.path("at").path("format").asText()).isEqualTo("date-time");
    }

    @Test
    void theExampleHasAValueForEveryFieldInItsType() {
        JsonNode example = EventSchemas.example(SampleV1.class);

        assertThat(example.path("submissionId").asLong()).isEqualTo(1001);
        assertThat(example.path("groupName").isTextual()).isTrue();
        assertThat(example.path("colour").asText()).isEqualTo("RED");
        assertThat(example.path("resultClass").asText()).isEqualTo("A");
        assertThat(example.path("items").path(0).path("count").asInt()).isEqualTo(3);
        assertThat(example.path("on").asText()).isEqualTo("2026-03-02");
        assertThat(Instant.parse(example.path("at").asText())).isNotNull();
    }

    @Test
    void theDocumentHasAChannelPerTopicAndAMessagePerType() throws Exception {
        String yaml = AsyncApi.of("sample-service", "Samples.").channel("banli.sample.items", "Items.")
                .message("banli.sample.sampled.v1", SampleV1.class, "Sampled.").done().yaml();
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(yaml);

        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.path("channels").path("banli.sample.items").path("messages")
                .path("banli.sample.sampled.v1").path("$ref").asText())
                .isEqualTo("#/components/messages/banli.sample.sampled.v1");
        JsonNode message = document.path("components").path("messages").path("banli.sample.sampled.v1");
        assertThat(message.path("headers").path("properties").path("ce_type").path("const").asText())
                .isEqualTo("banli.sample.sampled.v1");
        assertThat(message.path("headers").path("properties").path("ce_specversion").path("const").isTextual())
                .as("1.0 stays a string in YAML").isTrue();
        assertThat(message.path("headers").path("properties").path("ce_source").path("const").asText())
                .isEqualTo("/banli/sample-service");
        assertThat(message.path("payload")).isEqualTo(EventSchemas.schema(SampleV1.class));
        // Compared as text: YAML reads 1001 back as an int where the example holds a long.
        assertThat(message.path("examples").path(0).path("payload").toString())
                .isEqualTo(EventSchemas.example(SampleV1.class).toString());
        assertThat(document.path("operations").path("publish.banli.sample.items").path("action").asText())
                .isEqualTo("send");
    }
}
