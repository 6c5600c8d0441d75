package io.banli.intake;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;

import io.banli.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Builds test data through the REST API, as the office, a member or a portal would. */
public final class IntakeFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private IntakeFixtures() {
    }

    /** A connection as the migrations' owner (who may ANALYZE or read the audit log's protections), not the service. */
    public static Connection databaseOwner() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getOptionalValue("quarkus.flyway.password", String.class).orElse(""));
    }

    public static long session(String kind) {
        return session(kind, Map.of());
    }

    /** A session with extra attributes, e.g. its intake window. */
    public static long session(String kind, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "level", "CITY",
                "name", "测试会议" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime(), "year", 2025));
        body.putAll(extra);
        return ((Number) given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id")).longValue();
    }

    public static long member(String kind) {
        return ((Number) given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "name", "代表" + SEQUENCE.incrementAndGet(), "delegation", "东城区代表团",
                        "phone", "13912345678", "email", "daibiao@example.com", "address", "北京市东城区和平里街道1号"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id")).longValue();
    }

    public static Map<String, Object> suggestion(long sessionId, long memberId) {
        return Map.of("kind", "SUGGESTION", "sessionId", sessionId, "title", "关于增加中小学课后服务供给的建议",
                "body", "建议扩大课后服务覆盖面。", "field", "SOCIAL_LIVELIHOOD", "leadProposerId", memberId);
    }

    /** The office files and registers a suggestion in one step; returns its id. */
    public static long registered(long sessionId, long memberId) {
        return registered(sessionId, memberId, "关于增加中小学课后服务供给的建议");
    }

    public static long registered(long sessionId, long memberId, String title) {
        Map<String, Object> body = new HashMap<>(suggestion(sessionId, memberId));
        body.put("title", title);
        return ((Number) as(Tokens.office()).body(body).post("/api/v1/submissions")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    /** A portal's token acting for one member. */
    public static String portalFor(long memberId) {
        return Tokens.platformFor(memberId);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static Map<String, Object> draft(long sessionId, String title) {
        return Map.of("kind", "SUGGESTION", "sessionId", sessionId, "title", title,
                "body", "建议扩大课后服务覆盖面，引入优质社会资源。", "field", "SOCIAL_LIVELIHOOD");
    }

    /** A member drafts and files a suggestion (no co-signers); returns its id, state RECEIVED. */
    public static long received(long sessionId, long memberId) {
        return received(sessionId, memberId, "关于增加中小学课后服务供给的建议");
    }

    public static long received(long sessionId, long memberId, String title) {
        long id = ((Number) as(Tokens.member(memberId)).body(draft(sessionId, title))
                .post("/api/v1/drafts").then().statusCode(201).extract().path("id")).longValue();
        as(Tokens.member(memberId)).body(Map.of("version", 0)).post("/api/v1/drafts/" + id + "/filing")
                .then().statusCode(200);
        return id;
    }

    public static long version(long id) {
        return ((Number) given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/" + id)
                .then().statusCode(200).extract().path("version")).longValue();
    }

    public static Map<String, Object> versioned(long id, Object... keyValues) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version(id));
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    public static List<String> auditDetails(long submissionId) {
        return given().auth().oauth2(Tokens.auditor()).queryParam("subjectType", "submission")
                .queryParam("subjectId", submissionId).get("/api/v1/audit-log").then().statusCode(200)
                .extract().jsonPath().getList("detail");
    }
}
