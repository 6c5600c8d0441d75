package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.auditDetails;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.received;
import static io.banli.intake.IntakeFixtures.registered;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.versioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.OutboxMarker;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The office's review: register, refuse, merge, correct; the proposer's withdrawal; illegal and stale changes. */
@QuarkusTest
class ReviewTest {

    static final String TOPIC = "banli.intake.submissions";

    @Test
    void theOfficeRegistersAReceivedItemAsAKeyItemAndTheEventCarriesWhatOthersNeed() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long first = registered(session, lead, "关于在青龙湖湿地公园增设观鸟步道的建议"); // 第1号
        long id = received(session, lead, "关于青龙湖湿地公园增设观鸟步道和科普设施的建议");
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            int version = as(Tokens.office()).body(versioned(id, "keyItem", true, "leadingOfficial", "李副市长"))
                    .post("/api/v1/submissions/" + id + "/registration").then().statusCode(200)
                    .body("state", equalTo("REGISTERED")).body("number", equalTo(2))
                    .body("similar[0].id", equalTo((int) first)).extract().path("version");
            // Stored as answered: the key item written before the numbering statement, the registration by it.
            as(Tokens.office()).get("/api/v1/submissions/" + id).then().statusCode(200)
                    .body("keyItem", equalTo(true)).body("leadingOfficial", equalTo("李副市长"))
                    .body("state", equalTo("REGISTERED")).body("number", equalTo(2)).body("version", equalTo(version));
            JsonPath data = JsonPath.from(topic.await(
                    TopicProbe.ofType("banli.intake.submission.registered.v1", String.valueOf(id))).value());
            assertThat(data.getInt("number")).isEqualTo(2);
            assertThat(data.getString("sessionKind")).isEqualTo("PEOPLES_CONGRESS");
            assertThat(data.getString("level")).isEqualTo("CITY");
            assertThat(data.getInt("year")).isEqualTo(2025);
            assertThat(data.getBoolean("keyItem")).isTrue();
            assertThat(data.getString("leadingOfficial")).isEqualTo("李副市长");
            assertThat(data.getBoolean("confidential")).isFalse();
            assertThat(data.getList("coSignerIds")).isEmpty();
            assertThat(data.getString("groupName")).isNull();
        }
        assertThat(auditDetails(id)).contains("RECEIVED -> REGISTERED: " + given().auth().oauth2(Tokens.office())
                .get("/api/v1/sessions/" + session).then().extract().path("name") + " 第2号");
    }

    @Test
    void refusalKeepsTheReasonAndDispositionAndIsAnnounced() {
        long session = session("PEOPLES_CONGRESS");
        long id = received(session, member("DEPUTY"));
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            as(Tokens.office()).body(versioned(id, "reason", "属于个人诉求", "disposition", "LETTER"))
                    .post("/api/v1/submissions/" + id + "/refusal").then().statusCode(200)
                    .body("state", equalTo("REFUSED")).body("refusalReason", equalTo("属于个人诉求"))
                    .body("disposition", equalTo("LETTER"));
            JsonPath data = JsonPath.from(topic.await(
                    TopicProbe.ofType("banli.intake.submission.refused.v1", String.valueOf(id))).value());
            assertThat(data.getString("reason")).isEqualTo("属于个人诉求");
            assertThat(data.getString("disposition")).isEqualTo("LETTER");
            assertThat(data.getLong("sessionId")).isEqualTo(session);
        }
        // A refused item cannot be registered afterwards: 409 names the state, nothing announced.
        illegal(id, "registration", Map.of(), "REFUSED");
    }

    @Test
    void itemsWithTheSameContentAreMergedAndAWithdrawnItemCannotBeRegistered() {
        long session = session("PEOPLES_CONGRESS");
        long target = registered(session, member("DEPUTY"));
        long id = received(session, member("DEPUTY"));
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            as(Tokens.office()).body(versioned(id, "intoSubmissionId", target))
                    .post("/api/v1/submissions/" + id + "/merge").then().statusCode(200)
                    .body("state", equalTo("MERGED")).body("mergedIntoId", equalTo((int) target));
            JsonPath data = JsonPath.from(topic.await(
                    TopicProbe.ofType("banli.intake.submission.merged.v1", String.valueOf(id))).value());
            assertThat(data.getLong("intoSubmissionId")).isEqualTo(target);
        }
        // Merging into itself or into an unknown item is unprocessable.
        as(Tokens.office()).body(versioned(target, "intoSubmissionId", target))
                .post("/api/v1/submissions/" + target + "/merge").then().statusCode(422);
        as(Tokens.office()).body(versioned(target, "intoSubmissionId", 987_654))
                .post("/api/v1/submissions/" + target + "/merge").then().statusCode(422);

        long lead = member("DEPUTY");
        long mine = received(session, lead);
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            as(Tokens.member(lead)).body(versioned(mine, "reason", "问题已解决"))
                    .post("/api/v1/submissions/" + mine + "/withdrawal").then().statusCode(200)
                    .body("state", equalTo("WITHDRAWN"));
            topic.await(TopicProbe.ofType("banli.intake.submission.withdrawn.v1", String.valueOf(mine)));
        }
        illegal(mine, "registration", Map.of(), "WITHDRAWN");
        illegal(mine, "withdrawal", Map.of("reason", "再撤一次"), "WITHDRAWN");
    }

    @Test
    void anItemRepliedToCanNoLongerBeWithdrawn() {
        long lead = member("DEPUTY");
        long id = registered(session("PEOPLES_CONGRESS"), lead);
        EventSender.cloudEvent("banli.assignment.workflow", String.valueOf(id), UUID.randomUUID().toString(),
                "banli.assignment.replied.v1", Contracts.data("banli.assignment.replied.v1", "submissionId", id,
                        "repliedAt", "2025-03-01T02:00:00Z"));
        // The reply arrives by event; the member sees it on the item before trying to withdraw.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(Tokens.member(lead)).get("/api/v1/submissions/" + id).then().statusCode(200)
                        .body("repliedAt", equalTo("2025-03-01T02:00:00Z")));
        as(Tokens.member(lead)).body(versioned(id, "reason", "撤回"))
                .post("/api/v1/submissions/" + id + "/withdrawal").then().statusCode(409)
                .body("detail", containsString("replied"));
        as(Tokens.member(lead)).get("/api/v1/submissions/" + id).then().body("state", equalTo("REGISTERED"));
    }

    @Test
    void aChangeMadeAgainstAnOldVersionIsRefusedAndConcurrentRegistrationsOfOneItemLetOneWin() throws Exception {
        long session = session("PEOPLES_CONGRESS");
        long id = received(session, member("DEPUTY"));
        long version = IntakeFixtures.version(id);
        String token = Tokens.office();
        Callable<Integer> register = () -> as(token).body(Map.of("version", version))
                .post("/api/v1/submissions/" + id + "/registration").then().extract().statusCode();
        var pool = Executors.newFixedThreadPool(4);
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            List<Future<Integer>> results = pool.invokeAll(IntStream.range(0, 4).mapToObj(i -> register).toList());
            List<Integer> codes = results.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
            assertThat(codes).containsExactly(200, 409, 409, 409);
            // Every request has returned, so a marker published now comes after all their events.
            assertThat(topic.until(OutboxMarker.after(TOPIC, String.valueOf(id)),
                    TopicProbe.ofType("banli.intake.submission.registered.v1", String.valueOf(id)))).hasSize(1);
        } finally {
            pool.shutdown();
        }
        as(Tokens.office()).body(Map.of("version", version, "keyItem", true, "leadingOfficial", "王副市长"))
                .patch("/api/v1/submissions/" + id).then().statusCode(409)
                .body("type", equalTo("https://banli.dev/problems/stale-version"));
    }

    @Test
    void theOfficeCorrectsARegisteredItemAndAnnouncesTheWholePicture() {
        long id = registered(session("PEOPLES_CONGRESS"), member("DEPUTY"));
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            as(Tokens.office()).body(versioned(id, "keyItem", true)).patch("/api/v1/submissions/" + id)
                    .then().statusCode(422).body("type", equalTo("https://banli.dev/problems/leading-official"));
            as(Tokens.office()).body(versioned(id, "confidential", true, "confidentiality", "PRIVATE",
                    "field", "POLITICS_LAW", "keyItem", true, "leadingOfficial", "王副市长"))
                    .patch("/api/v1/submissions/" + id).then().statusCode(200)
                    .body("confidential", equalTo(true)).body("field", equalTo("POLITICS_LAW"));
            ConsumerRecord<String, String> updated = topic.await(
                    TopicProbe.ofType("banli.intake.submission.updated.v1", String.valueOf(id)));
            JsonPath data = JsonPath.from(updated.value());
            assertThat(data.getBoolean("confidential")).isTrue();
            assertThat(data.getBoolean("keyItem")).isTrue();
            assertThat(data.getString("leadingOfficial")).isEqualTo("王副市长");
            assertThat(data.getInt("number")).isEqualTo(1);
            assertThat(data.getString("updatedAt")).isNotBlank();
            assertThat(topic.until(OutboxMarker.after(TOPIC, String.valueOf(id)),
                    TopicProbe.ofType("banli.intake.submission.updated.v1", String.valueOf(id)))).hasSize(1);
        }
    }

    /** The action is refused with 409 naming the state, and nothing is announced. */
    private static void illegal(long id, String action, Map<String, Object> extra, String state) {
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            Map<String, Object> body = new java.util.HashMap<>(versioned(id));
            body.putAll(extra);
            as(Tokens.office()).body(body).post("/api/v1/submissions/" + id + "/" + action).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://banli.dev/problems/illegal-transition"))
                    .body("detail", containsString("is " + state));
            assertThat(topic.until(OutboxMarker.after(TOPIC, String.valueOf(id)), r -> true)).isEmpty();
        }
    }
}
