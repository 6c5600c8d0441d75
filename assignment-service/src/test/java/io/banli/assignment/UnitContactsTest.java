package io.banli.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A unit's liaison officer and head are personal data: whole for the office and the unit, masked for others. */
@QuarkusTest
class UnitContactsTest {

    @Test
    void phonesAreMaskedForEveryoneButTheOfficeAndTheUnit() {
        String name = "市退役军人事务局-" + System.nanoTime();
        long unit = ((Number) given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "BUREAU",
                        "liaison", Map.of("name", "陈晓", "phone", "13900001234"),
                        "head", Map.of("name", "周海", "phone", "13900005678")))
                .post("/api/v1/units").then().statusCode(201).body("liaison.phone", equalTo("13900001234"))
                .extract().path("id")).longValue();
        given().auth().oauth2(Tokens.unitStaff(unit)).get("/api/v1/units/" + unit).then()
                .body("head.phone", equalTo("13900005678"));
        given().auth().oauth2(Tokens.unitStaff(unit + 1)).get("/api/v1/units/" + unit).then()
                .body("liaison.phone", equalTo("139****1234")).body("liaison.name", equalTo("陈晓"));
        given().auth().oauth2(Tokens.member(1)).get("/api/v1/units/" + unit).then()
                .body("head.phone", equalTo("139****5678"));
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(Map.of("name", name + "x", "kind", "BUREAU", "liaison", Map.of("name", "陈晓", "phone", "电话")))
                .post("/api/v1/units").then().statusCode(400).contentType("application/problem+json");
    }
}
