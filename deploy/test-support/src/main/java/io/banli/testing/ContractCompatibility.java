package io.banli.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a new AsyncAPI document of a producer breaks for consumers of the published one. A published type is
 * a promise: it stays on its topic, keeps every field it had, each of the same type and format, still
 * required; a field may become non-null, and allowed values may be fewer, never more (a consumer maps them
 * onto its own enum). Adding fields, optional or not, is fine: consumers are tolerant readers. Anything
 * else needs a new type ({@code ….v2}) published beside the old one.
 */
public final class ContractCompatibility {

    private ContractCompatibility() {
    }

    /** The breaking changes from {@code published} to {@code current}; empty when consumers are safe. */
    public static List<String> breakingChanges(JsonNode published, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        JsonNode messages = current.path("components").path("messages");
        published.path("components").path("messages").fields().forEachRemaining(entry -> {
            String type = entry.getKey();
            if (!messages.has(type)) {
                breaks.add(type + ": no longer published");
                return;
            }
            String topic = topic(published, type);
            if (!topic.equals(topic(current, type))) {
                breaks.add(type + ": moved from topic " + topic + " to " + topic(current, type));
            }
            compare(type, entry.getValue().path("payload"), messages.path(type).path("payload"), breaks);
        });
        return breaks;
    }

    private static void compare(String path, JsonNode was, JsonNode is, List<String> breaks) {
        Set<String> wasTypes = types(was);
        Set<String> isTypes = types(is);
        if (!wasTypes.containsAll(isTypes)) {
            breaks.add(path + ": type " + wasTypes + " became " + isTypes);
        }
        if (!was.path("format").equals(is.path("format"))) {
            breaks.add(path + ": format " + was.path("format") + " became " + is.path("format"));
        }
        if (was.has("enum")) {
            Set<JsonNode> allowed = new HashSet<>();
            was.path("enum").forEach(allowed::add);
            is.path("enum").forEach(value -> {
                if (!allowed.contains(value)) {
                    breaks.add(path + ": new value " + value + " consumers do not know");
                }
            });
            if (!is.has("enum")) {
                breaks.add(path + ": any value allowed where " + allowed + " were");
            }
        }
        Set<String> required = new HashSet<>();
        is.path("required").forEach(name -> required.add(name.asText()));
        was.path("required").forEach(name -> {
            if (is.path("properties").has(name.asText()) && !required.contains(name.asText())) {
                breaks.add(path + "." + name.asText() + ": no longer required");
            }
        });
        was.path("properties").fields().forEachRemaining(field -> {
            String where = path + "." + field.getKey();
            JsonNode now = is.path("properties").get(field.getKey());
            if (now == null) {
                breaks.add(where + ": removed");
            } else {
                compare(where, field.getValue(), now, breaks);
            }
        });
        if (was.has("items")) {
            compare(path + "[]", was.path("items"), is.path("items"), breaks);
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (!type.isMissingNode()) {
            types.add(type.asText());
        }
        return types;
    }

    private static String topic(JsonNode document, String type) {
        List<String> topics = new ArrayList<>();
        document.path("channels").forEach(channel -> {
            if (channel.path("messages").has(type)) {
                topics.add(channel.path("address").asText());
            }
        });
        return String.join(",", topics);
    }
}
