package io.banli.e2e;

import io.banli.e2e.intake.ApiClient;
import io.banli.e2e.intake.api.FilingApi;
import io.banli.e2e.intake.api.PlatformClientsApi;
import io.banli.e2e.intake.api.SubmissionsApi;
import io.banli.e2e.intake.api.WebhooksApi;

/**
 * A portal's side of the integration: the clients generated from intake's OpenAPI document and, for a member's
 * progress, from reporting's (the read side), with the bearer token of the moment. Every answer has a schema, so each generated method returns its typed value; an error's
 * problem is in {@code ApiException#getResponseBody()}.
 */
final class Portal {

    private final ApiClient client = new ApiClient();
    private volatile String token;

    final PlatformClientsApi auth;
    final SubmissionsApi submissions;
    final FilingApi filing;
    final WebhooksApi webhooks;
    final io.banli.e2e.reporting.api.ProgressApi progress;
    private final io.banli.e2e.reporting.ApiClient reporting = new io.banli.e2e.reporting.ApiClient();

    Portal(String intakeUrl, String reportingUrl) {
        client.updateBaseUri(intakeUrl);
        client.setRequestInterceptor(request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        });
        reporting.updateBaseUri(reportingUrl);
        reporting.setRequestInterceptor(request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        });
        auth = new PlatformClientsApi(client);
        submissions = new SubmissionsApi(client);
        filing = new FilingApi(client);
        webhooks = new WebhooksApi(client);
        progress = new io.banli.e2e.reporting.api.ProgressApi(reporting);
    }

    void useToken(String bearer) {
        this.token = bearer;
    }

    void anonymous() {
        this.token = null;
    }
}
