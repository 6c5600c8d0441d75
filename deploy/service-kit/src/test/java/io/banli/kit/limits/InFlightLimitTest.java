package io.banli.kit.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Load shedding on a real HTTP server: two requests in flight allowed, the third answered 503 at once. */
class InFlightLimitTest {

    Vertx vertx;
    HttpServer server;
    InFlightLimit limit;
    /** Requests the slow route holds until the test lets them finish. */
    final List<RoutingContext> held = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        limit = new InFlightLimit();
        limit.maxInFlight = 2;
        limit.install(router);
        router.get("/api/slow").handler(held::add);
        router.get("/api/quick").handler(c -> c.response().end("ok"));
        router.get("/q/health/ready").handler(c -> c.response().end("UP"));
        server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void beyondTheLimitARequestIsAnswered503AtOnceAndHealthStillAnswers() throws Exception {
        CompletableFuture<HttpResponse<String>> first = send("/api/slow");
        CompletableFuture<HttpResponse<String>> second = send("/api/slow");
        waitUntil(() -> held.size() == 2);
        assertThat(limit.inFlight()).isEqualTo(2);

        HttpResponse<String> shed = send("/api/quick").get(10, TimeUnit.SECONDS);
        assertThat(shed.statusCode()).isEqualTo(503);
        assertThat(shed.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(shed.headers().firstValue("Retry-After")).contains("1");
        assertThat(shed.body()).contains("\"type\":\"https://banli.dev/problems/overloaded\"", "\"status\":503");
        assertThat(limit.inFlight()).as("a shed request is not counted").isEqualTo(2);

        assertThat(send("/q/health/ready").get(10, TimeUnit.SECONDS).statusCode()).as("probes are never shed")
                .isEqualTo(200);

        held.forEach(c -> vertx.runOnContext(v -> c.response().end("done")));
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        waitUntil(() -> limit.inFlight() == 0);
        assertThat(send("/api/quick").get(10, TimeUnit.SECONDS).statusCode()).as("admitted again").isEqualTo(200);
    }

    private CompletableFuture<HttpResponse<String>> send(String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(condition);
    }
}
