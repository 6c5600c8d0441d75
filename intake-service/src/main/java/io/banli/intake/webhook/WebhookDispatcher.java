package io.banli.intake.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.banli.kit.audit.AuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends pending deliveries: claim, commit, send, record. A claim is a short transaction that takes a
 * subscription's due deliveries ({@code FOR UPDATE SKIP LOCKED}, so several replicas share the work) and
 * moves their next attempt a lease ahead, so nobody else takes them while they are being sent; the HTTP
 * call happens outside any transaction; its outcome is recorded in another. A replica that dies mid-send
 * leaves a claim that is due again once the lease has passed, and the receiver recognises the repeat by
 * its {@code ce-id} and {@code Banli-Delivery-Id}.
 *
 * <p>Each subscription is served by its own task on a bounded pool, at most one at a time per replica:
 * a slow or hanging receiver holds up only its own deliveries (until its timeout), never another
 * platform's. A delivery waits while an earlier one of the same subscription and submission is pending:
 * receivers see each item's events in order. Failures back off ({@code banli.webhooks.backoff}: 30 s, 1 min,
 * 2 min, 5 min, 10 min, 30 min, 1 h, then hourly) until 25 h after the first attempt; a subscription failing
 * for 24 h or 50 attempts in a row is paused and its owner told.
 */
@ApplicationScoped
public class WebhookDispatcher {

    static final Duration GIVE_UP_AFTER = Duration.ofHours(25);
    static final Duration FAILING_BUDGET = Duration.ofHours(24);
    static final int FAILURES_BUDGET = 50;
    /** At most this many sends per subscription and task, so a busy receiver does not keep a thread forever. */
    private static final int PER_TASK = 100;
    /** Deliveries claimed at once for one subscription. */
    private static final int PER_CLAIM = 20;

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

    /** Subscriptions served at the same time by this replica. */
    @ConfigProperty(name = "banli.webhooks.concurrency", defaultValue = "8")
    int concurrency;

    /** The waits after the 1st, 2nd, … failed attempt; the last one repeats. */
    @ConfigProperty(name = "banli.webhooks.backoff", defaultValue = "30s,1m,2m,5m,10m,30m,1h")
    List<Duration> backoff;

    /** How long a claim keeps others off: longer than any send can take (connect and read timeouts). */
    @ConfigProperty(name = "banli.webhooks.claim-lease", defaultValue = "2m")
    Duration lease;

