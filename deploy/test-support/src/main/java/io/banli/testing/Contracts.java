package io.banli.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * The published event contracts: the AsyncAPI document of each producing service as last published, kept in
 * {@code contracts/<service>.asyncapi.yaml} beside this class, so a consumer's tests read what the producer
 * promises without depending on the producer's code. Producers' tests check every event they publish against
 * it ({@link TopicProbe}); consumers' tests build their fixtures from its examples ({@link #data}), so a
 * producer change that would break a consumer fails the producer's build, and a consumer that reads a field
 * the producer does not promise fails the consumer's.
 */
public final class Contracts {

    /** The services that publish events; reporting publishes none. */
    public static final List<String> PRODUCERS = List.of("intake-service", "assignment-service",
            "supervision-service");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig ASSERT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, Message> MESSAGES = load();

    /** One event type as its producer published it. */
    private record Message(String service, String topic, JsonNode payload, JsonNode example, JsonSchema schema,
            JsonSchema strict, JsonSchema headers) {
    }

    private Contracts() {
    }

    /** The baseline document of a producing service, as stored. */
    public static String baseline(String service) {
        try (InputStream in = resource(service)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every published event type. */
    public static Set<String> types() {
        return MESSAGES.keySet();
    }

    public static boolean published(String type) {
        return MESSAGES.containsKey(type);
    }

    /** True for the {@code ce_source} of a producing service, as its outbox relay sends it. */
    public static boolean isProducer(String source) {
        return PRODUCERS.stream().anyMatch(service -> ("/banli/" + service).equals(source));
    }

    /** The topic the type is published on. */
    public static String topic(String type) {
        return message(type).topic();
    }

    /** A fresh copy of the producer's published example of the type's data. */
    public static ObjectNode example(String type) {
        return message(type).example().deepCopy();
    }

    /**
     * The JSON of an event of this type as its producer would publish it: the published example with these
     * fields replaced ({@code "unitId", 31, "assignedAt", instant, ...}; Java time values are written as ISO
     * strings). A field the producer does not publish, or a value its schema refuses, fails the test: the
     * consumer would rely on something the producer never promised.
     */
    public static String data(String type, Object... fieldsAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return data(type, fields);
    }

    /** As {@link #data(String, Object...)}, from a map of the fields to replace. */
    public static String data(String type, Map<String, ?> fields) {
        Message message = message(type);
        ObjectNode data = message.example().deepCopy();
        JsonNode properties = message.payload().path("properties");
        fields.forEach((name, value) -> {
            if (!properties.has(name)) {
                throw new AssertionError(type + " has no field '" + name + "' in " + message.service()
                        + "'s published contract (fields: " + names(properties) + ")");
            }
            data.set(name, JSON.valueToTree(value));
        });
        String json = data.toString();
        List<String> problems = violations(message.schema(), data);
        if (!problems.isEmpty()) {
            throw new AssertionError("This " + type + " breaks " + message.service() + "'s published contract: "
                    + problems + "\n" + json);
        }
        return json;
    }

    /** What is wrong with the JSON as data of the type, against the schema as published (empty: nothing). */
    public static List<String> violations(String type, String json) {
        return violations(message(type).schema(), read(json));
    }

    /**
     * What is wrong with an event as its producer published it: the headers against the CloudEvents headers
     * of the contract, the data against the schema with no field beyond those published (a field the document
     * does not describe is a field no consumer can know of).
     */
    static List<String> producerViolations(String type, Map<String, String> headers, String json) {
        Message message = message(type);
        List<String> problems = new ArrayList<>(violations(message.headers(), JSON.valueToTree(headers)));
        problems.addAll(violations(message.strict(), read(json)));
        return problems;
    }

    private static List<String> violations(JsonSchema schema, JsonNode data) {
        return schema.validate(data).stream().map(Object::toString).sorted().toList();
    }

    private static Message message(String type) {
        Message message = MESSAGES.get(type);
        if (message == null) {
            throw new AssertionError("No producer publishes " + type + " (published: " + MESSAGES.keySet() + ")");
        }
        return message;
    }

    private static Map<String, Message> load() {
        Map<String, Message> messages = new LinkedHashMap<>();
        for (String service : PRODUCERS) {
            JsonNode document = document(service);
            document.path("channels").forEach(channel -> channel.path("messages").fieldNames().forEachRemaining(type -> {
                JsonNode message = document.path("components").path("messages").path(type);
                JsonNode payload = message.path("payload");
                messages.put(type, new Message(service, channel.path("address").asText(), payload,
                        message.path("examples").path(0).path("payload"), SCHEMAS.getSchema(payload, ASSERT_FORMATS),
                        SCHEMAS.getSchema(closed(payload.deepCopy()), ASSERT_FORMATS),
                        SCHEMAS.getSchema(message.path("headers"), ASSERT_FORMATS)));
            }));
        }
        return messages;
    }

    /** The baseline document of a producing service, parsed. */
    public static JsonNode document(String service) {
        return read(YAML, baseline(service));
    }

    /** The schema with {@code additionalProperties: false} on every object in it. */
    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(Contracts::closed);
        } else if (schema instanceof ArrayNode array) {
            array.forEach(Contracts::closed);
        }
        return schema;
    }

    private static InputStream resource(String service) {
        InputStream in = Contracts.class.getResourceAsStream("/contracts/" + service + ".asyncapi.yaml");
        if (in == null) {
            throw new IllegalStateException("No published contract of " + service + " in contracts/");
        }
        return in;
    }

    private static JsonNode read(String json) {
        return read(JSON, json);
    }

    static JsonNode read(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not " + (mapper == YAML ? "YAML" : "JSON") + ": " + text, e);
        }
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = properties.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
