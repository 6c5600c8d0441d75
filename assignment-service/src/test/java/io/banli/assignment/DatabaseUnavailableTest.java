package io.banli.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.banli.kit.problem.Problems;
import io.banli.testing.DatabaseOutage;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A request that meets the database away (a restart, a failover, a pool without a free connection) failed through no
 * fault of its own: 503 problem+json with {@code Retry-After}, never a 500, and nothing of it is kept. The client's
 * retry with the same idempotency key, once the database is back, applies it once.
 */
@QuarkusTest
class DatabaseUnavailableTest {

    @Test
    void whileTheDatabaseRefusesConnectionsRequestsAre503AndTheRetryAfterItAppliesOnce() {
        String name = "市数据局-" + System.nanoTime();
        String key = UUID.randomUUID().toString();
        try (DatabaseOutage outage = DatabaseOutage.begin(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class))) {
            given().auth().oauth2(Tokens.office()).get("/api/v1/units").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "1")
                    .body("type", equalTo(Problems.TYPE_BASE + "database-unavailable")).body("status", equalTo(503));
            addUnit(key, name).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "1");
        }
        // What a client does with Retry-After: asks again until the database answers.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.office())
                .get("/api/v1/units").then().statusCode(200));
        addUnit(key, name).then().statusCode(201).body("name", equalTo(name));
        List<Object> named = given().auth().oauth2(Tokens.office()).get("/api/v1/units").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.name == '" + name + "' }");
        assertThat(named).hasSize(1);
    }

    private static Response addUnit(String key, String name) {
        return given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", name, "kind", "BUREAU")).post("/api/v1/units");
    }
}
