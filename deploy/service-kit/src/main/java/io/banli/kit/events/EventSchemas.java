package io.banli.kit.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft-07, as AsyncAPI's schema format) of an event record's data and an example of it, read
 * from the record itself so that the published contract cannot drift from what Jackson writes. Every component is
 * required (Jackson writes nulls too); a primitive is never null, a boxed number or boolean may be, and any other
 * reference only when its {@link Schema#nullable()} says so. {@link Schema} on a component also gives the
 * description, the allowed values ({@link Schema#enumeration()}, or an enum as {@link Schema#implementation()}
 * for a field sent as a string), a pattern and the example.
 */
public final class EventSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EXAMPLE_INSTANT = Instant.parse("2026-03-02T01:30:00Z");
    private static final LocalDate EXAMPLE_DATE = LocalDate.parse("2026-03-02");
    /** Example ids by field name, so that one example names the same submission, unit, member throughout. */
    private static final Map<String, Long> EXAMPLE_IDS = Map.ofEntries(Map.entry("submissionId", 1001L),
            Map.entry("intoSubmissionId", 1000L), Map.entry("sessionId", 11L), Map.entry("assignmentId", 2001L),
            Map.entry("newAssignmentId", 2002L), Map.entry("unitId", 31L), Map.entry("newUnitId", 32L),
            Map.entry("leadUnitId", 30L), Map.entry("replyId", 4001L), Map.entry("memberId", 7L),
            Map.entry("deadlineId", 5001L), Map.entry("commitmentId", 6001L), Map.entry("contactId", 7001L));

    private EventSchemas() {
    }

    /** The schema of the record's JSON. */
    public static ObjectNode schema(Class<? extends Record> type) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (RecordComponent component : type.getRecordComponents()) {
            properties.set(component.getName(), component(component));
            required.add(component.getName());
        }
        return schema;
    }

    /** An example of the record's JSON that its schema accepts: a value for every field, null for none. */
    public static ObjectNode example(Class<? extends Record> type) {
        ObjectNode example = NODES.objectNode();
        for (RecordComponent component : type.getRecordComponents()) {
            example.set(component.getName(), example(component.getName(), component.getGenericType(),
                    annotation(component)));
        }
        return example;
    }

    private static ObjectNode component(RecordComponent component) {
        Schema annotation = annotation(component);
        ObjectNode schema = schemaOf(component.getGenericType(), annotation);
        boolean nullable = annotation != null && annotation.nullable()
                || !component.getType().isPrimitive() && isBoxed(component.getType());
        if (annotation != null) {
            if (!annotation.description().isBlank()) {
                schema.put("description", annotation.description());
            }
            if (!annotation.pattern().isBlank()) {
                schema.put("pattern", annotation.pattern());
            }
        }
        if (nullable) {
            String type = schema.path("type").asText();
            schema.putArray("type").add(type).add("null");
            if (schema.has("enum")) {
                ((ArrayNode) schema.get("enum")).addNull();
            }
        }
        return schema;
    }

    private static ObjectNode schemaOf(Type generic, Schema annotation) {
        Class<?> raw = raw(generic);
        if (annotation != null && annotation.enumeration().length > 0) {
            return enumeration(annotation.enumeration());
        }
        if (annotation != null && annotation.implementation().isEnum()) {
            return enumeration(constants(annotation.implementation()));
        }
        if (raw == long.class || raw == Long.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int64");
        }
        if (raw == int.class || raw == Integer.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int32");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            return NODES.objectNode().put("type", "number");
        }
        if (raw == String.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (raw == Instant.class) {
            return NODES.objectNode().put("type", "string").put("format", "date-time");
        }
        if (raw == LocalDate.class) {
            return NODES.objectNode().put("type", "string").put("format", "date");
        }
        if (raw == UUID.class) {
            return NODES.objectNode().put("type", "string").put("format", "uuid");
        }
        if (raw.isEnum()) {
            return enumeration(constants(raw));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", schemaOf(element(generic), null));
            return array;
        }
        if (raw.isRecord()) {
            return schema(raw.asSubclass(Record.class));
        }
        throw new IllegalArgumentException("No JSON Schema for " + generic + ": give the event a simpler type");
    }

    private static JsonNode example(String name, Type generic, Schema annotation) {
        Class<?> raw = raw(generic);
        if (annotation != null && !annotation.example().isBlank()) {
            String value = annotation.example();
            return raw == String.class || raw.isEnum() || raw == Instant.class || raw == LocalDate.class
                    ? NODES.textNode(value) : parse(value);
        }
        if (annotation != null && annotation.enumeration().length > 0) {
            return NODES.textNode(annotation.enumeration()[0]);
        }
        if (annotation != null && annotation.implementation().isEnum()) {
            return NODES.textNode(constants(annotation.implementation())[0]);
        }
        if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
            return NODES.numberNode(EXAMPLE_IDS.getOrDefault(name, 1L));
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return NODES.booleanNode(false);
        }
        if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            return NODES.numberNode(1.5);
        }
        if (raw == String.class) {
            return NODES.textNode(name);
        }
        if (raw == Instant.class) {
            return NODES.textNode(EXAMPLE_INSTANT.toString());
        }
        if (raw == LocalDate.class) {
            return NODES.textNode(EXAMPLE_DATE.toString());
        }
        if (raw == UUID.class) {
            return NODES.textNode(new UUID(0, 1).toString());
        }
        if (raw.isEnum()) {
            return NODES.textNode(constants(raw)[0]);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            ArrayNode array = NODES.arrayNode();
            array.add(example(singular(name), element(generic), null));
            return array;
        }
        return example(raw.asSubclass(Record.class));
    }

    /** {@code coSignerIds} holds co-signer ids: its example element is named like one. */
    private static String singular(String name) {
        return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("Example is not JSON: " + json, e);
        }
    }

    private static ObjectNode enumeration(String[] values) {
        ObjectNode schema = NODES.objectNode().put("type", "string");
        ArrayNode allowed = schema.putArray("enum");
        for (String value : values) {
            allowed.add(value);
        }
        return schema;
    }

    private static String[] constants(Class<?> enumType) {
        Object[] constants = enumType.getEnumConstants();
        String[] names = new String[constants.length];
        for (int i = 0; i < constants.length; i++) {
            names[i] = ((Enum<?>) constants[i]).name();
        }
        return names;
    }

    private static Schema annotation(RecordComponent component) {
        Schema onComponent = component.getAnnotation(Schema.class);
        return onComponent != null ? onComponent : component.getAccessor().getAnnotation(Schema.class);
    }

    private static boolean isBoxed(Class<?> type) {
        return type == Long.class || type == Integer.class || type == Boolean.class || type == Double.class;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type element(Type collection) {
        if (collection instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[0];
        }
        throw new IllegalArgumentException("A collection in an event needs its element type: " + collection);
    }
}
