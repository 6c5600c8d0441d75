package io.banli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.e2e.intake.ApiClient;
import io.banli.e2e.intake.api.FilingApi;
import io.banli.e2e.intake.api.PlatformClientsApi;
import io.banli.e2e.intake.api.ProgressApi;
import io.banli.e2e.intake.api.SubmissionsApi;
import io.banli.e2e.intake.api.WebhooksApi;

/**
 * A portal's side of the integration: the client generated from intake's OpenAPI document, with the bearer
 * token of the moment. The portal reads each answer's JSON through the client's response hook; the hook drains the
 * body, so the typed value a generated method returns is null here (the answers have schemas now: a story that
 * wants typed results uses a client without the hook).
 */
final class Portal {

    private final ObjectMapper json = new ObjectMapper();
    private final ApiClient client = new ApiClient();
    private volatile String token;
    private volatile byte[] lastBody = new byte[0];

    final PlatformClientsApi auth;
    final SubmissionsApi submissions;
    final FilingApi filing;
    final WebhooksApi webhooks;
    final ProgressApi progress;

    Portal(String intakeUrl) {
        client.updateBaseUri(intakeUrl);
        client.setRequestInterceptor(request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        });
        client.setResponseInterceptor(response -> {
            // Read to the end but left open: the generated method drains and closes it after this hook.
            try {
                lastBody = response.body().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        auth = new PlatformClientsApi(client);
        submissions = new SubmissionsApi(client);
        filing = new FilingApi(client);
        webhooks = new WebhooksApi(client);
        progress = new ProgressApi(client);
    }

    void useToken(String bearer) {
        this.token = bearer;
    }

    void anonymous() {
        this.token = null;
    }

    /** The JSON of the last answer this portal received. */
    JsonNode answer() {
        try {
            return json.readTree(new String(lastBody, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
