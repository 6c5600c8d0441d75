package io.banli.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * The portal's webhook endpoint, a real HTTP server on the loopback interface. It verifies each delivery's
 * {@code Banli-Signature} as the integration guide tells a receiver to, and can be made to fail with 503
 * for a number of attempts, as a receiver that is down for a while.
 */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(String eventId, String type, String subject, String body, boolean signatureValid, int answered) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile String secret;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/banli", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("Banli-Signature");
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("ce-id"),
                    exchange.getRequestHeaders().getFirst("ce-type"), exchange.getRequestHeaders().getFirst("ce-subject"),
                    new String(body, StandardCharsets.UTF_8), valid(signature, body), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/banli";
    }

    void trust(String signingSecret) {
        this.secret = signingSecret;
    }

    void failNext(int attempts) {
        failuresLeft.set(attempts);
    }

    List<Delivery> all() {
        return new ArrayList<>(deliveries);
    }

    /** Deliveries this receiver accepted (2xx), of one CloudEvents type. */
    List<Delivery> accepted(String type) {
        return deliveries.stream().filter(d -> d.answered() / 100 == 2 && type.equals(d.type())).toList();
    }

    /** t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "t.body")>[,v1=…], at most five minutes old. */
    private boolean valid(String header, byte[] body) {
        if (header == null || secret == null) {
            return false;
        }
        long t = -1;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return signatures.stream().anyMatch(s -> MessageDigest.isEqual(expected, HexFormat.of().parseHex(s)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
