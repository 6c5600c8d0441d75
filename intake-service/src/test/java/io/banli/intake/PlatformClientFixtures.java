package io.banli.intake;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.banli.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Registers platform clients as the office does and asks for their tokens as a platform does. */
final class PlatformClientFixtures {

    private PlatformClientFixtures() {
    }

    /** The registration of a portal with the given scopes, acting for the given members. */
    static Map<String, Object> registration(List<String> scopes, List<Long> memberIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "测试区代表履职平台");
        body.put("owner", "区人大常委会代表工作室");
        body.put("contactName", "赵敏");
        body.put("contactEmail", "zhaomin@example.com");
        body.put("scopes", scopes);
        body.put("allMembers", false);
        body.put("memberIds", memberIds);
        return body;
    }

    /** Registers a client; the answer carries {@code clientId} and the one-time {@code clientSecret}. */
    static JsonPath register(List<String> scopes, List<Long> memberIds) {
        return given().auth().oauth2(Tokens.office()).contentType(ContentType.JSON)
                .body(registration(scopes, memberIds)).post("/api/v1/platform-clients")
                .then().statusCode(201).extract().jsonPath();
    }

    /** A token request authenticated by HTTP Basic. */
    static Response tokenByBasic(String clientId, String secret, Map<String, String> form) {
        Map<String, String> fields = new HashMap<>(form);
        fields.putIfAbsent("grant_type", "client_credentials");
        return given().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParams(fields).post("/api/v1/oauth2/token");
    }

    /** A token request authenticated by the form fields client_id and client_secret. */
    static Response tokenByForm(String clientId, String secret, Map<String, String> form) {
        Map<String, String> fields = new HashMap<>(form);
        fields.putIfAbsent("grant_type", "client_credentials");
        fields.put("client_id", clientId);
        fields.put("client_secret", secret);
        return given().contentType(ContentType.URLENC).formParams(fields).post("/api/v1/oauth2/token");
    }

    /** The access token of a successful request. */
    static String accessToken(String clientId, String secret, Map<String, String> form) {
        return tokenByBasic(clientId, secret, form).then().statusCode(200).extract().path("access_token");
    }

    /** The claims of a token, read without checking it (the services check it). */
    static JsonPath claims(String token) {
        String payload = token.split("\\.")[1];
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static long version(String clientId) {
        return ((Number) given().auth().oauth2(Tokens.office()).get("/api/v1/platform-clients/" + clientId)
                .then().statusCode(200).extract().path("version")).longValue();
    }
}
