package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.draft;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.versioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Attachments within their limits, and the audit log telling an item's whole history to the auditor. */
@QuarkusTest
class AttachmentAndAuditTest {

    @Test
    void theProposerAttachesAFileWhichReadersDownloadUnchanged() throws Exception {
        long lead = member("DEPUTY");
        long id = ((Number) as(Tokens.member(lead)).body(draft(session("PEOPLES_CONGRESS"), "关于河道治理的建议"))
                .post("/api/v1/drafts").then().statusCode(201).extract().path("id")).longValue();
        byte[] content = "附件：河道治理调研报告，共十二页。".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        int attachment = given().auth().oauth2(Tokens.member(lead)).contentType("text/plain; charset=UTF-8").body(content)
                .queryParam("name", "调研报告.txt").post("/api/v1/submissions/" + id + "/attachments")
                .then().statusCode(201).body("sha256", equalTo(sha)).body("sizeBytes", equalTo(content.length))
                .extract().path("id");
        byte[] downloaded = given().auth().oauth2(Tokens.member(lead))
                .get("/api/v1/submissions/" + id + "/attachments/" + attachment).then().statusCode(200)
                .header("Digest", "sha-256=" + sha).extract().asByteArray();
        assertThat(downloaded).isEqualTo(content);
        given().auth().oauth2(Tokens.member(member("DEPUTY")))
                .get("/api/v1/submissions/" + id + "/attachments/" + attachment).then().statusCode(404);

        // Wrong type, too large, empty, a path for a name: refused, nothing stored.
        given().auth().oauth2(Tokens.member(lead)).contentType("application/x-msdownload").body(new byte[] {1, 2})
                .queryParam("name", "virus.exe").post("/api/v1/submissions/" + id + "/attachments")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(Tokens.member(lead)).contentType("application/pdf").body(new byte[5 * 1024 * 1024 + 1])
                .queryParam("name", "big.pdf").post("/api/v1/submissions/" + id + "/attachments").then().statusCode(413);
        given().auth().oauth2(Tokens.member(lead)).contentType("application/pdf").body(new byte[0])
                .queryParam("name", "empty.pdf").post("/api/v1/submissions/" + id + "/attachments").then().statusCode(400);
        given().auth().oauth2(Tokens.member(lead)).contentType("application/pdf").body(new byte[] {1})
                .queryParam("name", "../../etc/passwd").post("/api/v1/submissions/" + id + "/attachments")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.member(lead)).get("/api/v1/submissions/" + id + "/attachments").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].fileName", equalTo("调研报告.txt"));
    }

    @Test
    void theAuditorReadsWhoDidWhatWhenWithTheStatesBeforeAndAfter() {
        long lead = member("DEPUTY");
        long session = session("PEOPLES_CONGRESS");
        long id = IntakeFixtures.received(session, lead);
        as(Tokens.office()).body(versioned(id, "reason", "属于个人诉求", "disposition", "PUBLIC_OPINION"))
                .post("/api/v1/submissions/" + id + "/refusal").then().statusCode(200);

        JsonPath log = given().auth().oauth2(Tokens.auditor()).queryParam("subjectType", "submission")
                .queryParam("subjectId", id).get("/api/v1/audit-log").then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("action")).containsExactly("submission.drafted", "submission.filed", "submission.refused");
        assertThat(log.getList("actor")).containsExactly("member-" + lead, "member-" + lead, "office-zhang");
        assertThat(log.getList("roles")).containsExactly("member", "member", "office");
        List<String> details = log.getList("detail");
        assertThat(details.get(0)).isEqualTo("new -> DRAFT");
        assertThat(details.get(1)).isEqualTo("DRAFT -> RECEIVED");
        assertThat(details.get(2)).isEqualTo("RECEIVED -> REFUSED: PUBLIC_OPINION: 属于个人诉求");
        assertThat(log.getList("at")).allSatisfy(at -> assertThat(at).isNotNull());
        assertThat(given().auth().oauth2(Tokens.auditor()).get("/api/v1/audit-log").then().extract().asString())
                .as("no contact data in the audit log").doesNotContain("13912345678").doesNotContain("daibiao@example.com");

        // The auditor reads, but changes nothing.
        as(Tokens.auditor()).body(Map.of("version", 0)).post("/api/v1/submissions/" + id + "/registration")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.member(lead)).get("/api/v1/audit-log").then().statusCode(403);
    }
}
