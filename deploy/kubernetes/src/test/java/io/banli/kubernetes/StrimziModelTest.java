package io.banli.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaClusterSpec;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Strimzi's objects as the operator will read them. No published schema of Strimzi's CRDs is at hand,
 * so every Strimzi object each overlay renders is read into Strimzi's own API model (the
 * {@code io.strimzi:api} release the runbook installs) with {@link StrimziModel}: a misspelt field, an
 * unknown enumeration value or a missing required field fails here rather than in the cluster. Then what
 * the model says is checked against the project: the Kafka version, and the topics of the event
 * catalogue (deploy/docs/events.md) with their retention and partitions.
 */
class StrimziModelTest {

    /** The Kafka versions Strimzi 0.49 runs (its release notes: one image per version). */
    static final Set<String> STRIMZI_KAFKA_VERSIONS = Set.of("4.0.0", "4.0.1", "4.1.0", "4.1.1");
    /** Dead-letter records are kept long enough to read, fix and replay by hand (deploy/kubernetes/README.md). */
    static final long DEAD_LETTER_RETENTION_MS = 30L * 24 * 60 * 60 * 1000;

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyStrimziObjectOfTheOverlayReadsStrictlyIntoStrimzisModel(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<JsonNode> strimzi = rendered.objects.stream().filter(StrimziModel::isStrimzi).toList();
        for (JsonNode object : strimzi) {
            assertThat(StrimziModel.problems(object))
                    .as(object.path("kind").asText() + " " + object.at("/metadata/name").asText()).isEmpty();
        }
        assertThat(strimzi.stream().map(o -> o.path("kind").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(StrimziModel.KINDS.keySet());
        assertThat(rendered.all("KafkaUser")).hasSize(ServiceFacts.SERVICES.size());
    }

    @Test
    void theModelCheckRejectsTyposUnknownValuesAndMissingFields() {
        Rendered rendered = Rendered.overlay("dev");
        ObjectNode topic = (ObjectNode) rendered.all("KafkaTopic").get(0).deepCopy();
        ((ObjectNode) topic.path("spec")).set("partitons", ((ObjectNode) topic.path("spec")).remove("partitions"));
        ObjectNode pool = rendered.all("KafkaNodePool").get(0).deepCopy();
        ((ArrayNode) pool.at("/spec/roles")).set(1, "borker");
        ((ObjectNode) pool.at("/spec/storage/volumes/0")).put("type", "persistent-clam");
        ObjectNode kafka = rendered.all("Kafka").get(0).deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka")).remove("listeners");
        ObjectNode quoted = rendered.all("Kafka").get(0).deepCopy();
        ((ObjectNode) quoted.at("/spec/kafka/listeners/0")).put("tls", "true");
        ObjectNode user = rendered.all("KafkaUser").get(0).deepCopy();
        ((ArrayNode) user.at("/spec/authorization/acls/0/operations")).add("Wirte");
        ObjectNode deprecated = rendered.all("KafkaUser").get(1).deepCopy();
        ((ObjectNode) deprecated.at("/spec/authorization/acls/0")).put("operation", "Read");
        ObjectNode oldVersion = rendered.all("KafkaTopic").get(1).deepCopy();
        oldVersion.put("apiVersion", "kafka.strimzi.io/v1alpha2");
        ObjectNode unknownKind = rendered.all("KafkaTopic").get(2).deepCopy();
        unknownKind.put("kind", "KafkaBridge");

        assertThat(StrimziModel.problems(topic)).singleElement().asString().contains("partitons");
        assertThat(String.join("\n", StrimziModel.problems(pool))).contains("persistent-clam");
        pool = rendered.all("KafkaNodePool").get(0).deepCopy();
        ((ArrayNode) pool.at("/spec/roles")).set(1, "borker");
        assertThat(StrimziModel.problems(pool)).anyMatch(p -> p.contains(".spec.roles[1]"));
        assertThat(StrimziModel.problems(kafka)).contains(".spec.kafka.listeners: required");
        assertThat(StrimziModel.problems(quoted)).singleElement().asString().contains("tls");
        assertThat(StrimziModel.problems(user)).anyMatch(p -> p.contains("operations[")
                && p.contains("not one of the values Strimzi knows"));
        assertThat(StrimziModel.problems(deprecated)).anyMatch(p -> p.contains(".operation: deprecated"));
        assertThat(StrimziModel.problems(oldVersion)).anyMatch(p -> p.contains("v1alpha2 is not served"));
        assertThat(StrimziModel.problems(unknownKind)).anyMatch(p -> p.contains("KafkaBridge has no model class"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theKafkaVersionIsOneStrimziRunsAndTheOneTheServicesAreTestedAgainst(String overlay) throws IOException {
        Rendered rendered = Rendered.overlay(overlay);
        Kafka kafka = StrimziModel.read(rendered.one("Kafka", k -> true, "cluster"), Kafka.class);
        KafkaClusterSpec spec = kafka.getSpec().getKafka();
        assertThat(spec.getVersion()).as("a version Strimzi 0.49 runs").isIn(STRIMZI_KAFKA_VERSIONS);
        assertThat(spec.getVersion()).as("the broker of the local platform and of every test")
                .isEqualTo(platformKafkaVersion());
        if (spec.getMetadataVersion() != null) {
            assertThat(spec.getMetadataVersion()).startsWith(spec.getVersion().substring(0, 3));
        }
        // Options the operator sets itself are ignored when given (with only a warning in its log).
        List<String> forbidden = Arrays.stream(KafkaClusterSpec.FORBIDDEN_PREFIXES.split(", ")).toList();
        List<String> allowed = Arrays.stream(KafkaClusterSpec.FORBIDDEN_PREFIX_EXCEPTIONS.split(", ")).toList();
        for (String key : spec.getConfig().keySet()) {
            assertThat(allowed.contains(key) || forbidden.stream().noneMatch(key::startsWith))
                    .as(key + " is managed by Strimzi").isTrue();
        }
        List<KafkaNodePool> pools = rendered.all("KafkaNodePool").stream()
                .map(p -> StrimziModel.read(p, KafkaNodePool.class)).toList();
        assertThat(pools).allSatisfy(p -> assertThat(p.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName()));
        assertThat(pools).flatMap(p -> p.getSpec().getRoles())
                .contains(ProcessRoles.BROKER, ProcessRoles.CONTROLLER);
        int brokers = brokers(pools);
        int minInSync = Integer.parseInt(String.valueOf(spec.getConfig().get("min.insync.replicas")));
        assertThat(Integer.parseInt(String.valueOf(spec.getConfig().get("default.replication.factor"))))
                .isLessThanOrEqualTo(brokers).isGreaterThanOrEqualTo(minInSync);
        for (JsonNode u : rendered.all("KafkaUser")) {
            assertThat(StrimziModel.read(u, KafkaUser.class).getMetadata().getLabels())
                    .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyCatalogueTopicIsAKafkaTopicWithItsRetentionAndPartitions(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        String cluster = rendered.one("Kafka", k -> true, "cluster").at("/metadata/name").asText();
        int brokers = brokers(rendered.all("KafkaNodePool").stream()
                .map(p -> StrimziModel.read(p, KafkaNodePool.class)).toList());
        int consumers = rendered.all("Deployment").stream().mapToInt(d -> d.at("/spec/replicas").asInt())
                .max().orElseThrow();
        Map<String, KafkaTopic> topics = rendered.all("KafkaTopic").stream()
                .map(t -> StrimziModel.read(t, KafkaTopic.class))
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
        Set<String> events = ServiceFacts.eventTopics();
        Set<String> deadLetters = ServiceFacts.deadLetterTopics();
        assertThat(events).as("the event catalogue").isNotEmpty();
        assertThat(deadLetters).hasSize(ServiceFacts.SERVICES.size());
        Set<String> catalogue = new HashSet<>(events);
        catalogue.addAll(deadLetters);
        assertThat(topics.keySet()).as("exactly the catalogue's topics").containsExactlyInAnyOrderElementsOf(catalogue);

        for (KafkaTopic topic : topics.values()) {
            String name = topic.getSpec().getTopicName();
            Map<String, Object> config = topic.getSpec().getConfig();
            assertThat(topic.getMetadata().getLabels()).as(name).containsEntry("strimzi.io/cluster", cluster);
            assertThat(topic.getMetadata().getName()).as("the resource is named after the topic")
                    .isEqualTo(name.replace('.', '-'));
            assertThat(config.keySet()).as(name + ": Kafka's topic settings").isSubsetOf(topicConfigNames());
            assertThat(topic.getSpec().getReplicas()).as(name).isBetween(1, brokers);
            assertThat(((Number) config.get("min.insync.replicas")).intValue()).as(name)
                    .isLessThanOrEqualTo(topic.getSpec().getReplicas());
            if (brokers > 1) {
                assertThat(((Number) config.get("min.insync.replicas")).intValue())
                        .as(name + ": one broker may be down").isLessThan(topic.getSpec().getReplicas());
            }
            // Compaction would keep only the latest event of each submission (the key) and break replays.
            assertThat(config.get("cleanup.policy")).as(name).isEqualTo("delete");
            long retention = ((Number) config.get("retention.ms")).longValue();
            if (events.contains(name)) {
                assertThat(retention).as(name + ": reporting replays events from the start").isEqualTo(-1L);
                assertThat(topic.getSpec().getPartitions()).as(name + ": every consuming replica gets a partition")
                        .isGreaterThanOrEqualTo(consumers);
            } else {
                assertThat(retention).as(name).isEqualTo(DEAD_LETTER_RETENTION_MS);
                assertThat(topic.getSpec().getPartitions()).as(name).isPositive();
            }
        }
        // Every event topic is split alike, so one submission's key lands on one partition in each.
        assertThat(events.stream().map(t -> topics.get(t).getSpec().getPartitions()).distinct()).hasSize(1);
    }

    private static int brokers(List<KafkaNodePool> pools) {
        return pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
    }

    /** The broker version deploy/platform runs locally and in every service's tests. */
    private static String platformKafkaVersion() throws IOException {
        String pom = Files.readString(ServiceFacts.project().resolve("deploy/platform/pom.xml"));
        Matcher version = Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>").matcher(pom);
        assertThat(version.find()).as("deploy/platform names its Kafka version").isTrue();
        return version.group(1);
    }

    /** Every topic-level setting Kafka knows, from its own constants ({@code TopicConfig.*_CONFIG}). */
    private static Set<String> topicConfigNames() {
        Set<String> names = new HashSet<>();
        for (Field field : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG")) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }
}
