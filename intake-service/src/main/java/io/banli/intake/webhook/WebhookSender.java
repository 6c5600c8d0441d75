package io.banli.intake.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;

/**
 * POSTs one delivery as a CloudEvent in HTTP binary mode, signed; says what came back. The callback is checked
 * again ({@link CallbackRule}) and the connection goes to the very address that was checked, so a name that
 * resolves elsewhere between check and connect (DNS rebinding) gains nothing; TLS still verifies the certificate
 * against the host name. Only the status line is read: a redirect is an answer like any other non-2xx, never
 * followed. Whatever keeps an answer from coming (refused, timed out, not allowed, TLS) is recorded with one
 * message, so delivery rows tell a platform nothing about the network behind its URL.
 */
@ApplicationScoped
class WebhookSender {

    /** The only words a delivery row has for an attempt that got no HTTP answer. */
    static final String NO_ANSWER = "no answer from the callback URL";
    private static final int MAX_STATUS_LINE = 8192;

    /** What an attempt gave: a status code, or the error that stood in for one. */
    record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Inject
    Clock clock;

    @Inject
    CallbackRule callbacks;

    @Inject
    SecretCipher cipher;

    @ConfigProperty(name = "banli.webhooks.timeout", defaultValue = "10s")
    Duration timeout;

    @ConfigProperty(name = "banli.webhooks.connect-timeout", defaultValue = "5s")
    Duration connectTimeout;

    Outcome send(WebhookSubscription subscription, WebhookDelivery delivery) {
        Instant now = clock.instant();
        try {
            CallbackRule.Target target = callbacks.check(subscription.callbackUrl);
            String signature = WebhookSignature.header(now.getEpochSecond(), delivery.body,
                    cipher.open(subscription.secret()),
                    subscription.previousSecret(now).map(cipher::open).orElse(null));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("ce-specversion", "1.0");
            headers.put("ce-id", delivery.eventId);
            headers.put("ce-type", delivery.eventType);
            headers.put("ce-source", delivery.eventSource);
            headers.put("ce-subject", delivery.submissionId == null ? "" : String.valueOf(delivery.submissionId));
            headers.put("ce-time", delivery.eventTime.toString());
            headers.put("Content-Type", "application/json");
            headers.put("Banli-Webhook-Id", String.valueOf(subscription.id));
            headers.put("Banli-Delivery-Id", String.valueOf(delivery.id));
            headers.put("Banli-Signature", signature);
            int status = post(target, headers, delivery.body.getBytes(StandardCharsets.UTF_8));
            return new Outcome(status, status / 100 == 2 ? null : "the receiver answered " + status);
        } catch (CallbackRule.Refused e) {
            Log.warnf("Webhook delivery %d of subscription %d not sent: the callback URL %s", delivery.id,
                    subscription.id, e.getMessage());
        } catch (IOException | RuntimeException e) {
            Log.infof("Webhook delivery %d of subscription %d failed: %s", delivery.id, subscription.id,
                    e.getClass().getSimpleName());
        }
        return new Outcome(null, NO_ANSWER);
    }

    /** One HTTP/1.1 request on a fresh connection to the checked address; the answer's status code. */
    private int post(CallbackRule.Target target, Map<String, String> headers, byte[] body) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(target.address(), target.port()), (int) connectTimeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            Socket socket = target.https() ? tls(plain, target) : plain;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head(target, headers, body.length).getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
                return status(socket.getInputStream(), deadline);
            } finally {
                socket.close();
            }
        }
    }

    private static Socket tls(Socket plain, CallbackRule.Target target) throws IOException {
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain,
                target.host(), target.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!target.host().matches("[0-9.]+|.*:.*")) {
            parameters.setServerNames(List.of(new SNIHostName(target.host())));
        }
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    private static String head(CallbackRule.Target target, Map<String, String> headers, int length) {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.uri().getRawAuthority()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(headerValue(value)).append("\r\n"));
        return head.append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n\r\n").toString();
    }

    /** Event ids and types come from other services' records: no line breaks may reach the request head. */
    private static String headerValue(String value) {
        return value == null ? "" : value.replaceAll("[\\x00-\\x1f\\x7f]", "");
    }

    /** The status code of {@code HTTP/1.x NNN ...}; nothing else of the answer is read. */
    private static int status(InputStream in, long deadline) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line.length() >= MAX_STATUS_LINE || System.nanoTime() > deadline) {
                throw new IOException("no status line");
            }
            line.append((char) c);
        }
        String[] parts = line.toString().trim().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
            throw new IOException("not an HTTP answer");
        }
        return Integer.parseInt(parts[1]);
    }
}
