package io.banli.intake.webhook;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.intake.webhook.WebhookApi.DeliveryView;
import io.banli.intake.webhook.WebhookApi.NewSubscription;
import io.banli.intake.webhook.WebhookApi.DeliveryPage;
import io.banli.intake.webhook.WebhookApi.Page;
import io.banli.intake.webhook.WebhookApi.SubscriptionView;
import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;

@Path("/api/v1/webhook-subscriptions")
@RequiresScope(Scopes.WEBHOOKS_MANAGE)
@Tag(name = "Webhooks", description = "A platform client is told of the events of the members and units its "
        + "registration covers: signed CloudEvents POSTed to its callback URL, retried with backoff, in order per "
        + "submission. See the service README for verifying the signature.")
public class WebhookResource {

    static final String SUBSCRIPTION_EXAMPLE = """
            {"id": 1, "clientId": "portal-client", "callbackUrl": "https://portal.example.gov.cn/hooks/banli",
             "eventTypes": ["assigned", "replied"], "memberIds": [1], "unitIds": [], "state": "ACTIVE",
             "consecutiveFailures": 0, "createdAt": "2030-01-13T10:00:00Z",
             "secret": "whsec_3q2-7wEXAMPLEonlyEXAMPLEonlyEXAMPLEonly0Ab"}""";
    static final String DELIVERIES_EXAMPLE = """
            {"items": [{"id": 7, "subscriptionId": 1, "eventId": "6f1c0a52-3c1e-4e7b-9a53-0c9d2b1e7a10",
             "eventType": "banli.assignment.replied.v1", "submissionId": 1, "status": "PENDING", "attempts": 2,
             "lastStatusCode": 503, "lastError": "the receiver answered 503", "nextAttemptAt": "2030-01-13T10:01:30Z",
             "deliveredAt": null, "createdAt": "2030-01-13T10:00:00Z"}], "page": 0, "size": 20, "total": 1}""";

    @Inject
    WebhookSubscriptions subscriptions;

    @POST
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Subscribe to events", description = """
            For the client of the token (`client_id`). `eventTypes`: registered, assigned, signed, reply-submitted,
            replied, evaluated, rehandling-started, closed, overdue, deadline-warning, withdrawn, refused.
            `memberIds` and `unitIds` narrow the subscription and must lie within the client's registration (422
            otherwise); without them it covers the whole registration. The callback URL must use https, and its
            host must resolve to public addresses only (resolved now and again before every delivery): loopback,
            private, link-local and metadata, CGNAT, multicast and unique-local addresses are refused unless the
            operator allows their network. Redirects are never followed. The answer shows the signing `secret`
            once: keep it (it is stored encrypted).""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "subscription",
            value = """
                    {"callbackUrl": "https://portal.example.gov.cn/hooks/banli", "eventTypes": ["assigned", "replied"],
                     "memberIds": [1]}""")))
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubscriptionView.class),
            examples = @ExampleObject(name = "subscription", value = SUBSCRIPTION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Missing fields, a malformed URL or an unknown event type")
    @APIResponse(responseCode = "422", description = "A plain-http callback, a callback that does not resolve or "
            + "resolves to an address that is not public (`callback-not-allowed`), or members or units outside the "
            + "client's registration")
    @APIResponse(responseCode = "503", description = "The operator has configured no key to encrypt webhook secrets")
    public Response subscribe(@Valid @NotNull NewSubscription request) {
        WebhookSubscriptions.Created created = subscriptions.create(request);
        return Response.created(URI.create("/api/v1/webhook-subscriptions/" + created.subscription().id))
                .entity(SubscriptionView.of(created.subscription(), created.secret())).build();
    }

    @GET
    @RolesAllowed({Roles.PLATFORM, Roles.OFFICE, Roles.AUDITOR})
    @Operation(summary = "List subscriptions", description = "A platform its own; office and auditor all. Newest first.")
    @APIResponse(responseCode = "200", description = "The subscriptions", content = @Content(
            mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = SubscriptionView.class),
            examples = @ExampleObject(name = "subscriptions",
                    value = "[" + SUBSCRIPTION_EXAMPLE + "]")))
    public List<SubscriptionView> list() {
        return subscriptions.list().stream().map(s -> SubscriptionView.of(s, null)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM, Roles.OFFICE, Roles.AUDITOR})
    @Operation(summary = "Read a subscription", description = "Another client's subscription answers 404.")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = SubscriptionView.class), examples = @ExampleObject(name = "subscription",
                    value = SUBSCRIPTION_EXAMPLE)))
    public SubscriptionView get(@Parameter(example = "1") @PathParam("id") long id) {
        return SubscriptionView.of(subscriptions.readable(id), null);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Stop a subscription", description = "Nothing more is queued; pending deliveries stay "
            + "listed but are not sent.")
    @APIResponse(responseCode = "200", description = "Stopped", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubscriptionView.class),
            examples = @ExampleObject(name = "stopped", value = SUBSCRIPTION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Already stopped")
    public SubscriptionView stop(@Parameter(example = "1") @PathParam("id") long id) {
        return SubscriptionView.of(subscriptions.stop(id), null);
    }

    @POST
    @Path("/{id}/resumption")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Resume a paused subscription", description = "The deliveries queued while it was "
            + "paused go out at once, in order, each with a fresh 25-hour retry window.")
    @APIResponse(responseCode = "200", description = "Active again", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = SubscriptionView.class),
            examples = @ExampleObject(name = "resumed", value = SUBSCRIPTION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not paused (the state is named)")
    public SubscriptionView resume(@Parameter(example = "1") @PathParam("id") long id) {
        return SubscriptionView.of(subscriptions.resume(id), null);
    }

    @POST
    @Path("/{id}/secret-rotation")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Rotate the signing secret", description = "Answers the new secret once. For 24 hours "
            + "every delivery carries two `v1` signatures, with the new and the old secret.")
    @APIResponse(responseCode = "200", description = "Rotated", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubscriptionView.class),
            examples = @ExampleObject(name = "rotated", value = SUBSCRIPTION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The subscription is stopped")
    public SubscriptionView rotate(@Parameter(example = "1") @PathParam("id") long id) {
        WebhookSubscriptions.Created rotated = subscriptions.rotateSecret(id);
        return SubscriptionView.of(rotated.subscription(), rotated.secret());
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PLATFORM, Roles.OFFICE, Roles.AUDITOR})
    @Operation(summary = "List a subscription's deliveries", description = "Newest first, optionally by status "
            + "(PENDING, DELIVERED, FAILED).")
    @APIResponse(responseCode = "200", description = "A page of deliveries", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = DeliveryPage.class),
            examples = @ExampleObject(name = "deliveries", value = DELIVERIES_EXAMPLE)))
    public DeliveryPage deliveries(@Parameter(example = "1") @PathParam("id") long id,
            @Parameter(description = "PENDING, DELIVERED or FAILED") @QueryParam("status") WebhookDelivery.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Page<WebhookDelivery> found = subscriptions.deliveries(id, status, page, size);
        return new DeliveryPage(found.items().stream().map(DeliveryView::of).toList(), page, size, found.total());
    }
}
