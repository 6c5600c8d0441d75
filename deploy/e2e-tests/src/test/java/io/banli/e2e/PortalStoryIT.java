package io.banli.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.e2e.intake.ApiException;
import io.banli.e2e.intake.ApiResponse;
import io.banli.e2e.intake.model.Filing;
import io.banli.e2e.intake.model.NewDraft;
import io.banli.e2e.intake.model.NewSubmission;
import io.banli.e2e.intake.model.NewSubscription;
import io.banli.e2e.intake.model.SubmissionKind;
import io.banli.e2e.intake.model.SubmissionView;
import io.banli.e2e.reporting.model.ProgressView;
import io.banli.e2e.intake.model.SubscriptionView;
import io.banli.e2e.intake.model.TokenResponse;
import io.banli.testing.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 8's story as a delegate-duty portal lives it, through the four packaged services: the office
 * registers the portal, the portal gets its token, drafts and files for its member (and retries safely), the
 * office registers the item; the portal subscribes to
 * webhooks on a real HTTP receiver that is down for a while, follows the item to its reply, and reads the
 * member's progress. The portal's own calls go through the clients generated from intake's OpenAPI document and, for
 * the progress, reporting's, with typed results;
 * the office's and the unit's steps through REST Assured.
 */
class PortalStoryIT {

    static RunningPlatform banli;
    static WebhookReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        receiver = new WebhookReceiver();
        banli = RunningPlatform.shared();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aPortalFilesForItsMemberAndFollowsTheItemToItsReply() throws Exception {
        // The office opens a session, registers two deputies (the portal acts for the first only) and a unit.
        long session = created(as(Tokens.office(), "intake-service").body(Map.of(
                "kind", "PEOPLES_CONGRESS", "level", "CITY", "name", "区五届人大三次会议", "year", 2025))
                .post("/api/v1/sessions"));
        long member = created(as(Tokens.office(), "intake-service").body(Map.of(
                "kind", "DEPUTY", "name", "王建华", "delegation", "东城区代表团", "phone", "13900001001"))
                .post("/api/v1/members"));
        long stranger = created(as(Tokens.office(), "intake-service").body(Map.of(
                "kind", "DEPUTY", "name", "李秀英", "delegation", "西城区代表团", "phone", "13900001002"))
                .post("/api/v1/members"));
        long unit = created(as(Tokens.office(), "assignment-service").body(Map.of(
                "name", "区教育局", "kind", "BUREAU")).post("/api/v1/units"));

        // 1. The office registers the portal; the secret is shown this once.
        io.restassured.path.json.JsonPath registered = as(Tokens.office(), "intake-service").body(Map.of(
                "name", "市人大代表履职服务平台", "owner", "市人大常委会代表工作室", "contactName", "赵敏",
                "contactEmail", "zhaomin@example.com", "allMembers", false, "memberIds", List.of(member),
                "scopes", List.of("submissions:write", "submissions:read", "progress:read", "webhooks:manage")))
                .post("/api/v1/platform-clients").then().statusCode(201).extract().jsonPath();
        String clientId = registered.getString("clientId");
        String secret = registered.getString("clientSecret");

        // 2. The portal gets a token for its member with HTTP Basic (client credentials).
        Portal portal = new Portal(banli.url("intake-service"), banli.url("reporting-service"));
        String basic = basic(clientId, secret);
        TokenResponse token = portal.auth.tokenResourceToken(null, "client_credentials", null, null,
                "submissions:write submissions:read progress:read webhooks:manage", String.valueOf(member), null,
                Map.of("Authorization", basic));
        portal.useToken(token.getAccessToken());
        assertThat(token.getTokenType()).isEqualTo(TokenResponse.TokenTypeEnum.BEARER);

        // A member the registry does not let it act for: no token.
        portal.anonymous();
        ApiException refused = catchThrowableOfType(ApiException.class, () -> portal.auth.tokenResourceToken(null,
                "client_credentials", null, null, "progress:read", String.valueOf(stranger), null,
                Map.of("Authorization", basic)));
        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(refused.getResponseBody()).path("error").asText())
                .isEqualTo("invalid_request");
        portal.useToken(portal.auth.tokenResourceToken(null, "client_credentials", null, null,
                "submissions:write submissions:read progress:read webhooks:manage", String.valueOf(member), null,
                Map.of("Authorization", basic)).getAccessToken());

