package io.banli.intake;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.banli.testing.Tokens;
import io.restassured.http.ContentType;

/** Builds test data through the REST API, as the office would. */
public final class IntakeFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private IntakeFixtures() {
    }

    public static long session(String kind) {
        return ((Number) given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "level", "CITY", "name", "测试会议" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime(),
                        "year", 2025))
                .post("/api/v1/sessions").then().statusCode(201).extract().path("id")).longValue();
    }

    public static long member(String kind) {
        return ((Number) given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "name", "代表" + SEQUENCE.incrementAndGet(), "delegation", "东城区代表团",
                        "phone", "13912345678"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id")).longValue();
    }

    public static Map<String, Object> suggestion(long sessionId, long memberId) {
        return Map.of("kind", "SUGGESTION", "sessionId", sessionId, "title", "关于增加中小学课后服务供给的建议",
                "body", "建议扩大课后服务覆盖面。", "field", "SOCIAL_LIVELIHOOD", "leadProposerId", memberId);
    }
}
