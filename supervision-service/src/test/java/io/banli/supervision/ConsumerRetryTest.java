package io.banli.supervision;

import static io.banli.supervision.Workflow.newId;
import static io.banli.supervision.Workflow.unit;
import static io.banli.supervision.Workflow.with;
import static org.assertj.core.api.Assertions.assertThat;

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
 * wait fails after 1 s; the kit's consumer retries with backoff). A short hold costs a retry, a long one
 * several: either way the event is applied once the lock is gone and nothing reaches the dead-letter topic.
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
            whileLocked(reply, Duration.ofMillis(2500), () -> submitReply(item, 81));
            item.awaitDeadline("REPLY", "MET");
            assertThat(deadLetters.all(r -> String.valueOf(item.submission).equals(r.key()), Duration.ofSeconds(2)))
                    .isEmpty();
        }
    }

    @Test
    void anEventBlockedLongerThanManyLockTimeoutsIsStillAppliedNotDeadLettered() throws Exception {
        Workflow item = Workflow.newItem();
        long reply = openReply(item, 82);
        try (TopicProbe deadLetters = TopicProbe.open(DEAD_LETTERS)) {
            whileLocked(reply, Duration.ofSeconds(9), () -> submitReply(item, 82));
            item.awaitDeadline("REPLY", "MET");
            assertThat(deadLetters.all(r -> String.valueOf(item.submission).equals(r.key()), Duration.ofSeconds(2)))
                    .isEmpty();
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

    /** Holds the deadline's row lock for {@code hold} in another transaction, and meanwhile runs {@code action}. */
    private void whileLocked(long deadlineId, Duration hold, Runnable action) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select id from deadline where id = :id for update").setParameter("id", deadlineId)
                    .getResultList();
            locked.countDown();
            try {
                Thread.sleep(hold.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        action.run();
        holder.get(60, TimeUnit.SECONDS);
    }
}
