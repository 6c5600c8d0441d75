package io.banli.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an ops team relies on before applying an overlay: it renders, every object passes the schemas
 * the cluster will check it against, and the platform's rules hold (limits, probes, non-root, no secret
 * values, every topic declared, ACLs and network policies that allow exactly what the services do).
 */
class ManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectOfTheOverlayMatchesItsSchema(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        Rendered.Result result = validate(rendered.writeJson());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("0 problems");
    }

    @Test
    void theSchemaCheckRejectsWhatAClusterWouldRefuse() throws Exception {
        Rendered rendered = Rendered.overlay("dev");
        ObjectNode deployment = (ObjectNode) rendered.all("Deployment").get(0);
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0/ports/0")).put("containerPort", "eighty");
        ObjectNode database = (ObjectNode) rendered.all("Cluster").get(0);
        ((ObjectNode) database.at("/spec/storage")).put("sise", "1Gi");

        Rendered.Result result = validate(rendered.writeJson());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("containerPort must be integer").contains("spec.storage.sise");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasLimitsProbesAndRunsAsNonRootOnAReadOnlyFilesystem(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        assertThat(rendered.all("Deployment")).hasSize(ServiceFacts.SERVICES.size());
        for (JsonNode deployment : rendered.all("Deployment")) {
            JsonNode pod = deployment.at("/spec/template/spec");
            for (JsonNode c : pod.path("containers")) {
                String who = deployment.at("/metadata/name").asText() + "/" + c.path("name").asText();
                assertThat(c.at("/resources/limits/memory").asText()).as(who + " memory limit").isNotEmpty();
                assertThat(c.at("/resources/limits/cpu").asText()).as(who + " cpu limit").isNotEmpty();
                assertThat(c.at("/resources/requests/memory").asText()).as(who + " memory request").isNotEmpty();
                assertThat(c.at("/startupProbe/httpGet/path").asText()).as(who).isEqualTo("/q/health/started");
                assertThat(c.at("/livenessProbe/httpGet/path").asText()).as(who).isEqualTo("/q/health/live");
                assertThat(c.at("/readinessProbe/httpGet/path").asText()).as(who).isEqualTo("/q/health/ready");
                assertThat(c.at("/securityContext/runAsNonRoot").asBoolean()
                        || pod.at("/securityContext/runAsNonRoot").asBoolean()).as(who + " non-root").isTrue();
                assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(who).isTrue();
                assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(who).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueIsWrittenInTheManifests(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        assertThat(rendered.all("Secret")).as("secrets come from the operators and from ops").isEmpty();
        String sensitive = "(?i).*(PASSWORD|SECRET|JAAS|TOKEN|PRIVATE|CREDENTIAL).*";
        for (JsonNode deployment : rendered.all("Deployment")) {
            for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
                if (env.path("name").asText().matches(sensitive)) {
                    assertThat(env.has("value")).as(env.path("name").asText() + " is inline").isFalse();
                    assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).isNotEmpty();
                }
            }
        }
        for (JsonNode map : rendered.all("ConfigMap")) {
            map.path("data").fieldNames().forEachRemaining(key ->
                    assertThat(key).as("ConfigMap " + map.at("/metadata/name").asText()).doesNotMatch(sensitive));
        }
    }

    @Test
    void everyTopicTheServicesUseIsAReplicatedKafkaTopicInProduction() {
        Rendered prod = Rendered.overlay("prod");
        List<String> declared = prod.all("KafkaTopic").stream().map(t -> t.at("/spec/topicName").asText()).toList();
        List<String> used = new ArrayList<>(ServiceFacts.catalogueTopics());
        ServiceFacts.SERVICES.stream().map(ServiceFacts::of).forEach(s -> {
            used.addAll(s.reads());
            used.addAll(s.writes());
        });
        assertThat(declared).containsAll(used);
        for (JsonNode topic : prod.all("KafkaTopic")) {
            assertThat(topic.at("/spec/replicas").asInt()).as(topic.at("/spec/topicName").asText()).isEqualTo(3);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
        }
        JsonNode kafka = prod.one("Kafka", k -> true, "cluster");
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true)).isFalse();
        JsonNode pool = prod.one("KafkaNodePool", p -> true, "node pool");
        assertThat(pool.at("/spec/replicas").asInt()).as("brokers").isEqualTo(3);
        assertThat(pool.at("/spec/roles").toString()).contains("broker").contains("controller");
    }

    @Test
    void eachServiceWritesOnlyItsOwnTopicsAndMayReadWhatItConsumes() {
        Rendered prod = Rendered.overlay("prod");
        for (String name : ServiceFacts.SERVICES) {
            ServiceFacts service = ServiceFacts.of(name);
            JsonNode user = prod.find("KafkaUser", service.name())
                    .orElseThrow(() -> new AssertionError("no KafkaUser " + service.name()));
            JsonNode acls = user.at("/spec/authorization/acls");
            for (String topic : service.reads()) {
                assertThat(allows(acls, "topic", topic, "Read")).as(service.name() + " reads " + topic).isTrue();
            }
            for (String group : service.groups()) {
                assertThat(allows(acls, "group", group, "Read")).as(service.name() + " group " + group).isTrue();
            }
            for (String topic : service.writes()) {
                assertThat(allows(acls, "topic", topic, "Write")).as(service.name() + " writes " + topic).isTrue();
            }
            for (String other : ServiceFacts.catalogueTopics()) {
                if (!other.startsWith("banli." + name + ".")) {
                    assertThat(allows(acls, "topic", other, "Write")).as(service.name() + " must not write " + other)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void networkPoliciesLetEachServiceReachWhatItCallsAndNothingMore() {
        Rendered prod = Rendered.overlay("prod");
        JsonNode kafkaListener = prod.one("Kafka", k -> true, "cluster").at("/spec/kafka/listeners/0");
        for (String name : ServiceFacts.SERVICES) {
            ServiceFacts service = ServiceFacts.of(name);
            JsonNode policy = prod.find("NetworkPolicy", service.name())
                    .orElseThrow(() -> new AssertionError("no NetworkPolicy " + service.name()));
            assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText())
                    .isEqualTo(service.name());
            assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress").contains("Egress");
            JsonNode egress = policy.at("/spec/egress");
            assertThat(reaches(egress, "cnpg.io/cluster", "banli-" + name + "-db", 5432))
                    .as(service.name() + " reaches its own database").isTrue();
            assertThat(ServiceFacts.SERVICES.stream().filter(o -> !o.equals(name))
                    .anyMatch(o -> reaches(egress, "cnpg.io/cluster", "banli-" + o + "-db", 5432)))
                    .as(service.name() + " reaches no other service's database").isFalse();
            assertThat(reaches(egress, "strimzi.io/cluster", "banli", kafkaListener.path("port").asInt()))
                    .as(service.name() + " reaches the Kafka listener").isTrue();
            assertThat(hasPort(egress, 53)).as("DNS").isTrue();
            assertThat(hasPort(egress, 25) || hasPort(egress, 587)).as(service.name() + " SMTP")
                    .isEqualTo(service.sendsReminders());
            assertThat(hasPort(policy.at("/spec/ingress"), service.port())).as("its HTTP port is reachable").isTrue();

            JsonNode container = prod.find("Deployment", service.name()).orElseThrow()
                    .at("/spec/template/spec/containers/0");
            assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(service.port());
        }
        assertThat(kafkaListener.at("/networkPolicyPeers/0/podSelector/matchLabels/app.kubernetes.io~1part-of")
                .asText()).as("only Banli's pods reach the brokers").isEqualTo("banli");
    }

    @Test
    void productionRunsSeveralReplicasWithAutoscalingBudgetsMonitoringAndNoSwaggerUi() {
        Rendered prod = Rendered.overlay("prod");
        for (String name : ServiceFacts.SERVICES) {
            String service = name + "-service";
            assertThat(prod.find("Deployment", service).orElseThrow().at("/spec/replicas").asInt()).isGreaterThan(1);
            assertThat(prod.find("Service", service)).isPresent();
            assertThat(prod.find("HorizontalPodAutoscaler", service).orElseThrow().at("/spec/minReplicas").asInt())
                    .isGreaterThan(1);
            assertThat(prod.find("PodDisruptionBudget", service)).isPresent();
            assertThat(prod.find("ServiceMonitor", service).orElseThrow().at("/spec/endpoints/0/path").asText())
                    .isEqualTo("/q/metrics");
            assertThat(prod.find("Cluster", "banli-" + name + "-db").orElseThrow().at("/spec/instances").asInt())
                    .isEqualTo(3);
            assertThat(prod.find("ScheduledBackup", "banli-" + name + "-db-daily")).isPresent();
        }
        JsonNode common = prod.one("ConfigMap", m -> m.at("/metadata/name").asText().startsWith("banli-common"), "banli-common");
        assertThat(common.at("/data/QUARKUS_SWAGGER_UI_ENABLE").asText()).isEqualTo("false");
        assertThat(common.at("/data/BANLI_TRACING_DISABLED").asText()).isEqualTo("false");
        JsonNode ingress = prod.one("Ingress", i -> true, "for the public APIs");
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                assertThat(path.path("path").asText()).as("only the APIs are public").isEqualTo("/api");
            }
        }
        Rendered dev = Rendered.overlay("dev");
        assertThat(dev.all("Deployment")).allSatisfy(d -> assertThat(d.at("/spec/replicas").asInt()).isEqualTo(1));
    }

    /**
     * Connections the reserve keeps free for the operator, the metrics exporter, migrations and an
     * operator's psql; PostgreSQL keeps its own superuser slots on top.
     */
    private static final int CONNECTION_RESERVE = 15;

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReplicaTheAutoscalerMayStartGetsItsConnectionPool(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        JsonNode common = rendered.one("ConfigMap", m -> m.at("/metadata/name").asText().startsWith("banli-common"),
                "banli-common");
        int pool = common.at("/data/QUARKUS_DATASOURCE_JDBC_MAX_SIZE").asInt();
        assertThat(pool).as("pool size per pod").isPositive();
        for (String name : ServiceFacts.SERVICES) {
            int maxReplicas = rendered.find("HorizontalPodAutoscaler", name + "-service").orElseThrow()
                    .at("/spec/maxReplicas").asInt();
            int maxConnections = rendered.find("Cluster", "banli-" + name + "-db").orElseThrow()
                    .at("/spec/postgresql/parameters/max_connections").asInt();
            assertThat(maxReplicas * pool).as(overlay + " " + name + ": " + maxReplicas + " replicas x " + pool
                    + " connections within max_connections " + maxConnections + " - reserve " + CONNECTION_RESERVE)
                    .isLessThanOrEqualTo(maxConnections - CONNECTION_RESERVE);
        }
    }

    /**
     * Every service runs as its insert-only app role and migrates as the owner (README, Security): the app role is
     * created by CloudNativePG from the runtime secret, the owner's credentials are the operator's own secret.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsAsItsAppRoleAndMigratesAsTheOwner(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (String name : ServiceFacts.SERVICES) {
            JsonNode env = rendered.find("Deployment", name + "-service").orElseThrow()
                    .at("/spec/template/spec/containers/0/env");
            java.util.Map<String, String> secrets = new java.util.HashMap<>();
            env.forEach(e -> secrets.put(e.path("name").asText(), e.at("/valueFrom/secretKeyRef/name").asText()));
            assertThat(secrets).as(overlay + " " + name)
                    .containsEntry("BANLI_DB_OWNER_USER", "banli-" + name + "-db-app")
                    .containsEntry("BANLI_DB_OWNER_PASSWORD", "banli-" + name + "-db-app")
                    .containsEntry("BANLI_DB_USER", "banli-" + name + "-db-runtime")
                    .containsEntry("BANLI_DB_PASSWORD", "banli-" + name + "-db-runtime");
            JsonNode roles = rendered.find("Cluster", "banli-" + name + "-db").orElseThrow().at("/spec/managed/roles");
            assertThat(StreamSupport.stream(roles.spliterator(), false).anyMatch(r -> r.path("name").asText()
                    .equals(name + "_app") && r.path("login").asBoolean() && r.at("/passwordSecret/name").asText()
                    .equals("banli-" + name + "-db-runtime"))).as(overlay + " " + name + "_app role").isTrue();
        }
    }

    private static Rendered.Result validate(Path json) {
        Path validator = Rendered.MODULE.resolve("validation");
        assertThat(Files.isDirectory(validator.resolve("node_modules"))).as("npm ci ran in validation/").isTrue();
        return Rendered.run(validator, "node", "validate.mjs", json.toString());
    }

    private static boolean allows(JsonNode acls, String type, String name, String operation) {
        return StreamSupport.stream(acls.spliterator(), false).anyMatch(acl -> {
            JsonNode r = acl.path("resource");
            boolean named = "prefix".equals(r.path("patternType").asText())
                    ? name.startsWith(r.path("name").asText()) : name.equals(r.path("name").asText());
            return type.equals(r.path("type").asText()) && named && acl.path("operations").toString().contains(operation);
        });
    }

    private static boolean reaches(JsonNode egress, String label, String value, int port) {
        for (JsonNode rule : egress) {
            boolean portOk = hasPort(rule.path("ports"), port);
            for (JsonNode to : rule.path("to")) {
                if (portOk && value.equals(to.at("/podSelector/matchLabels").path(label).asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasPort(JsonNode rulesOrPorts, int port) {
        return rulesOrPorts.toString().contains("\"port\":" + port + "}")
                || rulesOrPorts.toString().contains("\"port\":" + port + ",");
    }

}
