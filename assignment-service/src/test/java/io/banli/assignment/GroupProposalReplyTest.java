package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.INTAKE_TOPIC;
import static io.banli.assignment.AssignmentFixtures.REGISTERED;
import static io.banli.assignment.AssignmentFixtures.accept;
import static io.banli.assignment.AssignmentFixtures.assign;
import static io.banli.assignment.AssignmentFixtures.awaitKnown;
import static io.banli.assignment.AssignmentFixtures.nextSubmissionId;
import static io.banli.assignment.AssignmentFixtures.path;
import static io.banli.assignment.AssignmentFixtures.signFor;
import static io.banli.assignment.AssignmentFixtures.submittedReply;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfReader;

import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 14, point 10: a group proposal (集体提案) as intake registers it, led by the group (proposer kind GROUP). The
 * reply letter is addressed to the group; the group's contact person, acting for it through a portal whose token
 * names the group, reads it and rates it, and the rating closes the item as the lead proposer's would.
 */
@QuarkusTest
class GroupProposalReplyTest {

    @Test
    void theLetterIsAddressedToTheGroupAndItsContactPersonRatesForIt() throws Exception {
        long item = nextSubmissionId();
        long group = item * 10 + 7;
        Map<String, Object> registered = AssignmentFixtures.registered(item);
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("memberId", group);
        lead.put("name", "民盟市委会");
        lead.put("delegation", "中国民主同盟");
        lead.put("kind", "GROUP");
        lead.put("groupType", "PARTY");
        registered.put("leadProposer", lead);
        registered.put("groupName", "民盟市委会");
        registered.put("kind", "PROPOSAL");
        registered.put("sessionKind", "CPPCC");
        registered.put("title", "关于完善社区养老服务体系的提案");
        registered.put("coSignerIds", List.of());
        EventSender.cloudEvent(INTAKE_TOPIC, String.valueOf(item), UUID.randomUUID().toString(), REGISTERED,
                Contracts.data(REGISTERED, registered));
        awaitKnown(item);
        long unit = unit("市民政局");
        assign(item, "SOLE", unit);
        signFor(item, unit);
        long reply = submittedReply(item, unit, "A");
        accept(item, reply);

        String portal = Tokens.platformFor(group);
        byte[] pdf = given().auth().oauth2(portal).get(path(item, "/replies/" + reply + "/letter")).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        PdfReader reader = new PdfReader(pdf);
        assertThat(ReplyLetterTest.shows(reader.getPageContent(1), "民盟市委会：")).as("addressed to the group").isTrue();
        assertThat(ReplyLetterTest.shows(reader.getPageContent(1), "民盟市委会委员")).as("not to a 委员").isFalse();
        assertThat(ReplyLetterTest.shows(reader.getPageContent(2), "提案办理情况征询意见表")).isTrue();

        given().auth().oauth2(portal).contentType(ContentType.JSON).body(Map.of("rating", "SATISFIED"))
                .post(path(item, "/replies/" + reply + "/evaluations")).then().statusCode(201);
        given().auth().oauth2(Tokens.office()).get(path(item, "")).then().statusCode(200)
                .body("state", equalTo("CLOSED"));
        // The rating is the group's: a second one for it is refused, whoever acts for it.
        given().auth().oauth2(Tokens.member(group)).contentType(ContentType.JSON).body(Map.of("rating", "UNSATISFIED"))
                .post(path(item, "/replies/" + reply + "/evaluations")).then().statusCode(409)
                .contentType("application/problem+json");
    }
}
