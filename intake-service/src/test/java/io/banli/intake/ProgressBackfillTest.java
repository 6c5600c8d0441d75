package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.draft;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.sql.Statement;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Migration V12 announces once what intake held before it published drafts, members and grants: run again here
 * (its statements only add outbox rows, and the consumers apply each event id once), every event it writes is
 * relayed and is what the published contract says (the probe checks each record against it).
 */
@QuarkusTest
class ProgressBackfillTest {

    private static final String TOPIC = "banli.intake.submissions";

    @Inject
    EntityManager em;

    @Test
    void theMigrationAnnouncesMembersClientsAndDraftsAsTheContractSays() throws IOException {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long coSigner = member("DEPUTY");
        long draftId = ((Number) as(Tokens.member(lead)).body(new HashMap<>(draft(session, "关于增设社区食堂的建议")))
                .post("/api/v1/drafts").then().statusCode(201).extract().path("id")).longValue();
        as(Tokens.member(lead)).body(Map.of("version", 0, "memberIds", List.of(coSigner)))
                .post("/api/v1/drafts/" + draftId + "/co-signers").then().statusCode(200);
        String client = PlatformClientFixtures.register(List.of("progress:read"), List.of(lead)).getString("clientId");

        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V12__progress_moved_to_reporting.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            // Through JDBC as Flyway runs it: the statements' date patterns (HH24:MI) are no named parameters.
            QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(migration);
                }
            }));
            JsonPath announcedDraft = JsonPath.from(topic.await(TopicProbe.ofType(
                    "banli.intake.submission.draft-changed.v1", String.valueOf(draftId))
                    .and(r -> r.value().contains("INVITED"))).value());
            assertThat(announcedDraft.getLong("leadProposer.memberId")).isEqualTo(lead);
            assertThat(announcedDraft.getLong("coSigners[0].memberId")).isEqualTo(coSigner);
            assertThat(announcedDraft.getString("state")).isEqualTo("DRAFT");
            topic.await(TopicProbe.ofType("banli.intake.member.registered.v1", "member-" + coSigner));
            JsonPath grant = JsonPath.from(topic.await(TopicProbe.ofType("banli.intake.platform-client.changed.v1",
                    client)).value());
            assertThat(grant.getList("memberIds", Long.class)).containsExactly(lead);
            assertThat(grant.getString("status")).isEqualTo("ACTIVE");
        }
    }
}
