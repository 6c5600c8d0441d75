package io.banli.supervision.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class WorkingDayCalendarTest {

    @Test
    void theSpringFestivalOf2025IsSkippedAndItsMakeUpSundayAndSaturdayCount() {
        // Fri 24 Jan + 3: Sun 26 Jan is worked (调休), Mon 27 Jan, then 28 Jan–4 Feb off, so Wed 5 Feb.
        add("2025-01-24", 3).body("to", equalTo("2025-02-05")).body("warnings", empty());
        // Fri 7 Feb + 1 is Sat 8 Feb, a make-up working day.
        add("2025-02-07", 1).body("to", equalTo("2025-02-08"));
    }

    @Test
    void theNationalDayWeekOf2025CountsSeptember28AndOctober11() {
        between("2025-09-26", "2025-10-13").body("workingDays", equalTo(7));
        between("2025-10-13", "2025-09-26").body("workingDays", equalTo(-7));
    }

    @Test
    void the2026CalendarIsShippedToo() {
        // Fri 13 Feb 2026 + 1 is Sat 14 Feb, worked before the Spring Festival (15–23 Feb off).
        add("2026-02-13", 1).body("to", equalTo("2026-02-14"));
        add("2026-02-14", 1).body("to", equalTo("2026-02-24"));
        given().auth().oauth2(Tokens.unitStaff(1)).get("/api/v1/calendar/2026").then().statusCode(200)
                .body("days.find { it.date == '2026-10-10' }.isOffDay", equalTo(false));
    }

    @Test
    void aYearWithoutCalendarIsAnsweredWithAnExplicitWarning() {
        add("2030-12-31", 1).body("to", equalTo("2031-01-01"))
                .body("warnings", hasSize(1)).body("warnings[0]", containsString("2031"));
        given().auth().oauth2(Tokens.office()).get("/api/v1/calendar/2031").then().statusCode(404)
                .body("type", equalTo("https://banli.dev/problems/calendar-missing"));
    }

    @Test
    void theOfficeLoadsNextYearInOneCallAndTheArithmeticFollows() {
        add("2027-01-01", 1).body("to", equalTo("2027-01-04")).body("warnings", hasSize(1));
        load(2027, List.of(day("2027-01-01", "元旦", true), day("2027-01-04", "元旦", true)))
                .statusCode(200).body("version", equalTo(1));
        add("2027-01-01", 1).body("to", equalTo("2027-01-05")).body("warnings", empty());

        load(2027, List.of(day("2027-01-01", "元旦", true))).statusCode(200).body("version", equalTo(2));
        add("2027-01-01", 1).body("to", equalTo("2027-01-04"));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/calendar/2027").then()
                .body("version", equalTo(2)).body("days.date", contains("2027-01-01"));
    }

    @Test
    void badCalendarsAreRefusedAndChangeNothing() {
        load(2028, List.of(day("2028-01-03", "元旦", true))).statusCode(200);
        load(2028, Map.of("year", 2029, "days", List.of())).statusCode(422)
                .body("type", equalTo("https://banli.dev/problems/year-mismatch"));
        load(2028, List.of(day("2029-01-01", "元旦", true))).statusCode(422)
                .body("type", equalTo("https://banli.dev/problems/date-outside-year"));
        load(2028, List.of(day("2028-01-03", "元旦", true), day("2028-01-03", "元旦", true))).statusCode(422)
                .body("type", equalTo("https://banli.dev/problems/duplicate-day"));
        load(2028, List.of(day("2028-02-30", "春节", true))).statusCode(400)
                .body("violations[0].field", containsString("date"));
        load(2028, List.of(Map.of("date", "2028-01-28", "name", "春节"))).statusCode(400)
                .body("violations[0].field", containsString("isOffDay"));
        given().auth().oauth2(Tokens.unitHead(1)).contentType(ContentType.JSON)
                .body(Map.of("year", 2028, "days", List.of())).put("/api/v1/calendar/2028").then().statusCode(403);

        given().auth().oauth2(Tokens.office()).get("/api/v1/calendar/2028").then()
                .body("version", equalTo(1)).body("days.date", contains("2028-01-03"));
    }

    @Test
    void badArithmeticQueriesNameTheParameter() {
        given().auth().oauth2(Tokens.office()).queryParam("from", "2025-13-01").queryParam("days", 3)
                .get("/api/v1/calendar/working-days").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.office()).queryParam("from", "2025-01-01").queryParam("days", -1)
                .get("/api/v1/calendar/working-days").then().statusCode(400);
        given().get("/api/v1/calendar/working-days").then().statusCode(401);
    }

    static Map<String, Object> day(String date, String name, boolean off) {
        return Map.of("date", date, "name", name, "isOffDay", off);
    }

    static ValidatableResponse load(int year, List<Map<String, Object>> days) {
        return load(year, Map.of("year", year, "days", days));
    }

    static ValidatableResponse load(int year, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/calendar/" + year).then();
    }

    static ValidatableResponse add(String from, int days) {
        return given().auth().oauth2(Tokens.office()).queryParam("from", from).queryParam("days", days)
                .get("/api/v1/calendar/working-days").then().statusCode(200);
    }

    static ValidatableResponse between(String from, String to) {
        return given().auth().oauth2(Tokens.office()).queryParam("from", from).queryParam("to", to)
                .get("/api/v1/calendar/working-days/between").then().statusCode(200);
    }
}
