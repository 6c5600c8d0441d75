package io.banli.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.banli.platform.PlatformProcess;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The channels reminders go out on, for real: an SMTP server (GreenMail) and an HTTP endpoint that
 * plays the SMS gateway and an external platform's webhook, both in the test JVM.
 */
@QuarkusTestResource(ReminderChannels.class)
public class ReminderChannels implements QuarkusTestResourceLifecycleManager {

    static GreenMail smtp;
    static HttpServer http;
    static final List<String> SMS = new CopyOnWriteArrayList<>();
    static final List<String> WEBHOOK = new CopyOnWriteArrayList<>();
    /** Every webhook delivery: its Idempotency-Key header and its body. */
    static final List<Map.Entry<String, String>> WEBHOOK_DELIVERIES = new CopyOnWriteArrayList<>();
    /** Units whose webhook reminders the receiver answers only after {@link #SLOW_ANSWER}, without blocking. */
    static final java.util.Set<Long> SLOW_UNITS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Longer than the transaction timeout the tests give the dispatcher (2 s). */
    static final long SLOW_ANSWER = 2_500;
    /** Answers the slow units' webhooks when {@link #SLOW_ANSWER} has passed. */
    private static ScheduledExecutorService later;
    /** The SMS gateway answers 503 this many times to messages for {@link #FAILING_PHONE}. */
    static final AtomicInteger SMS_FAILURES_TO_COME = new AtomicInteger();
    static final String FAILING_PHONE = "13900003301";

    @Override
    public Map<String, String> start() {
        later = Executors.newSingleThreadScheduledExecutor();
        smtp = new GreenMail(new ServerSetup(PlatformProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean failing = body.contains(FAILING_PHONE)
                    && SMS_FAILURES_TO_COME.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            int status = failing ? 503 : 200;
            if (status == 200) {
                SMS.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        http.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (SLOW_UNITS.stream().anyMatch(unit -> body.contains("\"unitId\":" + unit + ","))
                    || SLOW_UNITS.stream().anyMatch(unit -> body.contains("\"unitId\":" + unit + "}"))) {
                // A slow receiver: the answer is scheduled for later and the handler returns at once, so the
                // exchange stays open (the sender waits) while no thread of the test sleeps.
                later.schedule(() -> acceptHook(exchange, body), SLOW_ANSWER, TimeUnit.MILLISECONDS);
            } else {
                acceptHook(exchange, body);
            }
        });
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()),
                "banli.reminders.sms-url", base + "/sms",
                "banli.reminders.webhook-url", base + "/hook");
    }

    private static void acceptHook(HttpExchange exchange, String body) {
        WEBHOOK.add(body);
        WEBHOOK_DELIVERIES.add(Map.entry(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")),
                body));
        try {
            exchange.sendResponseHeaders(202, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void stop() {
        if (later != null) {
            later.shutdownNow();
        }
        if (http != null) {
            http.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }
}
