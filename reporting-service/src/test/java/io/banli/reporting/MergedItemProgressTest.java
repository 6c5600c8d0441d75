package io.banli.reporting;

import static io.banli.reporting.ProgressFixtures.INTAKE;
import static io.banli.reporting.ProgressFixtures.WORKFLOW;
import static io.banli.reporting.ProgressFixtures.assigned;
import static io.banli.reporting.ProgressFixtures.member;
import static io.banli.reporting.ProgressFixtures.progress;
import static io.banli.reporting.ProgressFixtures.publish;
import static io.banli.reporting.ProgressFixtures.registered;
import static io.banli.reporting.ProgressFixtures.replied;
import static io.banli.reporting.ProgressFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 14, point 1 (并案): the merged item's proposer follows the host's handling in their progress view, with the
 * host's reply to rate (intake's merged event names the host and the merged item's proposers: intake's ReviewTest).
 */
@QuarkusTest
class MergedItemProgressTest {

    @Test
    void theMergedProposerSeesTheHostsReplyAndIsAskedToRateIt() {
        long session = session();
        long hostLead = member();
        long mergedLead = member();
        long host = registered(session, hostLead);
        long merged = registered(session, mergedLead);
        publish(INTAKE, "banli.intake.submission.merged.v1", merged, Map.of("submissionId", merged,
                "intoSubmissionId", host, "intoNumber", 1, "number", 2, "title", "关于增设公交线路的建议",
                "leadProposerId", mergedLead, "coSignerIds", List.of(), "mergedAt", Instant.now().toString()));

        long reply = 9000 + host;
        publish(WORKFLOW, "banli.assignment.assigned.v1", host, assigned(host, 1, "市交通运输局"));
        publish(WORKFLOW, "banli.assignment.replied.v1", host, replied(host, 1, reply, List.of(hostLead, mergedLead)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = progress(Tokens.member(mergedLead), mergedLead);
            // Read as text: a figure not projected yet is null, which must fail the assertion (and be retried),
            // not throw from an unboxing.
            assertThat(p.getString("items[0].id")).isEqualTo(String.valueOf(merged));
            assertThat(p.getString("items[0].stage")).isEqualTo("MERGED");
            assertThat(p.getString("items[0].mergedIntoId")).isEqualTo(String.valueOf(host));
            assertThat(p.getString("items[0].units[0].unitName")).isEqualTo("市交通运输局");
            assertThat(p.getString("items[0].replies[0].replyId")).isEqualTo(String.valueOf(reply));
            assertThat(p.getList("items[0].nextActions.path")).contains(
                    "/api/v1/submissions/" + host + "/replies/" + reply + "/evaluations");
        });
        // the host's own proposer sees no merge
        JsonPath own = progress(Tokens.member(hostLead), hostLead);
        assertThat(own.getString("items[0].mergedIntoId")).isNull();
    }
}
