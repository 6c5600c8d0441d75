package io.banli.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The contract checks themselves: each one must catch what it is there for, and let the rest through. */
class ContractsTest {

    private static final String REGISTERED = "banli.intake.submission.registered.v1";
    private static final Map<String, String> HEADERS = Map.of("ce_specversion", "1.0",
            "ce_id", "5f0c2a1e-8f3b-4c1d-9a7e-2b6d4e8f1a3c", "ce_type", REGISTERED,
            "ce_source", "/banli/intake-service", "ce_subject", "1001", "ce_time", "2026-03-02T01:30:00Z",
            "content-type", "application/json");

    @Test
    void removingRetypingOrWideningAPublishedFieldBreaksConsumers() {
        JsonNode published = Contracts.document("intake-service");
        ObjectNode removed = published.deepCopy();
        properties(removed).remove("title");
        ObjectNode retyped = published.deepCopy();
        properties(retyped).putObject("submissionId").put("type", "string");
        ObjectNode nullable = published.deepCopy();
        properties(nullable).putObject("field").putArray("type").add("string").add("null");
        ObjectNode newValue = published.deepCopy();
        ((ArrayNode) properties(newValue).path("kind").path("enum")).add("MOTION");

        assertThat(ContractCompatibility.breakingChanges(published, removed))
                .containsExactly(REGISTERED + ".title: removed");
        assertThat(ContractCompatibility.breakingChanges(published, retyped))
                .contains(REGISTERED + ".submissionId: type [integer] became [string]");
        assertThat(ContractCompatibility.breakingChanges(published, nullable)).hasSize(1);
        assertThat(ContractCompatibility.breakingChanges(published, newValue)).hasSize(1);
    }

    @Test
    void addingAFieldOrATypeBreaksNobody() {
        JsonNode published = Contracts.document("intake-service");
        ObjectNode added = published.deepCopy();
        properties(added).putObject("channel").putArray("type").add("string").add("null");
        ((ObjectNode) added.path("components").path("messages")).putObject("banli.intake.submission.noted.v1");

        assertThat(ContractCompatibility.breakingChanges(published, added)).isEmpty();
        assertThat(ContractCompatibility.breakingChanges(published, published)).isEmpty();
    }

    @Test
    void aPublishedEventMayCarryNothingItsContractDoesNotDescribe() {
        ObjectNode data = Contracts.example(REGISTERED);
        assertThat(Contracts.producerViolations(REGISTERED, HEADERS, data.toString())).isEmpty();

        ObjectNode extra = data.deepCopy().put("phone", "13800000000");
        ObjectNode missing = data.deepCopy();
        missing.remove("registeredAt");
        ObjectNode badInstant = data.deepCopy().put("registeredAt", "yesterday");
        assertThat(Contracts.producerViolations(REGISTERED, HEADERS, extra.toString())).hasSize(1);
        assertThat(Contracts.producerViolations(REGISTERED, HEADERS, missing.toString())).hasSize(1);
        assertThat(Contracts.producerViolations(REGISTERED, HEADERS, badInstant.toString())).hasSize(1);
        assertThat(Contracts.producerViolations(REGISTERED, Map.of("ce_type", REGISTERED), data.toString()))
                .isNotEmpty();
    }

    @Test
    void aConsumerFixtureCanOnlyUseWhatTheProducerPublishes() {
        assertThat(Contracts.data(REGISTERED, "submissionId", 42, "keyItem", true, "leadingOfficial", "张副市长"))
                .contains("\"submissionId\":42").contains("\"leadingOfficial\":\"张副市长\"");
        assertThatThrownBy(() -> Contracts.data(REGISTERED, "registrationNumber", 7))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no field 'registrationNumber'");
        assertThatThrownBy(() -> Contracts.data(REGISTERED, "title", null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("breaks intake-service's published contract");
    }

    private static ObjectNode properties(JsonNode document) {
        return (ObjectNode) document.path("components").path("messages").path(REGISTERED).path("payload")
                .path("properties");
    }
}
