package io.banli.kit.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.banli.kit.http.Entities;
import io.banli.kit.problem.Problems;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code Idempotency-Key} on every POST (IETF draft "The Idempotency-Key HTTP Header Field"): a client that
 * lost the answer retries with the same key and gets the first answer again, with
 * {@code Idempotent-Replayed: true}, instead of a second submission. Keys belong to the caller (the token's
 * principal); a request without the header is not affected.
 *
 * <p>Why filters, and why this is safe in Quarkus REST: our resources are blocking (they return plain types and
 * run on a worker thread), and for a blocking method Quarkus REST runs the resource's request filters after the
 * switch to the worker thread and after the role check, so this filter may block on JDBC. It reserves the key
 * in its own short transaction, committed before the resource starts: a concurrent retry then sees the
 * reservation (409) and the primary key decides a race of two first attempts. The body is read from the entity
 * stream, hashed and put back as a buffered stream for the resource to deserialise (form bodies are left
 * alone: reading them here would take them away from the form parser). The response filter runs after the
 * resource's {@code @Transactional} method has committed, on the same worker thread; it serialises the entity
 * once with the application's {@code ObjectMapper}, answers with those bytes and stores the same bytes, so a
 * replay is byte for byte the first answer (a body that is a stream or file is not stored: only its status and
 * headers are replayed; no POST of ours answers one). A crash between the resource's commit and the store leaves the key
 * reserved: retries get 409 until the key expires, never a second execution. A 5xx is not stored: the
 * reservation is released and a retry runs again.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    private static final String RESERVED = IdempotencyFilter.class.getName() + ".reserved";

    private record Reservation(String principal, String key) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    IdempotencyKeys keys;

    @Inject
    Entities entities;

    /** After authentication, role, scope and rate checks, so a refused request reserves nothing. */
    @ServerRequestFilter(priority = Priorities.USER - 100)
    public Optional<Response> reserve(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (!HttpMethod.POST.equals(request.getMethod()) || key == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Optional.of(Problems.badInput("invalid-idempotency-key", HEADER, "header",
                    "must be 1 to " + MAX_KEY_LENGTH + " characters").toResponse());
        }
        String principal = identity.getPrincipal().getName();
        String path = request.getUriInfo().getRequestUri().getRawPath()
                + Optional.ofNullable(request.getUriInfo().getRequestUri().getRawQuery()).map(q -> "?" + q).orElse("");
        String hash = hash(request);
        Optional<StoredKey> existing = keys.reserve(principal, key, request.getMethod(), path, hash);
        if (existing.isEmpty()) {
            request.setProperty(RESERVED, new Reservation(principal, key));
            return Optional.empty();
        }
        StoredKey first = existing.get();
        if (!first.sameRequest(request.getMethod(), path, hash)) {
            return Optional.of(Problems.unprocessable("idempotency-key-reused", "The Idempotency-Key " + key
                    + " was used for a different request (another path or body); use a new key.").toResponse());
        }
        if (!first.completed()) {
            return Optional.of(Problems.problem(409, "idempotency-key-in-use", "Conflict", "The request with the "
                    + "Idempotency-Key " + key + " is still being processed; retry later.").toResponse());
        }
        Response.ResponseBuilder replay = Response.status(first.status()).header(REPLAYED, "true");
        if (first.body() != null && first.body().length > 0) {
            replay.entity(first.body()).type(first.contentType());
        }
        if (first.location() != null) {
            replay.header(HttpHeaders.LOCATION, first.location());
        }
        return Optional.of(replay.build());
    }

    @ServerResponseFilter
    public void store(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(RESERVED) instanceof Reservation reservation)) {
            return;
        }
        request.removeProperty(RESERVED);
        if (response.getStatus() >= 500) {
            keys.release(reservation.principal(), reservation.key());
            return;
        }
        MediaType type = Entities.type(response);
        byte[] body = entities.serializeInPlace(response);
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        keys.complete(reservation.principal(), reservation.key(), response.getStatus(), body,
                type == null ? null : type.toString(), location == null ? null : location.toString());
    }

    private static String hash(ContainerRequestContext request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            MediaType type = request.getMediaType();
            if (type != null && (type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                    || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE))) {
                // Only the length identifies a form body here; the form parser must be the one to read it.
                sha256.update(("form:" + request.getLength()).getBytes(StandardCharsets.UTF_8));
            } else if (request.hasEntity()) {
                byte[] body = request.getEntityStream().readAllBytes();
                request.setEntityStream(new ByteArrayInputStream(body));
                sha256.update(body);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
