package io.banli.kit.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The AsyncAPI 3 document of what a service publishes: one channel per topic, one message per CloudEvents type
 * ({@code ce_type}), each with the JSON Schema of its data, the CloudEvents headers, the Kafka key and an
 * example, all derived from the event records ({@link EventSchemas}). A producing service declares it once
 * (the same records it writes to the outbox) and serves it at {@code GET /asyncapi.yaml}.
 */
public final class AsyncApi {

    /** The AsyncAPI Kafka bindings version the message bindings follow. */
    private static final String KAFKA_BINDING = "0.5.0";
    private static final String SUBMISSION_KEY = "The submission id: every event of one submission is on one "
            + "partition, in order.";

    private final String service;
    private final String description;
    private final Map<String, Channel> channels = new LinkedHashMap<>();

    private AsyncApi(String service, String description) {
        this.service = service;
        this.description = description;
    }

    /** @param service the service's name, as in {@code quarkus.application.name} and {@code ce_source} */
    public static AsyncApi of(String service, String description) {
        return new AsyncApi(service, description);
    }

    /** Adds a topic; messages added after it are published on it. */
    public Channel channel(String topic, String description) {
        Channel channel = new Channel(topic, description);
        channels.put(topic, channel);
        return channel;
    }

    /** One topic and the event types published on it. */
    public final class Channel {
        private final String topic;
        private final String description;
        private final List<Message> messages = new ArrayList<>();

        private Channel(String topic, String description) {
            this.topic = topic;
            this.description = description;
        }

        /** An event type keyed by submission id. */
        public Channel message(String type, Class<? extends Record> data, String summary) {
            return message(type, data, summary, SUBMISSION_KEY);
        }

        /** An event type whose Kafka key is described by {@code key} (not always the submission id). */
        public Channel message(String type, Class<? extends Record> data, String summary, String key) {
            messages.add(new Message(type, data, summary, key));
            return this;
        }

        public Channel channel(String topic, String description) {
            return AsyncApi.this.channel(topic, description);
        }

        public AsyncApi done() {
            return AsyncApi.this;
        }
    }

    private record Message(String type, Class<? extends Record> data, String summary, String key) {
    }

    /** The document as a JSON tree. */
    public ObjectNode tree() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode().put("asyncapi", "3.0.0");
        ObjectNode info = root.putObject("info").put("title", "Banli " + service + " events")
                .put("version", "1.0.0").put("description", description);
        info.putObject("contact").put("name", "Banli");
        info.putArray("tags").addObject().put("name", "events")
                .put("description", "CloudEvents in Kafka binary mode, published through the outbox.");
        root.put("defaultContentType", "application/json");
        ObjectNode channelNodes = root.putObject("channels");
        ObjectNode operations = root.putObject("operations");
        ObjectNode messageNodes = nodes.objectNode();
        for (Channel channel : channels.values()) {
            ObjectNode node = channelNodes.putObject(channel.topic).put("address", channel.topic)
                    .put("description", channel.description);
            ObjectNode refs = node.putObject("messages");
            ObjectNode operation = operations.putObject("publish." + channel.topic).put("action", "send")
                    .put("summary", service + " publishes on " + channel.topic + ".")
                    .put("description", "Written to the outbox in the transaction of the change and relayed after "
                            + "commit: at least once, in order per key.");
            operation.putObject("channel").put("$ref", "#/channels/" + channel.topic);
            for (Message message : channel.messages) {
                refs.putObject(message.type()).put("$ref", "#/components/messages/" + message.type());
                operation.withArray("messages").addObject()
                        .put("$ref", "#/channels/" + channel.topic + "/messages/" + message.type());
                messageNodes.set(message.type(), message(message));
            }
        }
        root.putObject("components").set("messages", messageNodes);
        return root;
    }

    /** The document as YAML, the form served and stored. */
    public String yaml() {
        try {
            return new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES).build()).writeValueAsString(tree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The AsyncAPI document cannot be written", e);
        }
    }

    private ObjectNode message(Message message) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", message.type())
                .put("title", message.data().getSimpleName()).put("summary", message.summary())
                .put("contentType", "application/json");
        node.set("headers", CloudEventHeaders.schema(service, message.type()));
        node.set("payload", EventSchemas.schema(message.data()));
        node.putObject("bindings").putObject("kafka").put("bindingVersion", KAFKA_BINDING).putObject("key")
                .put("type", "string").put("description", message.key());
        ObjectNode example = node.putArray("examples").addObject().put("name", "example");
        example.set("headers", CloudEventHeaders.example(service, message.type()));
        example.set("payload", EventSchemas.example(message.data()));
        return node;
    }
}
