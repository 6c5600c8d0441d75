package io.banli.intake;

import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.suggestion;
import static io.banli.testing.TopicProbe.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SubmissionRegistrationTest {

    static final String TOPIC = "banli.intake.submissions";
    static final String REGISTERED = "banli.intake.submission.registered.v1";

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void officeRegistersASuggestionWhichIsNumberedAndAnnounced() {
        long session = session("PEOPLES_CONGRESS");
        long deputy = member("DEPUTY");
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            JsonPath answer = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                    .body(suggestion(session, deputy))
                    .when().post("/api/v1/submissions")
                    .then().statusCode(201)
                    .header("Location", notNullValue())
                    .body("number", equalTo(1))
                    .body("state", equalTo("REGISTERED"))
                    .extract().jsonPath();
            int id = answer.getInt("id");

            ConsumerRecord<String, String> event = topic.await(TopicProbe.ofType(REGISTERED, String.valueOf(id)));
            assertThat(header(event, "ce_id")).isNotBlank();
            assertThat(header(event, "ce_source")).isEqualTo("/banli/intake-service");
            assertThat(header(event, "ce_subject")).isEqualTo(String.valueOf(id));
            assertThat(header(event, "ce_time")).isNotBlank();
            assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
            JsonPath data = JsonPath.from(event.value());
            assertThat(data.getInt("submissionId")).isEqualTo(id);
            assertThat(data.getInt("number")).isEqualTo(1);
            assertThat(data.getString("kind")).isEqualTo("SUGGESTION");
            assertThat(data.getLong("sessionId")).isEqualTo(session);
            assertThat(data.getLong("leadProposer.memberId")).isEqualTo(deputy);
            assertThat(event.value()).as("no contact data leaves the service").doesNotContain("13912345678");

            // The answer says what a later read says (the numbering statement wrote the registration, version
            // included); only the similar items are the registration's own.
            Map<String, Object> read = new HashMap<>(given().auth().oauth2(Tokens.office())
                    .get("/api/v1/submissions/" + id).then().statusCode(200)
                    .body("title", equalTo("关于增加中小学课后服务供给的建议")).body("version", equalTo(1))
                    .extract().jsonPath().getMap("$"));
            Map<String, Object> answered = new HashMap<>(answer.getMap("$"));
            read.remove("similar");
            answered.remove("similar");
            assertThat(read).isEqualTo(answered);
        }
    }

    @Test
    void concurrentRegistrationsGetDistinctGapFreeNumbers() throws Exception {
        long session = session("PEOPLES_CONGRESS");
        long deputy = member("DEPUTY");
        String token = Tokens.office();
        Callable<Integer> register = () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(suggestion(session, deputy)).post("/api/v1/submissions")
                .then().statusCode(201).extract().path("number");
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> numbers = pool.invokeAll(IntStream.range(0, 20).mapToObj(i -> register).toList());
            List<Integer> got = numbers.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
            assertThat(got).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aProposalCannotBeFiledAtAPeoplesCongressSession() {
        long session = session("PEOPLES_CONGRESS");
        long member = member("CPPCC_MEMBER");
        Map<String, Object> body = new HashMap<>(suggestion(session, member));
        body.put("kind", "PROPOSAL");
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/submissions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://banli.dev/problems/kind-mismatch"));
    }

    @Test
    void aMemberSeesOnlyTheSubmissionsTheyLead() {
        long session = session("PEOPLES_CONGRESS");
        long author = member("DEPUTY");
        long other = member("DEPUTY");
        int id = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(suggestion(session, author)).post("/api/v1/submissions")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.member(author)).get("/api/v1/submissions/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.member(other)).get("/api/v1/submissions/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.member(other)).queryParam("sessionId", session).get("/api/v1/submissions")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.member(author)).queryParam("sessionId", session).get("/api/v1/submissions")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", hasItem(id));
    }

    @Test
    void everyRegistrationIsInTheAuditLogWhichCannotBeRewritten() {
        long session = session("PEOPLES_CONGRESS");
        long deputy = member("DEPUTY");
        int id = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(suggestion(session, deputy)).post("/api/v1/submissions")
                .then().statusCode(201).extract().path("id");
        List<Object> actors = QuarkusTransaction.requiringNew().call(() -> List.copyOf(em.createNativeQuery(
                "select actor from audit_log where action = 'submission.registered' and subject_id = :id")
                .setParameter("id", String.valueOf(id)).getResultList()));
        assertThat(actors).containsExactly("office-zhang");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update audit_log set actor = 'someone-else' where subject_id = :id")
                .setParameter("id", String.valueOf(id)).executeUpdate()))
                .hasStackTraceContaining("permission denied for table audit_log"); // the service may only insert
    }

    @Test
    void aGroupProposalWithPaperCoSignersIsAnnouncedWithThemFiledThenRegistered() {
        long session = session("CPPCC");
        long lead = member("CPPCC_MEMBER");
        long coSigner = member("CPPCC_MEMBER");
        Map<String, Object> body = new HashMap<>(suggestion(session, lead));
        body.put("kind", "PROPOSAL");
        body.put("groupName", "民盟市委会");
        body.put("coSignerIds", List.of(coSigner));
        body.put("confidential", true);
        body.put("confidentiality", "PROPOSER_REQUEST");
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            int id = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/submissions").then().statusCode(201)
                    .body("groupName", equalTo("民盟市委会")).body("coSigners[0].state", equalTo("SIGNED"))
                    .extract().path("id");
            List<ConsumerRecord<String, String>> events = List.of(
                    topic.await(TopicProbe.ofType("banli.intake.submission.filed.v1", String.valueOf(id))),
                    topic.await(TopicProbe.ofType(REGISTERED, String.valueOf(id))));
            assertThat(events.get(0).offset()).as("filed comes before registered").isLessThan(events.get(1).offset());
            JsonPath data = JsonPath.from(events.get(1).value());
            assertThat(data.getString("sessionKind")).isEqualTo("CPPCC");
            assertThat(data.getString("groupName")).isEqualTo("民盟市委会");
            assertThat(data.getList("coSignerIds", Integer.class)).containsExactly((int) coSigner);
            assertThat(data.getBoolean("confidential")).isTrue();
            assertThat(data.getBoolean("keyItem")).isFalse();
            assertThat(data.getString("leadingOfficial")).isNull();
        }
        // Only proposals come from groups; a confidential item names its reason.
        Map<String, Object> groupSuggestion = new HashMap<>(suggestion(session("PEOPLES_CONGRESS"), member("DEPUTY")));
        groupSuggestion.put("groupName", "某某委员会");
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(groupSuggestion)
                .post("/api/v1/submissions").then().statusCode(422)
                .body("type", equalTo("https://banli.dev/problems/group-not-allowed"));
        body.remove("confidentiality");
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/submissions").then().statusCode(422)
                .body("type", equalTo("https://banli.dev/problems/confidentiality-reason"));
    }

    @Test
    void paperCoSignersKeyedInAnyOrderAreListedByMemberOnceInTheAnswerTheEventsAndLaterReads() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long first = member("DEPUTY");
        long second = member("DEPUTY");
        Map<String, Object> body = new HashMap<>(suggestion(session, lead));
        body.put("coSignerIds", List.of(second, first, second));
        List<Integer> inMemberOrder = List.of((int) first, (int) second);
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            JsonPath answer = given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/submissions").then().statusCode(201).extract().jsonPath();
            int id = answer.getInt("id");
            assertThat(answer.getList("coSigners.memberId", Integer.class)).containsExactlyElementsOf(inMemberOrder);
            assertThat(answer.getList("coSigners.state", String.class)).containsOnly("SIGNED");
            JsonPath read = given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + id)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(read.getList("coSigners", Map.class)).as("the answer says what a later read says")
                    .isEqualTo(answer.getList("coSigners", Map.class));
            for (String type : List.of("banli.intake.submission.filed.v1", REGISTERED)) {
                JsonPath data = JsonPath.from(topic.await(TopicProbe.ofType(type, String.valueOf(id))).value());
                assertThat(data.getList("coSignerIds", Integer.class)).as(type)
                        .containsExactlyElementsOf(inMemberOrder);
            }
        }
    }

    @Test
    void theFieldTaxonomyIsConfigurable() {
        long session = session("PEOPLES_CONGRESS");
        long deputy = member("DEPUTY");
        Map<String, Object> body = new HashMap<>(suggestion(session, deputy));
        body.put("field", "ECOLOGY");
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(body).post("/api/v1/submissions")
                .then().statusCode(422).body("type", equalTo("https://banli.dev/problems/unknown-field"));
        given().auth().oauth2(Tokens.member(deputy)).contentType(ContentType.JSON)
                .body(Map.of("name", "生态环境", "active", true)).put("/api/v1/fields/ECOLOGY").then().statusCode(403);
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("name", "生态环境", "active", true)).put("/api/v1/fields/ECOLOGY").then().statusCode(200);
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(body).post("/api/v1/submissions")
                .then().statusCode(201).body("field", equalTo("ECOLOGY"));
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("name", "生态环境", "active", false)).put("/api/v1/fields/ECOLOGY").then().statusCode(200);
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(body).post("/api/v1/submissions")
                .then().statusCode(422);
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("name", "坏", "active", true)).put("/api/v1/fields/bad-code").then().statusCode(400);
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/fields").then().statusCode(200)
                .body("code", hasItem("SOCIAL_LIVELIHOOD"));
    }

    @Test
    void theSessionRestartsNumberingForEachSession() {
        long deputy = member("DEPUTY");
        for (int i = 0; i < 2; i++) {
            long session = session("PEOPLES_CONGRESS");
            given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(suggestion(session, deputy))
                    .post("/api/v1/submissions").then().statusCode(201).body("number", equalTo(1));
        }
    }
}
