package io.banli.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client generated from our documents is only as typed as they are: every response that has a body names its
 * schema (a JSON answer, a problem, a file), and every 200 and 201 has a body. Counted per service and printed.
 */
class ResponseSchemasTest {

    @Test
    void everyResponseBodyHasASchema() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String service : ApiDocuments.SERVICES) {
            int[] responses = {0};
            List<String> own = new ArrayList<>();
            ApiDocuments.stored(service).path("paths").fields().forEachRemaining(path -> path.getValue().fields()
                    .forEachRemaining(op -> op.getValue().path("responses").fields().forEachRemaining(r -> {
                        responses[0]++;
                        String where = service + ": " + op.getKey().toUpperCase() + " " + path.getKey() + " "
                                + r.getKey();
                        missing(where, r.getKey(), r.getValue(), own);
                    })));
            System.out.printf("%s: %d responses, %d without a schema%n", service, responses[0], own.size());
            missing.addAll(own);
        }
        assertThat(missing).as("responses without a schema").isEmpty();
    }

    @Test
    void aJsonAnswerWithoutSchemaIsCounted() throws Exception {
        JsonNode response = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"description": "ok", "content": {"application/json": {"examples": {"one": {"value": {}}}}}}""");
        List<String> missing = new ArrayList<>();

        missing("GET /api/v1/things 200", "200", response, missing);
        missing("POST /api/v1/things 201", "201", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"description\": \"created\"}"), missing);

        assertThat(missing).hasSize(2);
    }

    private static void missing(String where, String status, JsonNode response, List<String> missing) {
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (status.equals("200") || status.equals("201")) {
                missing.add(where + ": no body");
            }
            return;
        }
        content.fields().forEachRemaining(media -> {
            if (!media.getValue().has("schema")) {
                missing.add(where + " " + media.getKey());
            }
        });
    }
}
