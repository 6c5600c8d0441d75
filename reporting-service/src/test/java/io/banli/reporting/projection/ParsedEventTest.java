package io.banli.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.inbox.ReceivedEvent;
import io.banli.kit.json.StrictJson;
import io.banli.reporting.projection.ProjectedEvents.Assigned;
import io.banli.reporting.projection.ProjectedEvents.Replied;
import io.banli.reporting.projection.ProjectedEvents.Submission;

/**
 * An event parsed once reads, for every writer's record, what the writer read from the text before: the same record,
 * or the same refusal with the same reason; and the same submission id. Data that producers never send is here on
 * purpose: the live consumer must refuse it as it did.
 */
class ParsedEventTest {

    static final ObjectMapper MAPPER = mapper();

    static final List<String> DATA = List.of(
            """
            {"submissionId": 41, "sessionId": 2, "kind": "SUGGESTION", "field": "EDUCATION", "title": "关于增设社区食堂的建议",
             "leadProposer": {"memberId": 7, "name": "王芳", "delegation": "海淀", "kind": "DEPUTY", "extra": [1, {"a": null}]},
             "keyItem": true, "registeredAt": "2025-03-01T08:00:00Z", "year": 2025, "number": 12, "unknown": {"x": 1.5}}""",
            """
            {"submissionId": 41, "unitId": 3, "role": "LEAD", "assignedAt": "2025-03-02T08:00:00.123456Z", "mode": null}""",
            """
            {"submissionId": 41, "unitId": 3, "resultClass": "A", "repliedAt": "2025-04-02T08:00:00Z",
             "commitments": [null, {"commitmentId": 5, "promisedOn": "2025-12-31"}, {"promisedOn": "2026-01-31"}]}""",
            "{\"submissionId\": 1, \"submissionId\": 2, \"title\": \"first\", \"title\": \"second\"}",
            "{\"submissionId\": 12345678901234567890}",
            "{\"submissionId\": 1.5}",
            "{\"submissionId\": 1e3}",
            "{\"submissionId\": \"12\"}",
            "{\"submissionId\": true}",
            "{\"submissionId\": null, \"title\": null}",
            "{\"submissionId\": 1, \"title\": 5}",
            "{\"submissionId\": 1, \"filedAt\": 0}",
            "{\"submissionId\": 1, \"filedAt\": \"yesterday\"}",
            "{\"submissionId\": 1, \"title\": \"a\\u0000b\"}",
            "{\"submissionId\": 1, \"keyItem\": \"yes\"}",
            "{\"submissionId\": 1, \"leadProposer\": \"王芳\"}",
            "{\"submissionId\": 1, \"commitments\": {\"commitmentId\": 5}}",
            "{\"submissionId\": 1} trailing",
            "{\"submissionId\": 1",
            "{}",
            "[1, 2]",
            "41",
            "\"text\"",
            "null",
            "",
            "not json");

    @Test
    void everyRecordIsTheTextsRecordOrTheTextsRefusal() {
        for (String data : DATA) {
            ReceivedEvent event = new ReceivedEvent("e-1", "banli.test.v1", "41", data);
            ParsedEvent parsed = new ParsedEvent(event, MAPPER);
            for (Class<?> type : List.of(Submission.class, Assigned.class, Replied.class, Submission.class)) {
                Object fromText;
                try {
                    fromText = event.data(MAPPER, type);
                } catch (RuntimeException refused) {
                    fromText = refused.getClass().getName() + ": " + refused.getMessage();
                }
                Object once;
                try {
                    once = parsed.data(type);
                } catch (RuntimeException refused) {
                    once = refused.getClass().getName() + ": " + refused.getMessage();
                }
                assertThat(once).as(type.getSimpleName() + " of " + data).isEqualTo(fromText);
            }
        }
    }

    @Test
    void theSubmissionIdIsTheOneTheTreeOfTheTextNames() {
        for (String data : DATA) {
            ParsedEvent parsed = new ParsedEvent(new ReceivedEvent("e-1", "banli.test.v1", "41", data), MAPPER);
            assertThat(parsed.submissionId()).as(data).isEqualTo(fromTheText(data));
        }
    }

    @Test
    void anEventWithoutDataIsRefusedAsBefore() {
        ReceivedEvent event = new ReceivedEvent("e-1", "banli.test.v1", "41", null);
        ParsedEvent parsed = new ParsedEvent(event, MAPPER);
        assertThat(catchThrowable(() -> parsed.data(Submission.class))).hasMessage(
                catchThrowable(() -> event.data(MAPPER, Submission.class)).getMessage());
        // The submission's id of no data failed before as it fails now (the consumer's failure handling decides).
        assertThat(catchThrowable(parsed::submissionId)).isInstanceOf(IllegalArgumentException.class);
    }

    /** How the writer read the submission's id before the event was parsed once. */
    private static Long fromTheText(String data) {
        try {
            JsonNode id = MAPPER.readTree(data).get("submissionId");
            return id == null || id.isNull() ? null : id.asLong();
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return null;
        }
    }

    /** The service's mapper: Quarkus' defaults (modules found, unknown properties ignored) and the kit's strict JSON. */
    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJson().customize(mapper);
        return mapper;
    }
}
