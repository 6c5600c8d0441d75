package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, point 10: CPPCC reports count group proposals (集体提案) apart from members' own. A proposal led by a
 * group on the register (the registered event's proposer kind GROUP) counts as one, as does an older item a member
 * filed under a group label; the annual report prints the figure.
 */
@QuarkusTest
class GroupProposalCountTest {

    @Test
    void groupProposalsAreCountedByTheProposerKindAndPrintedInTheReport() {
        try (EventStream s = new EventStream()) {
            s.registeredBy(EventStream.proposer(901, "民盟市委会", "中国民主同盟", "GROUP", "PARTY"), "民盟市委会");
            s.registeredBy(EventStream.proposer(902, "政协社会和法制委员会", "政协社会和法制委员会", "GROUP",
                    "SPECIAL_COMMITTEE"), "政协社会和法制委员会");
            s.registeredBy(EventStream.proposer(903, "李文", "经济界", "CPPCC_MEMBER", null), "工商联界别");
            s.registeredBy(EventStream.proposer(904, "赵静", "经济界", "CPPCC_MEMBER", null), null);
            s.flush();
            StatisticsTest.awaitStatistics(Tokens.office(), Map.of("sessionId", s.session), r -> r
                    .body("total", equalTo(4)).body("byKind.PROPOSAL", equalTo(4))
                    .body("byProposerKind.GROUP", equalTo(3)).body("byProposerKind.CPPCC_MEMBER", equalTo(1))
                    .body("byProposerKind.DEPUTY", equalTo(0)));
            String markdown = given().auth().oauth2(Tokens.office()).queryParam("sessionId", s.session)
                    .queryParam("kind", "PROPOSAL").get("/api/v1/reports/annual")
                    .then().statusCode(200).contentType(startsWith("text/markdown")).extract().asString();
            assertThat(markdown).contains("共承办提案4件").contains("其中集体提案3件，委员个人提案1件。");
        }
    }
}
