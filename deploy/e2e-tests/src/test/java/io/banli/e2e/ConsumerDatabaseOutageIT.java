package io.banli.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.banli.testing.DatabaseOutage;
import io.banli.testing.Tokens;
import io.banli.testing.TopicProbe;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Assignment's database refuses connections for 15 s (a PostgreSQL restart, a switchover) while the office
 * keeps registering submissions in intake. Every one of them reaches assignment once the database is back:
 * none lost, none twice, none on the dead-letter topic; meanwhile assignment reports itself not ready. Checked
 * from assignment's own database and the dead-letter topic, not from logs.
 */
class ConsumerDatabaseOutageIT {

    static final Duration OUTAGE = Duration.ofSeconds(15);
    static final String SUBMISSIONS = "banli.intake.submissions";
    static final String REGISTERED = "banli.intake.submission.registered.v1";

    static RunningPlatform banli;
    static long session;
    static long deputy;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        banli = RunningPlatform.shared();
        session = created(intake().body(Map.of("kind", "PEOPLES_CONGRESS", "level", "CITY",
                "name", "市六届人大四次会议", "year", 2026)).post("/api/v1/sessions"));
        deputy = created(intake().body(Map.of("kind", "DEPUTY", "name", "李明", "delegation", "西城区代表团"))
                .post("/api/v1/members"));
    }


    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void registrationsDuringAnOutageOfTheConsumersDatabaseAllArriveOnce() throws Exception {
        String kafka = banli.platform.kafkaBootstrapServers();
        List<Long> registered = new ArrayList<>();
        boolean sawNotReady = false;
        try (TopicProbe deadLetters = TopicProbe.open(kafka, "banli.assignment.dead-letter");
                TopicProbe submissions = TopicProbe.open(kafka, SUBMISSIONS)) {
            for (int i = 0; i < 5; i++) {
                registered.add(register("停库之前第" + i + "件"));
            }
            long outageStart = System.nanoTime();
            try (DatabaseOutage outage = DatabaseOutage.begin(banli.platform.jdbcUrl("assignment"))) {
                int i = 0;
                // The stream goes on for as long as the database is away, each registration published (so in
                // front of assignment's consumer) before the next is made.
                while (System.nanoTime() - outageStart < OUTAGE.toNanos()) {
                    long id = register("停库期间第" + i++ + "件");
                    registered.add(id);
                    submissions.await(TopicProbe.ofType(REGISTERED, String.valueOf(id)));
                    sawNotReady |= given().baseUri(banli.url("assignment-service")).get("/q/health/ready")
                            .statusCode() == 503;
                }
            }
            long back = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                registered.add(register("恢复之后第" + i + "件"));
            }

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> rowsIn("handled_submission", registered) == registered.size());
            Duration catchUp = Duration.ofNanos(System.nanoTime() - back);
            System.out.printf("%d registrations, %d during a %d s outage; all in assignment %d ms after it ended%n",
                    registered.size(), registered.size() - 10, OUTAGE.toSeconds(), catchUp.toMillis());

            assertThat(sawNotReady).as("assignment reported itself not ready during the outage").isTrue();
            assertThat(distinctIds(registered)).as("every registration once").isEqualTo(registered.size());
            assertThat(rowsIn("handled_submission", registered)).as("none twice").isEqualTo(registered.size());
            // A record's dead letter is sent before the next record of its partition is applied: once a later
            // registration has arrived in assignment on every partition, every dead letter is on the topic.
            List<String> keys = registered.stream().map(String::valueOf).toList();
            Set<Integer> behind = new HashSet<>();
            for (int i = 0; behind.size() < submissions.partitions(); i++) {
                long marker = register("标记第" + i + "件");
                behind.add(submissions.await(TopicProbe.ofType(REGISTERED, String.valueOf(marker))).partition());
                await().atMost(Duration.ofSeconds(30)).until(() -> rowsIn("handled_submission", List.of(marker)) == 1);
            }
            assertThat(deadLetters.present(r -> keys.contains(r.key()))).as("nothing dead-lettered").isEmpty();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(banli.url("assignment-service"))
                .get("/q/health/ready").then().statusCode(200));
    }

    private static long rowsIn(String table, List<Long> ids) throws SQLException {
        return count("select count(*) from " + table + " where id = any(?)", ids);
    }

    private static long distinctIds(List<Long> ids) throws SQLException {
        return count("select count(distinct id) from handled_submission where id = any(?)", ids);
    }

    private static long count(String sql, List<Long> ids) throws SQLException {
        try (Connection db = DriverManager.getConnection(banli.platform.jdbcUrl("assignment"), "postgres", "");
                PreparedStatement query = db.prepareStatement(sql)) {
            Array array = db.createArrayOf("bigint", ids.toArray());
            query.setArray(1, array);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long register(String title) {
        return created(intake().body(Map.of("kind", "SUGGESTION", "sessionId", session, "title", "关于" + title
                + "的建议", "body", "建议内容。", "field", "SOCIAL_LIVELIHOOD", "leadProposerId", deputy))
                .post("/api/v1/submissions"));
    }

    private static RequestSpecification intake() {
        return given().baseUri(banli.url("intake-service")).auth().oauth2(Tokens.office()).contentType(ContentType.JSON);
    }

    private static long created(io.restassured.response.Response response) {
        return response.then().statusCode(201).extract().<Number>path("id").longValue();
    }
}
