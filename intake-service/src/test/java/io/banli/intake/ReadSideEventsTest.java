package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.draft;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.banli.testing.Contracts;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What reporting's member progress and its check of platform calls are built from (decisions: member progress is
 * served by reporting): drafts with their co-signers, the member register and the platform registry, each as its
 * published schema says and without secrets.
 */
@QuarkusTest
class ReadSideEventsTest {

    private static final String TOPIC = "banli.intake.submissions";
    private static final String DRAFT_CHANGED = "banli.intake.submission.draft-changed.v1";

    @Test
    void everyChangeOfADraftAnnouncesItsWholePreFilingPicture() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long coSigner = member("DEPUTY");
        Map<String, Object> body = new HashMap<>(draft(session, "关于加快老旧小区加装电梯的建议"));
        Instant cutOff = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        body.put("coSignUntil", cutOff.toString());
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            long draftId = ((Number) as(Tokens.member(lead)).body(body).post("/api/v1/drafts").then().statusCode(201)
                    .extract().path("id")).longValue();
            JsonPath drafted = valid(topic.await(TopicProbe.ofType(DRAFT_CHANGED, String.valueOf(draftId))));
            assertThat(drafted.getString("state")).isEqualTo("DRAFT");
            assertThat(drafted.getLong("leadProposer.memberId")).isEqualTo(lead);
            assertThat(drafted.getList("coSigners")).isEmpty();

            long version = ((Number) as(Tokens.member(lead)).body(Map.of("version", 0, "memberIds", List.of(coSigner)))
                    .post("/api/v1/drafts/" + draftId + "/co-signers").then().statusCode(200).extract().path("version"))
                    .longValue();
            as(Tokens.member(coSigner)).body(Map.of()).post("/api/v1/drafts/" + draftId + "/signature").then()
                    .statusCode(200);
            JsonPath signed = valid(topic.await(TopicProbe.ofType(DRAFT_CHANGED, String.valueOf(draftId))
                    .and(r -> r.value().contains("SIGNED"))));
            assertThat(signed.getLong("coSigners[0].memberId")).isEqualTo(coSigner);
            assertThat(signed.getString("coSigners[0].status")).isEqualTo("SIGNED");
            assertThat(Instant.parse(signed.getString("coSignUntil"))).isEqualTo(cutOff);

            as(Tokens.member(lead)).body(Map.of("version", version, "reason", "合并到另一件建议"))
                    .post("/api/v1/submissions/" + draftId + "/withdrawal").then().statusCode(200);
            JsonPath withdrawn = valid(topic.await(TopicProbe.ofType(DRAFT_CHANGED, String.valueOf(draftId))
                    .and(r -> r.value().contains("WITHDRAWN"))));
            assertThat(withdrawn.getString("state")).isEqualTo("WITHDRAWN");
        }
    }

    @Test
    void theRegisterAndTheRegistryAreAnnouncedWithoutContactDataOrSecrets() {
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            long member = member("DEPUTY");
            JsonPath registered = valid(topic.await(TopicProbe.ofType("banli.intake.member.registered.v1",
                    "member-" + member)));
            assertThat(registered.getString("delegation")).isEqualTo("东城区代表团");
            assertThat(registered.getString("kind")).isEqualTo("DEPUTY");

            JsonPath client = PlatformClientFixtures.register(List.of("progress:read"), List.of(member));
            String id = client.getString("clientId");
            String secret = client.getString("clientSecret");
            ConsumerRecord<String, String> changed = topic.await(
                    TopicProbe.ofType("banli.intake.platform-client.changed.v1", id));
            assertThat(changed.key()).isEqualTo(id);
            assertThat(changed.value()).doesNotContain(secret).doesNotContain("pbkdf2").doesNotContain("ecret")
                    .doesNotContain("@");
            JsonPath grant = valid(changed);
            assertThat(grant.getString("status")).isEqualTo("ACTIVE");
            assertThat(grant.getList("memberIds", Long.class)).containsExactly(member);
            assertThat(grant.getList("scopes")).containsExactly("progress:read");

            as(Tokens.office()).body(Map.of("reason", "平台停止运营"))
                    .post("/api/v1/platform-clients/" + id + "/revocation").then().statusCode(200);
            JsonPath revoked = valid(topic.await(TopicProbe.ofType("banli.intake.platform-client.changed.v1", id)
                    .and(r -> r.value().contains("REVOKED"))));
            assertThat(revoked.getLong("version")).isGreaterThan(grant.getLong("version"));
        }
    }

    private static JsonPath valid(ConsumerRecord<String, String> record) {
        String type = TopicProbe.header(record, "ce_type");
        assertThat(Contracts.violations(type, record.value())).as(type).isEmpty();
        return JsonPath.from(record.value());
    }
}
