package io.banli.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The audit log as MLPS level 3 asks: the service's own role may only add and read entries; even the owner cannot
 * rewrite, delete or truncate it, except the purge of entries older than 180 days; each entry names the address the
 * request came from.
 */
@QuarkusTest
class AuditLogProtectionTest {

    @Inject
    EntityManager em;

    @Test
    void theServicesRoleMayOnlyInsertAndRead() {
        for (String sql : List.of("update audit_log set actor = 'someone-else'", "delete from audit_log",
                "truncate audit_log", "select audit_log_purge(interval '400 days')")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql)
                    .getResultList())).as(sql).hasStackTraceContaining("permission denied");
        }
    }

    @Test
    void theOwnerCannotRewriteOrTruncateItEither() throws SQLException {
        try (Connection owner = IntakeFixtures.databaseOwner(); Statement statement = owner.createStatement()) {
            statement.execute("insert into audit_log (at, actor, roles, action, subject_type, subject_id) values "
                    + "(now(), 'test', 'test', 'test.kept', 'test', 'kept')");
            for (String sql : List.of("update audit_log set actor = 'someone-else'", "delete from audit_log",
                    "truncate audit_log")) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).hasMessageContaining("append-only");
            }
            assertThatThrownBy(() -> statement.execute("select audit_log_purge(interval '179 days')"))
                    .hasMessageContaining("at least 180 days");
        }
    }

    @Test
    void thePurgeRemovesOnlyEntriesOlderThanTheRetention() throws SQLException {
        String subject = "purge-" + System.nanoTime();
        try (Connection owner = IntakeFixtures.databaseOwner(); Statement statement = owner.createStatement()) {
            for (int days : new int[] {400, 200, 100}) {
                statement.execute("insert into audit_log (at, actor, roles, action, subject_type, subject_id) values "
                        + "(now() - interval '" + days + " days', 'test', 'test', 'test.aged', 'test', '" + subject
                        + "-" + days + "')");
            }
            try (ResultSet removed = statement.executeQuery("select audit_log_purge(interval '365 days')")) {
                removed.next();
                assertThat(removed.getLong(1)).isGreaterThanOrEqualTo(1);
            }
            assertThat(remaining(statement, subject)).containsExactlyInAnyOrder(subject + "-200", subject + "-100");
            statement.executeQuery("select audit_log_purge(interval '180 days')").close();
            assertThat(remaining(statement, subject)).containsExactly(subject + "-100");
        }
    }

    @Test
    void anEntryNamesTheSourceAddressOfTheRequest() {
        String name = "来源地址测试会议-" + System.nanoTime();
        int id = given().auth().oauth2(Tokens.office()).header("X-Forwarded-For", "192.0.2.55")
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "PEOPLES_CONGRESS", "level", "CITY", "name", name, "year", 2025))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id");
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select source_address, result, actor from audit_log where subject_type = 'session' and subject_id = :id")
                .setParameter("id", String.valueOf(id)).getResultList());
        assertThat(rows).isNotEmpty();
        Object[] row = (Object[]) rows.get(0);
        assertThat(row).containsExactly("192.0.2.55", "SUCCESS", "office-zhang");
    }

    @Test
    void readsOfPersonalDataAndOfGrantsAreAuditedWithTheirResult() {
        long deputy = IntakeFixtures.member("DEPUTY");
        given().auth().oauth2(Tokens.office()).header("X-Forwarded-For", "192.0.2.77").get("/api/v1/members/" + deputy)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.member(deputy)).header("X-Forwarded-For", "192.0.2.78")
                .get("/api/v1/members/987654321").then().statusCode(404);
        String client = PlatformClientFixtures.register(List.of("submissions:read"), List.of(deputy))
                .getString("clientId");
        given().auth().oauth2(Tokens.auditor()).header("X-Forwarded-For", "192.0.2.79")
                .get("/api/v1/platform-clients/" + client).then().statusCode(200);

        assertThat(entries("member.read", String.valueOf(deputy)))
                .containsExactly(List.of("office-zhang", "SUCCESS", "192.0.2.77", "/api/v1/members/" + deputy));
        assertThat(entries("member.read", "987654321"))
                .containsExactly(List.of("member-" + deputy, "DENIED", "192.0.2.78", "/api/v1/members/987654321"));
        assertThat(entries("platform-client.read", client))
                .containsExactly(List.of("auditor-li", "SUCCESS", "192.0.2.79", "/api/v1/platform-clients/" + client));
    }

    private List<List<String>> entries(String action, String subjectId) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select actor, result, source_address, detail from audit_log where action = :action "
                        + "and subject_id = :id order by id").setParameter("action", action)
                .setParameter("id", subjectId).getResultList());
        return rows.stream().map(r -> java.util.Arrays.stream((Object[]) r).map(String::valueOf).toList()).toList();
    }

    private static List<String> remaining(Statement statement, String subject) throws SQLException {
        List<String> ids = new java.util.ArrayList<>();
        try (ResultSet rs = statement.executeQuery("select subject_id from audit_log where subject_id like '" + subject
                + "-%'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
