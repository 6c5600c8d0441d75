package io.banli.intake.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.intake.platform.PlatformClient;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Tells a client's contact that its subscription was paused, after the pause is committed: a mail server
 * that is down must not undo the pause (the audit entry records it either way).
 */
@ApplicationScoped
class PauseNotice {

    @Inject
    Mailer mailer;

    void send(long subscriptionId) {
        record Recipient(String email, String clientId, String url, int failures) {
        }
        Recipient to = QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription s = WebhookSubscription.findById(subscriptionId);
            PlatformClient client = PlatformClient.findById(s.clientId);
            return client == null ? null : new Recipient(client.contactEmail, client.clientId, s.callbackUrl,
                    s.consecutiveFailures);
        });
        if (to == null) {
            return;
        }
        try {
            mailer.send(Mail.withText(to.email(), "【建议提案办理】Webhook subscription " + subscriptionId + " paused",
                    "The webhook subscription " + subscriptionId + " of client " + to.clientId() + " (" + to.url()
                            + ") was paused after " + to.failures() + " failed deliveries in a row.\n"
                            + "New events keep queueing. Once the receiver works again, resume it with\n"
                            + "POST /api/v1/webhook-subscriptions/" + subscriptionId + "/resumption\n"
                            + "and the queued deliveries go out in order."));
        } catch (RuntimeException e) {
            Log.warnf("Could not tell client %s that subscription %d was paused: %s", to.clientId(), subscriptionId,
                    e.getMessage());
        }
    }
}
