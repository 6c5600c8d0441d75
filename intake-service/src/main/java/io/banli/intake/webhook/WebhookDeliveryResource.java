package io.banli.intake.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.intake.webhook.WebhookApi.DeliveryView;
import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;

@Path("/api/v1/webhook-deliveries")
@RequiresScope(Scopes.WEBHOOKS_MANAGE)
@Tag(name = "Webhooks")
public class WebhookDeliveryResource {

    @Inject
    WebhookSubscriptions subscriptions;

    @POST
    @Path("/{id}/redelivery")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Send a delivery again", description = "A delivered or failed delivery is queued again "
            + "with the same `ce-id` (receivers dedupe on it) and a fresh retry window.")
    @APIResponse(responseCode = "200", description = "Queued", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DeliveryView.class),
            examples = @ExampleObject(name = "queued", value = """
                    {"id": 7, "subscriptionId": 1, "eventId": "6f1c0a52-3c1e-4e7b-9a53-0c9d2b1e7a10",
                     "eventType": "banli.assignment.replied.v1", "submissionId": 1, "status": "PENDING", "attempts": 3,
                     "lastStatusCode": 200, "lastError": null, "nextAttemptAt": "2030-01-13T10:00:00Z",
                     "deliveredAt": "2030-01-13T09:00:00Z", "createdAt": "2030-01-13T08:59:59Z"}""")))
    @APIResponse(responseCode = "409", description = "Still pending: it goes out by itself")
    public DeliveryView redeliver(@Parameter(example = "7") @PathParam("id") long id) {
        return DeliveryView.of(subscriptions.redeliver(id));
    }
}