    /** The subscriptions a task of this replica is serving right now. */
    private final Set<Long> busy = ConcurrentHashMap.newKeySet();
    private ExecutorService tasks;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        tasks = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "banli-webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        tasks.shutdownNow();
    }

    @Scheduled(every = "${banli.webhooks.dispatch-interval:1s}", delayed = "${banli.webhooks.initial-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        List<Long> due;
        try {
            due = QuarkusTransaction.requiringNew().call(this::subscriptionsWithDueDeliveries);
        } catch (RuntimeException e) {
            Log.warnf("Webhook dispatch stopped, will retry: %s", e.getMessage());
            return;
        }
        for (long subscription : due) {
            if (busy.size() >= concurrency || !busy.add(subscription)) {
                continue;
            }
            try {
                tasks.execute(() -> serve(subscription));
            } catch (RejectedExecutionException e) {
                busy.remove(subscription);
            }
        }
    }

    /** Active subscriptions with a delivery due that no task of this replica serves yet. */
    @SuppressWarnings("unchecked")
    List<Long> subscriptionsWithDueDeliveries() {
        List<Long> serving = busy.isEmpty() ? List.of(-1L) : List.copyOf(busy);
        List<Number> ids = em.createNativeQuery("""
                select distinct d.subscription_id from webhook_delivery d
                join webhook_subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and d.next_attempt_at <= :now and s.state = 'ACTIVE'
                  and d.subscription_id not in (:serving)
                limit 100""").setParameter("now", clock.instant()).setParameter("serving", serving)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Sends what is due for one subscription, claim by claim, until nothing is due or it is paused. */
    private void serve(long subscription) {
        try {
            int sent = 0;
            while (sent < PER_TASK) {
                List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(subscription));
                if (claimed.isEmpty()) {
                    return;
                }
                for (int i = 0; i < claimed.size(); i++) {
                    Claimed c = claimed.get(i);
                    WebhookSender.Outcome outcome = sender.send(c.subscription(), c.delivery());
                    sent++;
                    Optional<Long> paused = QuarkusTransaction.requiringNew().call(() -> record(c.delivery().id, outcome));
                    if (paused.isPresent()) {
                        List<Long> unsent = claimed.subList(i + 1, claimed.size()).stream().map(x -> x.delivery().id).toList();
                        QuarkusTransaction.requiringNew().run(() -> release(unsent));
                        notice.send(paused.get());
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            // Claimed rows come due again when their lease passes; the next run tries again.
            Log.warnf("Webhook deliveries of subscription %d stopped, will retry: %s", subscription, e.getMessage());
        } finally {
            busy.remove(subscription);
        }
    }

    /** A delivery claimed for sending, with its subscription as they were at the claim. */
    private record Claimed(WebhookDelivery delivery, WebhookSubscription subscription) {
    }

    @SuppressWarnings("unchecked")
    List<Claimed> claim(long subscriptionId) {
        Instant now = clock.instant();
        List<Number> due = em.createNativeQuery("""
                select d.id from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where d.subscription_id = :subscription and d.status = 'PENDING' and d.next_attempt_at <= :now
                  and s.state = 'ACTIVE'
                  and not exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id
                      and e.submission_id is not distinct from d.submission_id and e.status = 'PENDING' and e.id < d.id)
                order by d.id limit :n for update of d skip locked""").setParameter("subscription", subscriptionId)
                .setParameter("now", now).setParameter("n", PER_CLAIM).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        List<Long> ids = due.stream().map(Number::longValue).toList();
        em.createNativeQuery("update webhook_delivery set next_attempt_at = :until where id in (:ids)")
                .setParameter("until", now.plus(lease)).setParameter("ids", ids).executeUpdate();
        WebhookSubscription subscription = WebhookSubscription.findById(subscriptionId);
        return WebhookDelivery.<WebhookDelivery>list("id in ?1 order by id", ids).stream()
                .map(d -> new Claimed(d, subscription)).toList();
    }

    /** Claims not sent because the subscription was paused meanwhile: due again as soon as it is resumed. */
    void release(List<Long> ids) {
        if (!ids.isEmpty()) {
            em.createNativeQuery("update webhook_delivery set next_attempt_at = :now where id in (:ids)")
                    .setParameter("now", clock.instant()).setParameter("ids", ids).executeUpdate();
        }
    }

    /** Records what one attempt gave; the subscription's id when this attempt paused it. */
    Optional<Long> record(long deliveryId, WebhookSender.Outcome outcome) {
        Instant now = clock.instant();
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.subscriptionId,
                LockModeType.PESSIMISTIC_WRITE);
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
            return Optional.empty();
        }
        Instant next = now.plus(backoff.get(Math.min(delivery.attempts, backoff.size()) - 1));
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
        if (subscription.state == WebhookSubscription.State.ACTIVE
                && (subscription.consecutiveFailures >= FAILURES_BUDGET
                        || !now.isBefore(subscription.failingSince.plus(FAILING_BUDGET)))) {
            subscription.state = WebhookSubscription.State.PAUSED;
            subscription.pausedAt = now;
            audit.record("webhook-subscription.paused", "webhook-subscription", subscription.id,
                    "paused after " + subscription.consecutiveFailures + " failed attempts in a row since "
                            + subscription.failingSince + "; last: " + outcome.error());
            return Optional.of(subscription.id);
        }
        return Optional.empty();
    }

    private void count(String outcome) {
        metrics.counter("banli.webhook.deliveries", "outcome", outcome).increment();
    }
}
