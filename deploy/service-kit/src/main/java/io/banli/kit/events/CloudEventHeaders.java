package io.banli.kit.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Kafka headers of a CloudEvent in binary mode as the outbox relay writes them
 * ({@code io.banli.kit.outbox.OutboxRelay}), described as the headers schema of an AsyncAPI message.
 */
final class CloudEventHeaders {

    private CloudEventHeaders() {
    }

    static ObjectNode schema(String service, String type) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        header(properties, "ce_specversion", "CloudEvents version.").put("const", "1.0");
        header(properties, "ce_id", "Unique per event: the consumers' idempotency key.").put("format", "uuid");
        header(properties, "ce_type", "The event type; a new major version is a new type.").put("const", type);
        header(properties, "ce_source", "The producing service.").put("const", source(service));
        header(properties, "ce_subject", "What the event is about; equals the record key.");
        header(properties, "ce_time", "When the change happened.").put("format", "date-time");
        header(properties, "content-type", "The data's media type.").put("const", "application/json");
        header(properties, "traceparent", "W3C trace context of the change, when it was traced.");
        schema.putArray("required").add("ce_specversion").add("ce_id").add("ce_type").add("ce_source")
                .add("ce_subject").add("ce_time").add("content-type");
        return schema;
    }

    static ObjectNode example(String service, String type) {
        return JsonNodeFactory.instance.objectNode().put("ce_specversion", "1.0")
                .put("ce_id", "5f0c2a1e-8f3b-4c1d-9a7e-2b6d4e8f1a3c").put("ce_type", type)
                .put("ce_source", source(service)).put("ce_subject", "1001").put("ce_time", "2026-03-02T01:30:00Z")
                .put("content-type", "application/json");
    }

    static String source(String service) {
        return "/banli/" + service;
    }

    private static ObjectNode header(ObjectNode properties, String name, String description) {
        return properties.putObject(name).put("type", "string").put("description", description);
    }
}