        // 3. It subscribes its receiver to assigned and replied; the receiver keeps the signing secret.
        SubscriptionView subscription = portal.webhooks.webhookResourceSubscribe(new NewSubscription()
                .callbackUrl(receiver.url()).eventTypes(List.of("assigned", "replied")), UUID.randomUUID().toString());
        receiver.trust(subscription.getSecret());

        // 4. It drafts for its member with an Idempotency-Key, loses the answer and retries: one draft. Then it
        // files the draft; registration (立案) is the office's, never the portal's.
        NewDraft drafting = new NewDraft().kind(SubmissionKind.SUGGESTION).sessionId(session)
                .title("关于增开夜班公交线路的建议").body("建议在大型居住区与地铁站之间增开夜班公交。")
                .field("URBAN_CONSTRUCTION_TRANSPORT");
        String idempotent = UUID.randomUUID().toString();
        ApiResponse<SubmissionView> first = portal.filing.draftResourceDraftWithHttpInfo(drafting, idempotent);
        long submission = first.getData().getId();
        ApiResponse<SubmissionView> retry = portal.filing.draftResourceDraftWithHttpInfo(drafting, idempotent);
        assertThat(retry.getStatusCode()).isEqualTo(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getData().getId()).isEqualTo(submission);
        assertThat(retry.getHeaders().get("idempotent-replayed")).containsExactly("true");
        SubmissionView filed = portal.filing.draftResourceFile(submission, new Filing().version(0L),
                UUID.randomUUID().toString());
        assertThat(filed.getState()).hasToString("RECEIVED");
        long filedVersion = filed.getVersion();
        // The one-step file-and-register is the office's alone.
        ApiException register = catchThrowableOfType(ApiException.class, () -> portal.submissions.submissionResourceRegister(
                new NewSubmission().kind(SubmissionKind.SUGGESTION).sessionId(session).title("关于增开夜班公交线路的建议")
                        .body("建议在大型居住区与地铁站之间增开夜班公交。").field("URBAN_CONSTRUCTION_TRANSPORT")
                        .leadProposerId(member).keyItem(true).leadingOfficial("张副市长"), null,
                UUID.randomUUID().toString()));
        assertThat(register.getCode()).isEqualTo(403);
        as(Tokens.office(), "intake-service").queryParam("sessionId", session).get("/api/v1/submissions")
                .then().statusCode(200).header("X-Total-Count", "1");
        as(Tokens.office(), "intake-service").body(Map.of("version", filedVersion))
                .post("/api/v1/submissions/" + submission + "/registration").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("REGISTERED"));

        // 5. The receiver is down for the first attempt; the office assigns the item to the unit.
        receiver.failNext(1);
        String file = "/api/v1/submissions/" + submission;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Tokens.office(), "assignment-service")
                .get(file).then().statusCode(200));
        as(Tokens.office(), "assignment-service").body(Map.of("mode", "SOLE", "leadUnitId", unit, "coUnitIds", List.of()))
                .post(file + "/assignment").then().statusCode(201);

        // Banli retries with backoff: the assigned event arrives later, signed, once.
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !receiver.accepted("banli.assignment.assigned.v1").isEmpty());
        assertThat(receiver.all()).filteredOn(d -> d.answered() == 503).isNotEmpty();
        WebhookReceiver.Delivery assigned = receiver.accepted("banli.assignment.assigned.v1").get(0);
        assertThat(assigned.signatureValid()).as("HMAC of the assigned delivery").isTrue();
        assertThat(assigned.subject()).isEqualTo(String.valueOf(submission));

        // 6. The unit signs for it and replies; the office accepts the reply and sends it.
        as(Tokens.unitStaff(unit), "assignment-service").post(file + "/sign-for").then().statusCode(200);
        int reply = as(Tokens.unitStaff(unit), "assignment-service")
                .body(Map.of("text", "您提出的建议收悉，现答复如下……", "resultClass", "A"))
                .post(file + "/replies").then().statusCode(201).extract().path("id");
        as(Tokens.unitHead(unit), "assignment-service").post(file + "/replies/" + reply + "/approval")
                .then().statusCode(200);
        as(Tokens.unitStaff(unit), "assignment-service").post(file + "/replies/" + reply + "/submission")
                .then().statusCode(200);
        as(Tokens.office(), "assignment-service").body("{}").post(file + "/replies/" + reply + "/acceptance")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !receiver.accepted("banli.assignment.replied.v1").isEmpty());
        WebhookReceiver.Delivery replied = receiver.accepted("banli.assignment.replied.v1").get(0);
        assertThat(replied.signatureValid()).as("HMAC of the replied delivery").isTrue();
        String fingerprint = new com.fasterxml.jackson.databind.ObjectMapper().readTree(replied.body())
                .path("fingerprint").asText();
        assertThat(fingerprint).hasSize(64);

        // No event was accepted twice, whatever the retries; nothing else was sent (only two types subscribed).
        assertThat(receiver.accepted("banli.assignment.assigned.v1")).hasSize(1);
        assertThat(receiver.accepted("banli.assignment.replied.v1")).hasSize(1);
        assertThat(receiver.all()).extracting(WebhookReceiver.Delivery::type)
                .containsOnly("banli.assignment.assigned.v1", "banli.assignment.replied.v1");

        // 7. The member's progress shows the reply with the letter's fingerprint.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ProgressView item = portal.progress.progressResourceProgress(member, null, session, null, null)
                    .getItems().get(0);
            assertThat(item.getId()).isEqualTo(submission);
            assertThat(item.getReplies().get(0).getFingerprint()).isEqualTo(fingerprint);
        });

        // 8. Another member's progress is not there for this portal.
        io.banli.e2e.reporting.ApiException foreign = catchThrowableOfType(io.banli.e2e.reporting.ApiException.class,
                () -> portal.progress.progressResourceProgress(stranger, null, null, null, null));
        assertThat(foreign.getCode()).isEqualTo(404);

        // 9. A token without progress:read may file but not read progress.
        portal.anonymous();
        portal.useToken(portal.auth.tokenResourceToken(null, "client_credentials", null, null, "submissions:read",
                String.valueOf(member), null, Map.of("Authorization", basic)).getAccessToken());
        io.banli.e2e.reporting.ApiException unscoped = catchThrowableOfType(io.banli.e2e.reporting.ApiException.class,
                () -> portal.progress.progressResourceProgress(member, null, null, null, null));
        assertThat(unscoped.getCode()).isEqualTo(403);
    }

    @Test
    void aPortalOverItsRateLimitIsToldWhenToComeBack() throws Exception {
        long member = created(as(Tokens.office(), "intake-service").body(Map.of(
                "kind", "DEPUTY", "name", "张伟", "delegation", "东城区代表团", "phone", "13900001003"))
                .post("/api/v1/members"));
        String secret = as(Tokens.office(), "intake-service").body(Map.of("clientId", RunningPlatform.FLOOD,
                "name", "压力测试平台", "owner", "市人大常委会代表工作室", "contactName", "赵敏",
                "contactEmail", "zhaomin@example.com", "allMembers", false, "memberIds", List.of(member),
                "scopes", List.of("progress:read")))
                .post("/api/v1/platform-clients").then().statusCode(201).extract().path("clientSecret");
        Portal portal = new Portal(banli.url("intake-service"), banli.url("reporting-service"));
        String bearer = portal.auth.tokenResourceToken(null, "client_credentials", null, null, "progress:read",
                String.valueOf(member), null, Map.of("Authorization", basic(RunningPlatform.FLOOD, secret)))
                .getAccessToken();
        portal.useToken(bearer);

        // Reporting serves progress once it has read intake's announcement of the grant (until then: 401).
        await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(banli.url("reporting-service")).auth()
                .oauth2(bearer).get("/api/v1/members/" + member + "/progress").statusCode() != 401);
        // Two requests a minute: a bounded burst meets the limit.
        io.banli.e2e.reporting.ApiException limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            try {
                portal.progress.progressResourceProgress(member, null, null, null, null);
            } catch (io.banli.e2e.reporting.ApiException e) {
                limited = e;
            }
        }
        assertThat(limited).as("429 within ten requests").isNotNull();
        assertThat(limited.getCode()).isEqualTo(429);
        assertThat(limited.getResponseHeaders().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    }

    /**
     * A portal written in TypeScript (deploy/e2e-tests/portal-ts), whose clients openapi-typescript generated from
     * intake's and reporting's stored documents and tsc --strict checked, runs its story against the packaged
     * services: token, draft with a retried Idempotency-Key, filing (intake), the member's progress (reporting).
     */
    @Test
    void aPortalWrittenInTypeScriptFilesForItsMemberThroughItsGeneratedClient() throws Exception {
        long session = created(as(Tokens.office(), "intake-service").body(Map.of(
                "kind", "PEOPLES_CONGRESS", "level", "CITY", "name", "区五届人大四次会议", "year", 2026))
                .post("/api/v1/sessions"));
        long member = created(as(Tokens.office(), "intake-service").body(Map.of(
                "kind", "DEPUTY", "name", "陈志强", "delegation", "朝阳区代表团", "phone", "13900001004"))
                .post("/api/v1/members"));
        io.restassured.path.json.JsonPath registered = as(Tokens.office(), "intake-service").body(Map.of(
                "name", "区人大代表履职平台", "owner", "区人大常委会代表工作室", "contactName", "孙丽",
                "contactEmail", "sunli@example.com", "allMembers", false, "memberIds", List.of(member),
                "scopes", List.of("submissions:write", "submissions:read", "progress:read")))
                .post("/api/v1/platform-clients").then().statusCode(201).extract().jsonPath();

        Path story = Path.of(System.getProperty("banli.repo-root"), "deploy/e2e-tests/target/portal-ts/dist/story.js");
        ProcessBuilder node = new ProcessBuilder("node", story.toString()).redirectErrorStream(true);
        node.environment().putAll(Map.of("BANLI_INTAKE_URL", banli.url("intake-service"),
                "BANLI_REPORTING_URL", banli.url("reporting-service"),
                "BANLI_CLIENT_ID", registered.getString("clientId"),
                "BANLI_CLIENT_SECRET", registered.getString("clientSecret"),
                "BANLI_MEMBER_ID", String.valueOf(member), "BANLI_SESSION_ID", String.valueOf(session)));
        Process run = node.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();

        JsonNode seen = new ObjectMapper().readTree(output.substring(output.lastIndexOf('\n') + 1));
        long draft = seen.path("draftId").asLong();
        assertThat(seen.path("retriedDraftId").asLong()).as("the retry got the same draft").isEqualTo(draft);
        assertThat(seen.path("replayed").asText()).isEqualTo("true");
        assertThat(seen.path("filedState").asText()).isEqualTo("RECEIVED");
        assertThat(seen.path("leadProposerId").asLong()).isEqualTo(member);
        assertThat(seen.path("progressIds")).extracting(JsonNode::asLong).containsExactly(draft);
        assertThat(seen.path("progressStages")).extracting(JsonNode::asText).containsExactly("FILED");
        // What the office sees: the item filed in the member's name, waiting for its review.
        as(Tokens.office(), "intake-service").get("/api/v1/submissions/" + draft).then().statusCode(200)
                .body("leadProposerId", org.hamcrest.Matchers.equalTo((int) member))
                .body("state", org.hamcrest.Matchers.equalTo("RECEIVED"));
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static RequestSpecification as(String token, String service) {
        return given().baseUri(banli.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static long created(io.restassured.response.Response response) {
        return response.then().statusCode(201).extract().<Number>path("id").longValue();
    }
}
