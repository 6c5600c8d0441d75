package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.assign;
import static io.banli.assignment.AssignmentFixtures.registeredSubmission;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.banli.platform.DevTokens;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The service kit's API conventions as a client meets them: Idempotency-Key on POST, scopes of platform
 * tokens, ETag and If-None-Match, and paging links.
 */
@QuarkusTest
class ApiConventionsTest {

    private static Response addUnit(String token, String key, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", name, "kind", "BUREAU")).post("/api/v1/units");
    }

    private static long unitsNamed(String name) {
        List<String> names = given().auth().oauth2(Tokens.office()).get("/api/v1/units").then().statusCode(200)
                .extract().path("name");
        return names.stream().filter(name::equals).count();
    }

    @Test
    void aRetriedPostWithTheSameKeyReplaysTheFirstAnswerAndCreatesOneUnit() {
        String key = UUID.randomUUID().toString();
        String name = "市水务局-" + key;
        Response first = addUnit(Tokens.office(), key, name);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());

        Response retry = addUnit(Tokens.office(), key, name);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location")).contentType(ContentType.JSON);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(unitsNamed(name)).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherBodyOrPathIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        String name = "市林业局-" + key;
        addUnit(Tokens.office(), key, name).then().statusCode(201);

        addUnit(Tokens.office(), key, name + "-其他").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://banli.dev/problems/idempotency-key-reused"));
        given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("mode", "SOLE", "leadUnitId", 1)).post("/api/v1/submissions/1/assignment")
                .then().statusCode(422).body("type", equalTo("https://banli.dev/problems/idempotency-key-reused"));
        assertThat(unitsNamed(name + "-其他")).isZero();
        assertThat(unitsNamed(name)).isEqualTo(1);
    }

    @Test
    void aRefusalIsReplayedAsTheProblemItWas() {
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/submissions/987654321/sign-for";
        Response first = given().auth().oauth2(Tokens.unitStaff(1)).header("Idempotency-Key", key).post(path);
        first.then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.unitStaff(1)).header("Idempotency-Key", key).post(path)
                .then().statusCode(404).contentType("application/problem+json")
                .header("Idempotent-Replayed", "true").body(equalTo(first.asString()));
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String name = "市审计局-" + key;
        addUnit(Tokens.office(), key, name).then().statusCode(201);
        // The same key from another user is another key: no replay, and no "reused" refusal for another body.
        String anotherOffice = DevTokens.sign("office-liu", "office", Map.of());
        addUnit(anotherOffice, key, name + "-2").then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertThat(unitsNamed(name)).isEqualTo(1);
        assertThat(unitsNamed(name + "-2")).isEqualTo(1);
    }

    @Test
    void aKeyLongerThan255CharactersIsBadInput() {
        String name = "市统计局-" + UUID.randomUUID();
        addUnit(Tokens.office(), "k".repeat(256), name).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://banli.dev/problems/invalid-idempotency-key"))
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertThat(unitsNamed(name)).isZero();
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneUnit() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "市体育局-" + key;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Response>> calls = List.of(1, 2).stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return addUnit(Tokens.office(), key, name);
                    }, pool)).toList();
            List<Response> answers = calls.stream().map(CompletableFuture::join).toList();
            long created = answers.stream()
                    .filter(r -> r.statusCode() == 201 && r.header("Idempotent-Replayed") == null).count();
            assertThat(created).isEqualTo(1);
            assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
            answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> r.then()
                    .body("type", equalTo("https://banli.dev/problems/idempotency-key-in-use")));
        } finally {
            pool.shutdown();
        }
        assertThat(unitsNamed(name)).isEqualTo(1);
    }

    @Test
    void aPlatformNeedsTheScopeOfTheOperation() {
        long member = 4242L;
        given().auth().oauth2(Tokens.platform("narrow-portal", member, "submissions:read")).get("/api/v1/my-items")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://banli.dev/problems/insufficient-scope"))
                .body("detail", containsString("progress:read"));
        given().auth().oauth2(Tokens.platform("narrow-portal", member, "progress:read")).get("/api/v1/my-items")
                .then().statusCode(200);
        // People's roles have no scopes and are not affected.
        given().auth().oauth2(Tokens.member(member)).get("/api/v1/my-items").then().statusCode(200);
    }

    @Test
    void aPlatformIsRefusedWhereNoScopeOpensTheOperation() {
        // Units may be read by any role, but no scope grants them to platforms: refused, whatever the token holds.
        given().auth().oauth2(Tokens.platform()).get("/api/v1/units")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://banli.dev/problems/insufficient-scope"));
        given().auth().oauth2(Tokens.office()).get("/api/v1/units").then().statusCode(200);
    }

    @Test
    void anUnchangedBoardPageIsNotSentAgain() {
        long unit = unit("市商务局");
        assign(registeredSubmission(), "SOLE", unit);
        String board = "/api/v1/board?unitId=" + unit;
        String tag = given().auth().oauth2(Tokens.office()).get(board).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        assertThat(tag).startsWith("W/\"");

        given().auth().oauth2(Tokens.office()).header("If-None-Match", tag).get(board)
                .then().statusCode(304).body(emptyString());

        assign(registeredSubmission(), "SOLE", unit);
        String changed = given().auth().oauth2(Tokens.office()).header("If-None-Match", tag).get(board)
                .then().statusCode(200).body("total", equalTo(2)).extract().header("ETag");
        assertThat(changed).isNotEqualTo(tag);
    }

    @Test
    void aPageOfTheBoardLinksToItsNeighbours() {
        long unit = unit("市司法局");
        for (int i = 0; i < 3; i++) {
            assign(registeredSubmission(), "SOLE", unit);
        }
        Response middle = given().auth().oauth2(Tokens.office())
                .get("/api/v1/board?unitId=" + unit + "&size=1&page=1");
        middle.then().statusCode(200).header("X-Total-Count", "3").body("items.size()", equalTo(1));
        String links = middle.header("Link");
        assertThat(links)
                .contains("page=0", "rel=\"first\"", "rel=\"prev\"", "rel=\"next\"", "rel=\"last\"")
                .contains("unitId=" + unit)
                .containsPattern("[?&]page=2[^>]*>; rel=\"next\"")
                .containsPattern("[?&]page=2[^>]*>; rel=\"last\"")
                .containsPattern("[?&]page=0[^>]*>; rel=\"prev\"");

        String lastPage = given().auth().oauth2(Tokens.office()).get("/api/v1/board?unitId=" + unit + "&size=1&page=2")
                .then().statusCode(200).extract().header("Link");
        assertThat(lastPage).doesNotContain("rel=\"next\"");
    }
}
