package io.banli.kit.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A weak {@code ETag} on every 200 JSON answer to a GET, from the serialised body, and 304 without a body when
 * the client's {@code If-None-Match} names it: a portal that polls a submission or a page of the board
 * downloads it only when it changed. Weak, because it identifies the JSON, not the bytes of any encoding the
 * server may add. Files and streams (PDF, XLSX, CSV) are left alone: hashing them would mean buffering them.
 *
 * <p>The bytes hashed are the bytes sent: the body is serialised once, here, and the response carries them from
 * then on (Flight Recorder found the writer's second serialisation at 6 % of a read's CPU). So this filter runs
 * after every other response filter (response filters run from the highest priority down), when no filter is
 * left to read the entity as an object ({@code PagingLinks} reads the page).
 */
public class ETags {

    @Inject
    Entities entities;

    @ServerResponseFilter(priority = Priorities.USER - 1000)
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200
                || !Entities.isJson(response)) {
            return;
        }
        byte[] body = entities.serializeInPlace(response);
        if (body == null) {
            return;
        }
        String tag = "W/\"" + digest(body) + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    /** Weak comparison (RFC 9110 section 13.1.2): the {@code W/} prefix does not matter. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = tag.substring(2);
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .anyMatch(t -> "*".equals(t) || opaque.equals(t.startsWith("W/") ? t.substring(2) : t));
    }

    private static String digest(byte[] body) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
