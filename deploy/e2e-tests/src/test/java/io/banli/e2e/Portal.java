package io.banli.e2e;

import io.banli.e2e.intake.ApiClient;
import io.banli.e2e.intake.api.FilingApi;
import io.banli.e2e.intake.api.PlatformClientsApi;
import io.banli.e2e.intake.api.ProgressApi;
import io.banli.e2e.intake.api.SubmissionsApi;
import io.banli.e2e.intake.api.WebhooksApi;

/**
 * A portal's side of the integration: the client generated from intake's OpenAPI document, with the bearer
 * token of the moment. Every answer has a schema, so each generated method returns its typed value; an error's
 * problem is in {@code ApiException#getResponseBody()}.
 */
final class Portal {

    private final ApiClient client = new ApiClient();
    private volatile String token;

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
}
