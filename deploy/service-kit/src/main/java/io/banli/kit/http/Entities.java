package io.banli.kit.http;

import java.io.File;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A response's body as bytes, for the filters that must know it before it is written (ETag, idempotent
 * replay). A JSON entity is serialised with the application's {@code ObjectMapper}, the one the JSON writer
 * uses, so the bytes are the ones the client gets.
 */
@ApplicationScoped
public class Entities {

    @Inject
    ObjectMapper mapper;

    /** Whether the body is JSON that we may serialise here (not a file, stream or text of another type). */
    public static boolean isJson(ContainerResponseContext response) {
        MediaType type = type(response);
        return type != null && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    /**
     * The body's media type. A resource that builds a {@code Response} with an object and no type leaves it
     * open until the writer is chosen; our APIs write such objects as JSON.
     */
    public static MediaType type(ContainerResponseContext response) {
        if (!response.hasEntity()) {
            return null;
        }
        if (response.getMediaType() != null) {
            return response.getMediaType();
        }
        Object entity = response.getEntity();
        boolean opaque = entity instanceof byte[] || entity instanceof CharSequence || entity instanceof InputStream
                || entity instanceof StreamingOutput || entity instanceof File || entity instanceof Path;
        return opaque ? null : MediaType.APPLICATION_JSON_TYPE;
    }

    /**
     * The body as bytes, and the response switched to carry exactly them (a stored answer must be the one
     * sent); null for a body that is neither JSON nor text (a stream, a file), which is left untouched.
     */
    public byte[] serializeInPlace(ContainerResponseContext response) {
        byte[] bytes = serialize(response);
        if (bytes != null && response.hasEntity()
                && !(response.getEntity() instanceof byte[] || response.getEntity() instanceof CharSequence)) {
            response.setEntity(bytes, new Annotation[0], type(response));
        }
        return bytes;
    }

    /** The body as bytes, the response unchanged; null for a body that is neither JSON nor text. */
    public byte[] serialize(ContainerResponseContext response) {
        if (!response.hasEntity()) {
            return new byte[0];
        }
        Object entity = response.getEntity();
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (!isJson(response)) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response body is not serialisable: " + entity.getClass(), e);
        }
    }
}
