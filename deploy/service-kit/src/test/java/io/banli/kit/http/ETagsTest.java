package io.banli.kit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The weak ETag of a JSON answer and the 304 it allows, on a request and a response the test builds. */
class ETagsTest {

    /** SHA-256 of {@code {"id":1}}, its first 16 bytes in base64url, computed outside Java. */
    static final String TAG_OF_ID_1 = "W/\"A3ySFO73TMOIfzpPCFtOFw\"";
    static final byte[] JSON_OF_ID_1 = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

    final ETags etags = new ETags();

    ETagsTest() {
        etags.entities = new Entities();
        etags.entities.mapper = new ObjectMapper();
    }

    /** What the filter reads of a request and does to a response, and nothing else. */
    static final class Exchange {
        final String method;
        final String ifNoneMatch;
        int status;
        Object entity;
        final MediaType type;
        final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        Exchange(String method, String ifNoneMatch, int status, Object entity, MediaType type) {
            this.method = method;
            this.ifNoneMatch = ifNoneMatch;
            this.status = status;
            this.entity = entity;
            this.type = type;
        }

        ContainerRequestContext request() {
            return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getMethod" -> this.method;
                        case "getHeaderString" -> "If-None-Match".equalsIgnoreCase((String) args[0]) ? ifNoneMatch : null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        ContainerResponseContext response() {
            return (ContainerResponseContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ContainerResponseContext.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getStatus" -> status;
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "hasEntity" -> entity != null;
                        case "getEntity" -> entity;
                        case "setEntity" -> {
                            entity = args[0];
                            yield null;
                        }
                        case "getMediaType" -> type;
                        case "getHeaders" -> headers;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        Exchange through(ETags etags) {
            etags.tag(request(), response());
            return this;
        }
    }

    @Test
    void aJsonAnswerToAGetCarriesAWeakTagOfItsBody() {
        Exchange answer = new Exchange("GET", null, 200, Map.of("id", 1), MediaType.APPLICATION_JSON_TYPE).through(etags);
        assertThat(answer.headers.getFirst("ETag")).isEqualTo(TAG_OF_ID_1);
        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.entity).as("the bytes hashed are the bytes sent").isEqualTo(JSON_OF_ID_1);
    }

    @Test
    void theTagSentBackGivesA304WithoutBody() {
        Exchange unchanged = new Exchange("GET", TAG_OF_ID_1, 200, Map.of("id", 1), null).through(etags);
        assertThat(unchanged.status).isEqualTo(304);
        assertThat(unchanged.entity).isNull();
        assertThat(unchanged.headers.getFirst("ETag")).as("a 304 still names the tag").isEqualTo(TAG_OF_ID_1);

        Exchange changed = new Exchange("GET", TAG_OF_ID_1, 200, Map.of("id", 2), null).through(etags);
        assertThat(changed.status).isEqualTo(200);
        assertThat(changed.entity).isEqualTo("{\"id\":2}".getBytes(StandardCharsets.UTF_8));
        assertThat(changed.headers.getFirst("ETag")).isNotEqualTo(TAG_OF_ID_1);
    }

    @Test
    void writesOtherStatusesAndFilesAreLeftAlone() {
        assertThat(new Exchange("POST", null, 200, Map.of("id", 1), null).through(etags).headers).isEmpty();
        assertThat(new Exchange("GET", null, 201, Map.of("id", 1), null).through(etags).headers).isEmpty();
        assertThat(new Exchange("GET", null, 200, "a,b\n", new MediaType("text", "csv")).through(etags).headers)
                .isEmpty();
        assertThat(new Exchange("GET", null, 200, new byte[] {1, 2}, null).through(etags).headers)
                .as("bytes of no declared type").isEmpty();
        assertThat(new Exchange("GET", null, 200, Map.of("type", "x"), new MediaType("application", "problem+json"))
                .through(etags).headers.getFirst("ETag")).as("any +json type is JSON").isNotNull();
    }

    @Test
    void theComparisonIsWeak() {
        String tag = "W/\"abc\"";
        assertThat(ETags.matches("W/\"abc\"", tag)).isTrue();
        assertThat(ETags.matches("\"abc\"", tag)).as("the strong form of the same tag").isTrue();
        assertThat(ETags.matches("\"x\", W/\"abc\"", tag)).as("one of a list").isTrue();
        assertThat(ETags.matches("*", tag)).isTrue();
        assertThat(ETags.matches("W/\"abd\"", tag)).isFalse();
        assertThat(ETags.matches("abc", tag)).as("an unquoted value is another tag").isFalse();
        assertThat(ETags.matches(null, tag)).isFalse();
    }
}
