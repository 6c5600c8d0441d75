package io.banli.intake.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.banli.intake.progress.Sql;
import io.banli.kit.audit.AuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends pending deliveries, one transaction per delivery holding its row lock ({@code FOR UPDATE SKIP
 * LOCKED}), so several replicas share the work and never send the same row at once. A delivery waits while
 * an earlier one of the same subscription and submission is pending: receivers see each item's events in
 * order. Failures back off (30 s, 1 min, 2 min, 5 min, 10 min, 30 min, 1 h, then hourly) until 25 h after the
 * first attempt; a subscription failing for 24 h or 50 attempts in a row is paused and its owner told.
 */
@ApplicationScoped
public class WebhookDispatcher {

    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofHours(1));
    static final Duration GIVE_UP_AFTER = Duration.ofHours(25);
    static final Duration FAILING_BUDGET = Duration.ofHours(24);
    static final int FAILURES_BUDGET = 50;
    /** At most this many sends per run, so one run never outlasts the next by much. */
    private static final int PER_RUN = 100;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WebhookSender sender;

    @Inject
    AuditLog audit;

    @Inject
    PauseNotice notice;

    @Inject
    MeterRegistry metrics;

    @Scheduled(every = "${banli.webhooks.dispatch-interval:1s}", delayed = "${banli.webhooks.initial-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        try {
            for (int i = 0; i < PER_RUN; i++) {
                Optional<Optional<Long>> sent = QuarkusTransaction.requiringNew().call(this::sendNext);
                if (sent.isEmpty()) {
                    return;
                }
                sent.get().ifPresent(notice::send);
            }
        } catch (RuntimeException e) {
            // The row stays PENDING (the transaction rolled back): the next run tries again.
            Log.warnf("Webhook dispatch stopped, will retry: %s", e.getMessage());
        }
    }

    /** Empty when nothing is due; otherwise the subscription this send paused, if it did. */
    Optional<Optional<Long>> sendNext() {
        Instant now = clock.instant();
        List<Number> due = Sql.of(em, """
                select d.id from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and d.next_attempt_at <= :now and s.state = 'ACTIVE'
                  and not exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id
                      and e.submission_id is not distinct from d.submission_id and e.status = 'PENDING' and e.id < d.id)
                order by d.id limit 1 for update of d skip locked""").bind("now", now).list();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        WebhookDelivery delivery = WebhookDelivery.findById(due.get(0).longValue());
        WebhookSubscription subscription = WebhookSubscription.findById(delivery.subscriptionId);
        WebhookSender.Outcome outcome = sender.send(subscription, delivery);
        delivery.attempts++;
        delivery.lastStatusCode = outcome.statusCode();
        delivery.lastError = outcome.error();
        if (delivery.firstAttemptAt == null) {
            delivery.firstAttemptAt = now;
        }
        if (outcome.delivered()) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            delivery.deliveredAt = now;
            subscription.consecutiveFailures = 0;
            subscription.failingSince = null;
            count("delivered");
            return Optional.of(Optional.empty());
        }
        Instant next = now.plus(BACKOFF.get(Math.min(delivery.attempts, BACKOFF.size()) - 1));
        if (next.isAfter(delivery.firstAttemptAt.plus(GIVE_UP_AFTER))) {
            delivery.status = WebhookDelivery.Status.FAILED;
            count("failed");
        } else {
            delivery.nextAttemptAt = next;
            count("retried");
        }
        subscription.consecutiveFailures++;
        if (subscription.failingSince == null) {
            subscription.failingSince = now;
        }
        if (subscription.consecutiveFailures >= FAILURES_BUDGET
                || !now.isBefore(subscription.failingSince.plus(FAILING_BUDGET))) {
            subscription.state = WebhookSubscription.State.PAUSED;
            subscription.pausedAt = now;
            audit.record("webhook-subscription.paused", "webhook-subscription", subscription.id,
                    "paused after " + subscription.consecutiveFailures + " failed attempts in a row since "
                            + subscription.failingSince + "; last: " + outcome.error());
            return Optional.of(Optional.of(subscription.id));
        }
        return Optional.of(Optional.empty());
    }

    private void count(String outcome) {
        metrics.counter("banli.webhook.deliveries", "outcome", outcome).increment();
    }
}
