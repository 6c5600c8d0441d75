package io.banli.assignment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.restassured.http.ContentType;

/** Test data as the other services and the office would create it. */
public final class AssignmentFixtures {

    static final String INTAKE_TOPIC = "banli.intake.submissions";
    static final String REGISTERED = "banli.intake.submission.registered.v1";
    static final String WORKFLOW_TOPIC = "banli.assignment.workflow";

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);

    private AssignmentFixtures() {
    }

    public static long unit(String name) {
        return ((Number) given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("name", name + "-" + IDS.incrementAndGet(), "kind", "BUREAU"))
                .post("/api/v1/units").then().statusCode(201).extract().path("id")).longValue();
    }

    /**
     * The registered event as intake-service publishes it: its published example, for a submission of its own
     * with its own members: the proposer {@link #proposer} and two signed co-signers {@link #coSigner}.
     */
    public static String registeredEvent(long submissionId) {
        return Contracts.data(REGISTERED, registered(submissionId));
    }

    /** What the registered (and updated) event of this test's submission says beyond intake's example. */
    public static Map<String, Object> registered(long submissionId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("submissionId", submissionId);
        fields.put("sessionId", 1);
        fields.put("sessionName", "市六届人大三次会议");
        fields.put("sessionKind", "PEOPLES_CONGRESS");
        fields.put("level", "CITY");
        fields.put("year", 2025);
        fields.put("number", submissionId % 1000);
        fields.put("committeeNumber", null);
        fields.put("kind", "SUGGESTION");
        fields.put("title", "关于增加中小学课后服务供给的建议");
        fields.put("field", "SOCIAL_LIVELIHOOD");
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("memberId", proposer(submissionId));
        lead.put("name", "王建华");
        lead.put("delegation", "东城区代表团");
        lead.put("kind", "DEPUTY");
        lead.put("groupType", null);
        fields.put("leadProposer", lead);
        fields.put("coSignerIds", List.of(coSigner(submissionId, 1), coSigner(submissionId, 2)));
        fields.put("groupName", null);
        fields.put("keyItem", true);
        fields.put("leadingOfficial", "李副市长");
        fields.put("confidential", false);
        fields.put("registeredAt", "2025-01-20T02:00:00Z");
        return fields;
    }

    public static long proposer(long submissionId) {
        return submissionId * 10 + 1;
    }

    public static long coSigner(long submissionId, int which) {
        return submissionId * 10 + 1 + which;
    }

    /** Intake registers a submission; returns its id once this service has taken it in. */
    public static long registeredSubmission() {
        long id = nextSubmissionId();
        EventSender.cloudEvent(INTAKE_TOPIC, String.valueOf(id), UUID.randomUUID().toString(), REGISTERED,
                registeredEvent(id));
        awaitKnown(id);
        return id;
    }

    public static long nextSubmissionId() {
        return IDS.incrementAndGet();
    }

    public static void awaitKnown(long submissionId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                .get("/api/v1/submissions/" + submissionId).then().statusCode(200));
    }

    public static void assign(long submissionId, String mode, long lead, Long... others) {
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("mode", mode, "leadUnitId", lead, "coUnitIds", List.of(others)))
                .post("/api/v1/submissions/" + submissionId + "/assignment").then().statusCode(201);
    }

    public static Map<String, Object> reply(String resultClass) {
        if ("B".equals(resultClass)) {
            return Map.of("text", "您提出的建议收悉，现答复如下……", "resultClass", resultClass, "commitments",
                    List.of(Map.of("action", "2025年秋季学期实现课后服务全覆盖", "promisedOn", "2025-09-30")));
        }
        return Map.of("text", "您提出的建议收悉，现答复如下……", "resultClass", resultClass);
    }

    public static String path(long submissionId, String rest) {
        return "/api/v1/submissions/" + submissionId + rest;
    }

    public static void signFor(long submissionId, long unit) {
        given().auth().oauth2(Tokens.unitStaff(unit)).post(path(submissionId, "/sign-for")).then().statusCode(200);
    }

    public static long draft(long submissionId, long unit, String resultClass) {
        return ((Number) given().auth().oauth2(Tokens.unitStaff(unit)).contentType(ContentType.JSON)
                .body(reply(resultClass)).post(path(submissionId, "/replies")).then().statusCode(201)
                .extract().path("id")).longValue();
    }

    /** Drafted by the staff, signed by the head, submitted to the office; returns the reply id. */
    public static long submittedReply(long submissionId, long unit, String resultClass) {
        long reply = draft(submissionId, unit, resultClass);
        given().auth().oauth2(Tokens.unitHead(unit)).post(path(submissionId, "/replies/" + reply + "/approval"))
                .then().statusCode(200);
        given().auth().oauth2(Tokens.unitStaff(unit)).post(path(submissionId, "/replies/" + reply + "/submission"))
                .then().statusCode(200);
        return reply;
    }

    public static void accept(long submissionId, long reply) {
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body("{}")
                .post(path(submissionId, "/replies/" + reply + "/acceptance"))
                .then().statusCode(200);
    }

    public static void evaluate(long submissionId, long reply, long member, String rating) {
        given().auth().oauth2(Tokens.member(member)).contentType(ContentType.JSON).body(Map.of("rating", rating))
                .post(path(submissionId, "/replies/" + reply + "/evaluations")).then().statusCode(201);
    }
}
