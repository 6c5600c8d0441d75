package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.draft;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.received;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.suggestion;
import static io.banli.intake.IntakeFixtures.versioned;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.banli.intake.submission.SubmissionTally;
import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The office's list totals kept by the tally (V19) say what a count of the items says, for every combination of
 * the columns it keeps, after a random mix of filings, registrations, refusals, withdrawals and corrections, before
 * and after the changes are folded, and with changes after the fold.
 */
@QuarkusTest
class ListTotalsTest {

    static final List<String> FIELDS = List.of("SOCIAL_LIVELIHOOD", "ECONOMY_SCIENCE", "AGRICULTURE_RURAL");

    @Inject
    EntityManager em;

    @Inject
    SubmissionTally tally;

    @Test
    void everyOfficeListTotalEqualsACountOfItsItems() {
        Random random = new Random(15);
        long deputy = member("DEPUTY");
        List<Long> sessions = List.of(session("PEOPLES_CONGRESS"), session("PEOPLES_CONGRESS"));
        change(random, sessions, deputy, 40);
        assertTotalsMatchCounts(sessions);
        tally.fold();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) - count(distinct (session_id, state, kind, field, key_item)) + count(*) filter (where not
                folded) from submission_tally where session_id in (:sessions)""").setParameter("sessions", sessions)
                .getSingleResult()).longValue())).as("after the fold: one folded row per combination").isZero();
        assertTotalsMatchCounts(sessions);
        change(random, sessions, deputy, 15);
        assertTotalsMatchCounts(sessions);
    }

    /** Items filed and registered, kept as drafts, refused, withdrawn and corrected at random. */
    private static void change(Random random, List<Long> sessions, long deputy, int items) {
        List<Long> registered = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            long session = sessions.get(random.nextInt(sessions.size()));
            switch (random.nextInt(5)) {
                case 0 -> as(Tokens.member(deputy)).body(draft(session, "草稿" + i)).post("/api/v1/drafts")
                        .then().statusCode(201);
                case 1 -> {
                    long id = received(session, deputy);
                    if (random.nextBoolean()) {
                        as(Tokens.office()).body(versioned(id, "reason", "属于个人诉求", "disposition", "LETTER"))
                                .post("/api/v1/submissions/" + id + "/refusal").then().statusCode(200);
                    }
                }
                default -> {
                    Map<String, Object> body = new HashMap<>(suggestion(session, deputy));
                    body.put("field", FIELDS.get(random.nextInt(FIELDS.size())));
                    if (random.nextInt(3) == 0) {
                        body.put("keyItem", true);
                        body.put("leadingOfficial", "李副市长");
                    }
                    registered.add(((Number) as(Tokens.office()).body(body).post("/api/v1/submissions?similar=0")
                            .then().statusCode(201).extract().path("id")).longValue());
                }
            }
        }
        for (long id : registered) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    Map<String, Object> correction = versioned(id, "field", FIELDS.get(random.nextInt(FIELDS.size())));
                    boolean keyItem = random.nextBoolean();
                    correction.put("keyItem", keyItem);
                    if (keyItem) {
                        correction.put("leadingOfficial", "王副市长");
                    }
                    as(Tokens.office()).body(correction).patch("/api/v1/submissions/" + id).then().statusCode(200);
                }
                case 1 -> as(Tokens.member(deputy)).body(versioned(id, "reason", "问题已解决"))
                        .post("/api/v1/submissions/" + id + "/withdrawal").then().statusCode(200);
                default -> {
                }
            }
        }
    }

    private void assertTotalsMatchCounts(List<Long> sessions) {
        List<Long> sessionsOrAll = new ArrayList<>(sessions);
        sessionsOrAll.add(null);
        for (Long session : sessionsOrAll) {
            for (String state : Arrays.asList(null, "RECEIVED", "REGISTERED", "REFUSED", "WITHDRAWN")) {
                for (String field : Arrays.asList(null, FIELDS.get(0), FIELDS.get(1))) {
                    for (Boolean keyItem : Arrays.asList(null, true, false)) {
                        Map<String, Object> filters = new HashMap<>();
                        filters.put("sessionId", session);
                        filters.put("state", state);
                        filters.put("field", field);
                        filters.put("keyItem", keyItem);
                        filters.values().removeIf(v -> v == null);
                        long listed = ((Number) as(Tokens.office()).queryParams(filters).queryParam("size", 1)
                                .get("/api/v1/submissions").then().statusCode(200).extract().path("total"))
                                .longValue();
                        assertThat(listed).as("total of %s", filters).isEqualTo(count(session, state, field, keyItem));
                    }
                }
            }
        }
    }

    /** The filed items matching, counted one by one. */
    private long count(Long session, String state, String field, Boolean keyItem) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from submission
                where state <> 'DRAFT' and (cast(:session as bigint) is null or session_id = :session)
                  and (cast(:state as text) is null or state = :state)
                  and (cast(:field as text) is null or field = :field)
                  and (cast(:keyItem as boolean) is null or key_item = :keyItem)""")
                .setParameter("session", session).setParameter("state", state).setParameter("field", field)
                .setParameter("keyItem", keyItem).getSingleResult()).longValue());
    }
}
