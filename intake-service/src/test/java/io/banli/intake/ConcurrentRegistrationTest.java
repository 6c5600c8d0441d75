package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.received;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.suggestion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.banli.intake.submission.Submission;
import io.banli.intake.submission.SubmissionService;
import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A session's last filing day: the office registers many items at once, in one step and at review. Every
 * item still gets its own number, 1..n with none skipped, and a registration that rolls back gives its number
 * back.
 */
@QuarkusTest
class ConcurrentRegistrationTest {

    static final int ONE_STEP = 150;
    static final int AT_REVIEW = 50;

    @Inject
    SubmissionService submissions;

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void twoHundredConcurrentRegistrationsAreNumberedOneToTwoHundred() throws Exception {
        long session = session("PEOPLES_CONGRESS");
        long deputy = member("DEPUTY");
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < AT_REVIEW; i++) {
            filed.add(received(session, deputy, "关于第" + i + "件待立案建议"));
        }
        String office = Tokens.office();
        List<Callable<Integer>> registrations = new ArrayList<>();
        for (int i = 0; i < ONE_STEP; i++) {
            Map<String, Object> body = new HashMap<>(suggestion(session, deputy));
            body.put("title", "关于第" + i + "件当场立案建议");
            registrations.add(() -> as(office).body(body).post("/api/v1/submissions")
                    .then().statusCode(201).extract().path("number"));
        }
        for (long id : filed) {
            registrations.add(() -> as(office).body(Map.of("version", 1)).post("/api/v1/submissions/" + id + "/registration")
                    .then().statusCode(200).extract().path("number"));
        }

        List<Integer> numbers = runAll(registrations, 16);

        assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, ONE_STEP + AT_REVIEW).boxed().toList());
        assertThat(storedNumbers(session)).containsExactlyElementsOf(IntStream.rangeClosed(1, ONE_STEP + AT_REVIEW).boxed().toList());
    }

    @Test
    void aRegistrationThatRollsBackAfterTakingItsNumberGivesItBack() {
        long session = session("PEOPLES_CONGRESS");
        long deputy = member("DEPUTY");
        long first = received(session, deputy, "关于先立案的建议");
        long second = received(session, deputy, "关于后立案的建议");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Submission s = Submission.findById(first);
            assertThat(submissions.register(s, 5).number()).isEqualTo(1);
            throw new IllegalStateException("the transaction fails after the number was taken");
        })).hasMessageContaining("after the number was taken");

        int number = as(Tokens.office()).body(Map.of("version", 1)).post("/api/v1/submissions/" + second + "/registration")
                .then().statusCode(200).extract().path("number");

        assertThat(number).isEqualTo(1);
        assertThat(storedNumbers(session)).containsExactly(1);
    }

    private List<Integer> storedNumbers(long session) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select number from Submission where sessionId = ?1 and number is not null order by number", Integer.class)
                .setParameter(1, session).getResultList());
    }

    private static List<Integer> runAll(List<Callable<Integer>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
