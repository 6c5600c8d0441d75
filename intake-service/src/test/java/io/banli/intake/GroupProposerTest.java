package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.versioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.testing.TopicProbe;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, point 10: a group (集体提案) is a proposer in its own right. The office registers a party's committee with
 * its contact person; the group's proposals are led by the group, shown under its name and announced with the
 * proposer's kind; its contact person acts for it through a portal whose token names the group.
 */
@QuarkusTest
class GroupProposerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOfficeRegistersAPartyCommitteeWithItsContactPersonMaskedForOthers() {
        long group = partyCommittee("民盟市委会" + System.nanoTime() % 100_000);
        given().auth().oauth2(Tokens.office()).get("/api/v1/members/" + group).then().statusCode(200)
                .body("kind", equalTo("GROUP")).body("groupType", equalTo("PARTY"))
                .body("delegation", equalTo("中国民主同盟")).body("contactName", equalTo("周敏"))
                .body("phone", equalTo("13900139000")).body("contactMemberId", nullValue());
        // The contact person is a private person: others see neither their full name nor their contact data.
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/members/" + group).then().statusCode(200)
                .body("contactName", equalTo("周**")).body("phone", equalTo("139****9000"))
                .body("email", equalTo("z***@example.com"));
        // Whoever acts for the group reads its record unmasked, like a member their own.
        given().auth().oauth2(IntakeFixtures.portalFor(group)).get("/api/v1/members/" + group).then().statusCode(200)
                .body("phone", equalTo("13900139000"));
        List<String> audit = given().auth().oauth2(Tokens.auditor()).queryParam("subjectType", "member")
                .queryParam("subjectId", group).get("/api/v1/audit-log")
                .then().statusCode(200).extract().jsonPath().getList("detail");
        assertThat(audit).contains("GROUP PARTY").noneMatch(d -> d != null && d.contains("139"));
    }

    @Test
    void aCppccMemberMayBeTheContactPersonByIdAndANobodyIsRefused() {
        long member = member("CPPCC_MEMBER");
        long committee = ((Number) as(Tokens.office()).body(Map.of("name", "政协社会和法制委员会", "groupType",
                "SPECIAL_COMMITTEE", "contact", Map.of("memberId", member))).post("/api/v1/members/groups")
                .then().statusCode(201).body("delegation", equalTo("政协社会和法制委员会"))
                .extract().path("id")).longValue();
        // A member's name is public: it is not masked as a contact.
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/members/" + committee).then()
                .body("contactMemberId", equalTo((int) member)).body("contactName", equalTo(given().auth()
                        .oauth2(Tokens.office()).get("/api/v1/members/" + member).then().extract().path("name")));

        long deputy = member("DEPUTY");
        as(Tokens.office()).body(Map.of("name", "某界别", "groupType", "SECTOR", "contact", Map.of("memberId", deputy)))
                .post("/api/v1/members/groups").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://banli.dev/problems/invalid-contact"));
        as(Tokens.office()).body(Map.of("name", "某界别", "groupType", "SECTOR", "contact", Map.of("phone", "13900139000")))
                .post("/api/v1/members/groups").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://banli.dev/problems/invalid-contact"));
        as(Tokens.office()).body(Map.of("name", "某界别", "contact", Map.of("name", "周敏")))
                .post("/api/v1/members/groups").then().statusCode(400).contentType("application/problem+json");
        as(Tokens.office()).body(Map.of("name", "某界别", "groupType", "CLUB", "contact", Map.of("name", "周敏")))
                .post("/api/v1/members/groups").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aGroupProposalIsLedByTheGroupAndItsRegisteredEventNamesTheGroup() throws Exception {
        String name = "民盟市委会" + System.nanoTime() % 100_000;
        long group = partyCommittee(name);
        long cppcc = session("CPPCC");
        long coSigner = member("CPPCC_MEMBER");
        try (TopicProbe topic = TopicProbe.open("banli.intake.submissions")) {
            Map<String, Object> proposal = new HashMap<>(proposal(cppcc, group));
            proposal.put("coSignerIds", List.of(coSigner));
            long id = ((Number) as(Tokens.office()).body(proposal).post("/api/v1/submissions").then().statusCode(201)
                    .body("leadProposerId", equalTo((int) group)).body("groupName", equalTo(name))
                    .body("state", equalTo("REGISTERED")).extract().path("id")).longValue();

            JsonNode registered = JSON.readTree(topic.await(TopicProbe.ofType(
                    "banli.intake.submission.registered.v1", String.valueOf(id)), Duration.ofSeconds(60)).value());
            JsonNode data = registered.has("data") ? registered.get("data") : registered;
            assertThat(data.get("groupName").asText()).isEqualTo(name);
            assertThat(data.at("/leadProposer/memberId").asLong()).isEqualTo(group);
            assertThat(data.at("/leadProposer/name").asText()).isEqualTo(name);
            assertThat(data.at("/leadProposer/kind").asText()).isEqualTo("GROUP");
            assertThat(data.at("/leadProposer/groupType").asText()).isEqualTo("PARTY");
            assertThat(registered.toString()).as("no contact data in events").doesNotContain("13900139000", "周敏");
        }
    }

    @Test
    void theContactPersonFilesForTheGroupThroughAPortalAndTheOfficeRegistersIt() {
        String name = "民盟市委会" + System.nanoTime() % 100_000;
        long group = partyCommittee(name);
        long cppcc = session("CPPCC");
        String portal = IntakeFixtures.portalFor(group);
        Map<String, Object> draft = new HashMap<>(proposal(cppcc, group));
        draft.remove("leadProposerId");
        long id = ((Number) as(portal).body(draft).post("/api/v1/drafts").then().statusCode(201)
                .body("leadProposerId", equalTo((int) group)).body("groupName", equalTo(name))
                .extract().path("id")).longValue();
        as(portal).body(Map.of("version", 0)).post("/api/v1/drafts/" + id + "/filing").then().statusCode(200)
                .body("state", equalTo("RECEIVED"));
        as(Tokens.office()).body(versioned(id)).post("/api/v1/submissions/" + id + "/registration").then()
                .statusCode(200).body("state", equalTo("REGISTERED")).body("groupName", equalTo(name));
        // The group's items are its own: the portal acting for it lists them.
        given().auth().oauth2(portal).queryParam("proposerId", group).get("/api/v1/submissions").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void aGroupFilesProposalsOnlyAndUnderItsOwnName() {
        long group = partyCommittee("民盟市委会" + System.nanoTime() % 100_000);
        long congress = session("PEOPLES_CONGRESS");
        Map<String, Object> suggestion = new HashMap<>(IntakeFixtures.suggestion(congress, group));
        as(Tokens.office()).body(suggestion).post("/api/v1/submissions").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://banli.dev/problems/kind-mismatch"));
        Map<String, Object> relabelled = new HashMap<>(proposal(session("CPPCC"), group));
        relabelled.put("groupName", "另一个党派");
        as(Tokens.office()).body(relabelled).post("/api/v1/submissions").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://banli.dev/problems/group-name-mismatch"));
        // A deputy cannot co-sign a group's proposal: co-signers belong to the CPPCC too.
        Map<String, Object> withDeputy = new HashMap<>(proposal(session("CPPCC"), group));
        withDeputy.put("coSignerIds", List.of(member("DEPUTY")));
        as(Tokens.office()).body(withDeputy).post("/api/v1/submissions").then().statusCode(422)
                .body("type", equalTo("https://banli.dev/problems/kind-mismatch"));
    }

    private static long partyCommittee(String name) {
        return ((Number) as(Tokens.office()).body(Map.of("name", name, "groupType", "PARTY", "sector", "中国民主同盟",
                "contact", Map.of("name", "周敏", "phone", "13900139000", "email", "zhoumin@example.com")))
                .post("/api/v1/members/groups").then().statusCode(201).contentType("application/json")
                .body("kind", equalTo("GROUP")).body("contactName", equalTo("周敏"))
                .extract().path("id")).longValue();
    }

    private static Map<String, Object> proposal(long sessionId, long leadProposerId) {
        return Map.of("kind", "PROPOSAL", "sessionId", sessionId, "title", "关于完善社区养老服务体系的提案",
                "body", "建议加快社区养老服务设施建设。", "field", "SOCIAL_LIVELIHOOD", "leadProposerId", leadProposerId);
    }
}
