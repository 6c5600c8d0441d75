package io.banli.intake.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.intake.platform.PlatformClient;
import io.banli.intake.platform.PlatformCaller;
import io.banli.intake.platform.PlatformClients;
import io.banli.kit.audit.AuditLog;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;

/**
 * The rules of subscriptions: a platform manages its own (its token's {@code client_id}), office and auditor
 * read all; anything else answers 404 like a missing id. Every change is audited.
 */
@ApplicationScoped
@Transactional
public class WebhookSubscriptions {

    /** How long the old secret keeps signing after a rotation. */
    static final Duration ROTATION_GRACE = Duration.ofHours(24);

    @Inject
    Caller caller;

    @Inject
    PlatformCaller platform;

    @Inject
    PlatformClients clients;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    CallbackRule callbacks;

    @Inject
    SecretCipher cipher;

    record Created(WebhookSubscription subscription, String secret) {
    }

    Created create(WebhookApi.NewSubscription request) {
        PlatformClient client = clients.active(clientId()).orElseThrow(() -> Problems.forbidden(
                "The client " + clientId() + " is not registered or was revoked."));
        checkCallback(request.callbackUrl());
        if (!cipher.configured()) {
            throw Problems.problem(503, "webhooks-not-configured", "Service Unavailable", "Webhook secrets cannot be "
                    + "stored: the operator has configured no key to encrypt them (banli.webhooks.secret-keys).");
        }
        for (String type : request.eventTypes()) {
            if (!WebhookEventTypes.known(type)) {
                throw Problems.badInput("unknown-event-type", "eventTypes", "body", "unknown event type " + type
                        + "; one of " + String.join(", ", WebhookEventTypes.BY_TYPE.values().stream().sorted().toList()));
            }
        }
        List<Long> members = request.memberIds() == null ? List.of() : request.memberIds();
        List<Long> units = request.unitIds() == null ? List.of() : request.unitIds();
        for (Long member : members) {
            if (!clients.mayActForMember(client, member)) {
                throw Problems.unprocessable("not-covered", "The registration of " + client.clientId
                        + " does not cover member " + member + ".");
            }
        }
        for (Long unit : units) {
            if (!clients.mayActForUnit(client, unit)) {
                throw Problems.unprocessable("not-covered", "The registration of " + client.clientId
                        + " does not cover unit " + unit + ".");
            }
        }
        WebhookSubscription s = new WebhookSubscription();
        s.clientId = client.clientId;
        s.callbackUrl = request.callbackUrl();
        s.eventTypes = new ArrayList<>(request.eventTypes().stream().distinct().toList());
        s.memberIds = new ArrayList<>(members);
        s.unitIds = new ArrayList<>(units);
        String secret = WebhookSignature.newSecret();
        s.secret(cipher.seal(secret));
        s.state = WebhookSubscription.State.ACTIVE;
        s.createdAt = clock.instant();
        s.persist();
        audit.record("webhook-subscription.created", "webhook-subscription", s.id, "client " + s.clientId
                + ", types " + s.eventTypes + ", members " + s.memberIds + ", units " + s.unitIds);
        return new Created(s, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<WebhookSubscription> list() {
        if (seesAll()) {
            return WebhookSubscription.list("order by id desc");
        }
        return WebhookSubscription.list("clientId = ?1 order by id desc", clientId());
    }

    /** The subscription, if this caller may see it; otherwise 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    WebhookSubscription readable(long id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .filter(s -> seesAll() || s.clientId.equals(clientId()))
                .orElseThrow(() -> Problems.notFound("webhook subscription", id));
    }

    /** Only the owning platform changes a subscription; the office and auditor only read. */
    private WebhookSubscription owned(long id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .filter(s -> caller.hasRole(Roles.PLATFORM) && s.clientId.equals(clientId()))
                .orElseThrow(() -> Problems.notFound("webhook subscription", id));
    }

    WebhookSubscription stop(long id) {
        WebhookSubscription s = owned(id);
        if (s.state == WebhookSubscription.State.STOPPED) {
            throw Problems.illegalTransition("The subscription is already STOPPED.");
        }
        s.state = WebhookSubscription.State.STOPPED;
        s.stoppedAt = clock.instant();
        audit.record("webhook-subscription.stopped", "webhook-subscription", id, "stopped by its client");
        return s;
    }

    WebhookSubscription resume(long id) {
        WebhookSubscription s = owned(id);
        if (s.state != WebhookSubscription.State.PAUSED) {
            throw Problems.illegalTransition("Only a PAUSED subscription can be resumed; this one is " + s.state + ".");
        }
        Instant now = clock.instant();
        s.state = WebhookSubscription.State.ACTIVE;
        s.pausedAt = null;
        s.consecutiveFailures = 0;
        s.failingSince = null;
        // The backlog goes out now, in order, with a fresh retry window of its own.
        WebhookDelivery.update("nextAttemptAt = ?1, firstAttemptAt = null where subscriptionId = ?2 and status = ?3",
                now, id, WebhookDelivery.Status.PENDING);
        audit.record("webhook-subscription.resumed", "webhook-subscription", id, "resumed by its client");
        return s;
    }

    Created rotateSecret(long id) {
        WebhookSubscription s = owned(id);
        if (s.state == WebhookSubscription.State.STOPPED) {
            throw Problems.illegalTransition("The subscription is STOPPED.");
        }
        s.previousSecretCiphertext = s.secretCiphertext;
        s.previousSecretKeyId = s.secretKeyId;
        s.previousSecretValidUntil = clock.instant().plus(ROTATION_GRACE);
        String secret = WebhookSignature.newSecret();
        s.secret(cipher.seal(secret));
        audit.record("webhook-subscription.secret-rotated", "webhook-subscription", id,
                "the old secret signs too until " + s.previousSecretValidUntil);
        return new Created(s, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    WebhookApi.Page<WebhookDelivery> deliveries(long id, WebhookDelivery.Status status, int page, int size) {
        readable(id);
        var query = status == null ? WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 order by id desc", id)
                : WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 and status = ?2 order by id desc", id,
                        status);
        return new WebhookApi.Page<>(query.page(page, size).list(), page, size, query.count());
    }

    WebhookDelivery redeliver(long deliveryId) {
        WebhookDelivery d = WebhookDelivery.<WebhookDelivery>findByIdOptional(deliveryId)
                .filter(x -> WebhookSubscription.<WebhookSubscription>findByIdOptional(x.subscriptionId)
                        .filter(s -> caller.hasRole(Roles.PLATFORM) && s.clientId.equals(clientId())).isPresent())
                .orElseThrow(() -> Problems.notFound("webhook delivery", deliveryId));
        if (d.status == WebhookDelivery.Status.PENDING) {
            throw Problems.illegalTransition("The delivery is still PENDING: it goes out by itself.");
        }
        d.status = WebhookDelivery.Status.PENDING;
        d.nextAttemptAt = clock.instant();
        d.firstAttemptAt = null;
        audit.record("webhook-delivery.redelivery-requested", "webhook-delivery", deliveryId,
                "event " + d.eventId + " for subscription " + d.subscriptionId);
        return d;
    }

    /**
     * The callback's form and, resolved now, its addresses (see {@link CallbackRule}); checked again before every
     * delivery. A URL that is not one is 400, one that is not allowed 422.
     */
    private void checkCallback(String url) {
        try {
            callbacks.parse(url);
        } catch (CallbackRule.Refused e) {
            if (e.getMessage().startsWith("must use https")) {
                throw Problems.unprocessable("insecure-callback", "The callback URL " + e.getMessage() + ".");
            }
            throw Problems.badInput("malformed-url", "callbackUrl", "body", e.getMessage());
        }
        try {
            callbacks.check(url);
        } catch (CallbackRule.Refused e) {
            throw Problems.unprocessable("callback-not-allowed", "The callback URL " + e.getMessage() + ": webhooks "
                    + "go to public https addresses, or to a network the operator allows.");
        }
    }

    private boolean seesAll() {
        return caller.hasRole(Roles.OFFICE) || caller.hasRole(Roles.AUDITOR);
    }

    private String clientId() {
        return platform.clientId().orElse(caller.name());
    }
}
