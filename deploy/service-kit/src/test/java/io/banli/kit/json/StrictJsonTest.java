package io.banli.kit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** What the services' JSON reader refuses, and that it still reads what clients and events really send. */
class StrictJsonTest {

    enum Kind { SUGGESTION, PROPOSAL }

    record Request(String title, LocalDate from, Instant opensAt, Long id, int count, boolean flag, Kind kind,
            List<String> names) {
    }

    private static final ObjectMapper JSON = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void aWellTypedBodyIsRead() throws Exception {
        Request r = JSON.readValue("""
                {"title": "关于停车难的建议", "from": "2025-01-01", "opensAt": "2025-01-20T02:00:00Z", "id": 3,
                 "count": 2, "flag": true, "kind": "PROPOSAL", "names": ["甲", "乙"]}""", Request.class);
        assertThat(r).isEqualTo(new Request("关于停车难的建议", LocalDate.parse("2025-01-01"),
                Instant.parse("2025-01-20T02:00:00Z"), 3L, 2, true, Kind.PROPOSAL, List.of("甲", "乙")));
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        for (String body : List.of("{\"title\": 5}", "{\"title\": true}", "{\"from\": 20250101}",
                "{\"opensAt\": 0}", "{\"opensAt\": 1.5}", "{\"id\": \"3\"}", "{\"id\": 1.0}", "{\"count\": 1.5}",
                "{\"flag\": \"true\"}", "{\"kind\": 1}", "{\"names\": [1]}", "{\"title\": {}}")) {
            assertThatThrownBy(() -> JSON.readValue(body, Request.class)).as(body)
                    .isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void textWithANulIsRefused() {
        assertThatThrownBy(() -> JSON.readValue("{\"title\": \"a\\u0000b\"}", Request.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> JSON.readValue("{\"names\": [\"a\\u0000\"]}", Request.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
