package io.banli.supervision;

import static io.banli.supervision.Workflow.newId;
import static io.banli.supervision.Workflow.unit;
import static io.banli.supervision.Workflow.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.banli.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A reply arrives while something else holds the unit's reply deadline locked (in the tests, a lock
 * wait fails after 1 s; the kit's consumer retries with backoff). The lock is held until the consumer has
 * failed once, or five times: either way the event is applied once the lock is gone and nothing reaches the
 * dead-letter topic.
 */
@QuarkusTest
class ConsumerRetryTest {

    static final String DEAD_LETTERS = "banli.supervision.dead-letter";

    @Inject
    EntityManager em;

    @Test
    void anEventBlockedForAMomentIsAppliedOnceTheLockIsGone() throws Exception {
        Workflow item = Workflow.newItem();
        long reply = openReply(item, 81);
        try (TopicProbe deadLetters = TopicProbe.open(DEAD_LETTERS)) {
            whileLocked(reply, 1, () -> submitReply(item, 81));
            item.awaitDeadline("REPLY", "MET");
            // Applied, so the partition moved on past it: a dead letter of it would already be on the topic.
            assertThat(deadLetters.present(r -> String.valueOf(item.submission).equals(r.key()))).isEmpty();
        }
    }

    @Test
    void anEventBlockedLongerThanManyLockTimeoutsIsStillAppliedNotDeadLettered() throws Exception {
        Workflow item = Workflow.newItem();
        long reply = openReply(item, 82);
        try (TopicProbe deadLetters = TopicProbe.open(DEAD_LETTERS)) {
            whileLocked(reply, 5, () -> submitReply(item, 82));
            item.awaitDeadline("REPLY", "MET");
            assertThat(deadLetters.present(r -> String.valueOf(item.submission).equals(r.key()))).isEmpty();
        }
    }

    private static long openReply(Workflow item, long unitId) {
        item.send("assigned", with(unit(newId(), unitId, "SOLE", "SUGGESTION", "CITY"), "assignedAt",
                Instant.now().toString()));
        return item.awaitDeadline("REPLY", "OPEN").extract().<Number>path("[0].id").longValue();
    }

    private static void submitReply(Workflow item, long unitId) {
        item.send("reply-submitted", "unitId", unitId, "replyId", 1, "round", 1, "submittedAt", Instant.now().toString());
    }

    /**
     * Holds the deadline's row lock in another transaction until the consumer has failed on it {@code failures}
     * more times, and meanwhile runs {@code action}.
     */
    private void whileLocked(long deadlineId, int failures, Runnable action) throws Exception {
        double before = retries();
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select id from deadline where id = :id for update").setParameter("id", deadlineId)
                    .getResultList();
            locked.countDown();
            await().atMost(Duration.ofSeconds(45)).until(() -> retries() >= before + failures);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        action.run();
        holder.get(60, TimeUnit.SECONDS);
    }

    /** The workflow consumer's failed attempts so far. */
    private static double retries() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("banli_consumer_retries_total{") && l.contains("channel=\"workflow\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
