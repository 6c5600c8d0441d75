package io.banli.kubernetes;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Reads Strimzi's custom resources into Strimzi's own API model ({@code io.strimzi:api}) as strictly as
 * the operator's CRD schemas judge them: a field the model does not know, a value outside an enumeration,
 * a missing required field, a deprecated field (gone in the {@code v1} API) or an API version the model
 * does not serve is a problem. Jackson's strict reading alone is not enough: the model keeps unknown
 * fields aside instead of failing, its enumerations read an unknown value as null, and required fields
 * are only marked; so the object read is walked side by side with the object rendered.
 */
final class StrimziModel {

    static final String GROUP = "kafka.strimzi.io";

    /** The kinds Banli uses; a Strimzi kind not listed here is itself a problem, so none goes unchecked. */
    static final Map<String, Class<?>> KINDS = Map.of("Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private StrimziModel() {
    }

    static boolean isStrimzi(JsonNode object) {
        return object.path("apiVersion").asText().startsWith(GROUP + "/");
    }

    /** Reads the object into its model class, or fails naming every problem. */
    static <T> T read(JsonNode object, Class<T> type) {
        List<String> problems = problems(object);
        if (!problems.isEmpty()) {
            throw new AssertionError(name(object) + ":\n  " + String.join("\n  ", problems));
        }
        return STRICT.convertValue(object, type);
    }

    /** Everything the operator's schema would refuse or silently drop in this object; empty when none. */
    static List<String> problems(JsonNode object) {
        List<String> problems = new ArrayList<>();
        String kind = object.path("kind").asText();
        Class<?> type = KINDS.get(kind);
        if (type == null) {
            problems.add("kind " + kind + " has no model class in this check: add it to StrimziModel.KINDS");
            return problems;
        }
        String version = object.path("apiVersion").asText().substring(GROUP.length() + 1);
        List<?> served = servedVersions(type);
        if (!served.contains(version)) {
            problems.add("apiVersion " + GROUP + "/" + version + " is not served by Strimzi (" + served + ")");
        }
        Object model;
        try {
            model = STRICT.treeToValue(object, type);
        } catch (JsonProcessingException e) {
            problems.add(e.getOriginalMessage() + " at " + e.getLocation() + " (" + pathOf(e) + ")");
            return problems;
        }
        walk(model, object, "", problems);
        return problems;
    }

    private static String pathOf(JsonProcessingException e) {
        return e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPathReference() : "";
    }

    private static List<?> servedVersions(Class<?> type) {
        try {
            return (List<?>) type.getField("VERSIONS").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " names no VERSIONS", e);
        }
    }

    /**
     * Walks the model read and the object rendered side by side: required fields set, no field kept aside
     * as unknown, no deprecated field used, and no value rendered that the model holds as null (Strimzi's
     * enumerations read a value they do not know as null).
     */
    private static void walk(Object bean, JsonNode rendered, String path, List<String> problems) {
        if (bean == null || !isModel(bean.getClass())) {
            return;
        }
        additional(bean).forEach((key, value) -> problems.add(path + "." + key + ": not a field of "
                + bean.getClass().getSimpleName()));
        var description = STRICT.getSerializationConfig().introspect(STRICT.constructType(bean.getClass()));
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor == null || property.getName().equals("additionalProperties")) {
                continue;
            }
            Object value = accessor.getValue(bean);
            JsonNode given = rendered == null ? null : rendered.get(property.getName());
            String at = path + "." + property.getName();
            if (value == null) {
                if (given != null && !given.isNull()) {
                    problems.add(at + ": " + given + " is not one of the values Strimzi knows");
                } else if (property.isRequired()) {
                    problems.add(at + ": required");
                }
                continue;
            }
            if (given != null && accessor.getMember() instanceof AnnotatedElement element
                    && element.isAnnotationPresent(Deprecated.class)) {
                problems.add(at + ": deprecated by Strimzi (removed in its v1 API)");
            }
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = given == null ? null : given.get(i);
                    if (items.get(i) == null && item != null && !item.isNull()) {
                        problems.add(at + "[" + i + "]: " + item + " is not one of the values Strimzi knows");
                    }
                    walk(items.get(i), item, at + "[" + i + "]", problems);
                }
            } else {
                walk(value, given, at, problems);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return !type.isEnum() && (name.startsWith("io.strimzi.api.") || name.startsWith("io.fabric8.kubernetes."));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> additional(Object bean) {
        try {
            Method getter = bean.getClass().getMethod("getAdditionalProperties");
            Object value = getter.invoke(bean);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (NoSuchMethodException e) {
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(JsonNode object) {
        return object.path("kind").asText() + " " + object.at("/metadata/name").asText();
    }
}
