package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.banli.intake.IntakeFixtures.suggestion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Each read of personal data, of a grant or of a confidential item leaves exactly one audit entry (who, what, result,
 * source address), written before the answer is sent: checked right after each answer, without waiting. Refusals
 * count too, including those made before the operation runs (a role that may not call it: 403).
 */
@QuarkusTest
class AuditedReadsTest {

    /** Each request comes from an address of its own, so its entries can be told apart. */
    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Inject
    EntityManager em;

    @Test
    void readsOfGrantsLeaveOneEntryEachAllowedOrRefused() {
        long deputy = member("DEPUTY");
        String client = PlatformClientFixtures.register(List.of("submissions:read"), List.of(deputy))
                .getString("clientId");
        String calls = "/api/v1/platform-clients/" + client + "/calls";

        assertThat(read(Tokens.office(), calls, 200)).containsExactly(
                List.of("platform-client.read", client, "office-zhang", "SUCCESS", calls));
        assertThat(read(Tokens.auditor(), "/api/v1/platform-clients/" + client, 200)).containsExactly(
                List.of("platform-client.read", client, "auditor-li", "SUCCESS", "/api/v1/platform-clients/" + client));
        // Refused before the operation runs (the role may not call it): still one entry, DENIED.
        assertThat(read(Tokens.member(deputy), calls, 403)).containsExactly(
                List.of("platform-client.read", client, "member-" + deputy, "DENIED", calls));
        assertThat(read(Tokens.unitStaff(1), "/api/v1/platform-clients", 403)).containsExactly(
                List.of("platform-client.read", "*", "staff-of-unit-1", "DENIED", "/api/v1/platform-clients"));
        assertThat(read(Tokens.office(), "/api/v1/platform-clients/pc-nobody/calls", 404)).containsExactly(
                List.of("platform-client.read", "pc-nobody", "office-zhang", "DENIED",
                        "/api/v1/platform-clients/pc-nobody/calls"));
        // A platform reading its own registration.
        String token = IntegrationFixtures.token(client, "submissions:read", null);
        assertThat(read(token, "/api/v1/platform-clients/me", 200)).containsExactly(
                List.of("platform-client.read", "*", client, "SUCCESS", "/api/v1/platform-clients/me"));
    }

    @Test
    void readsOfMembersPersonalDataLeaveOneEntryEach() {
        long deputy = member("DEPUTY");
        String record = "/api/v1/members/" + deputy;
        assertThat(read(Tokens.member(deputy), record, 200)).containsExactly(
                List.of("member.read", String.valueOf(deputy), "member-" + deputy, "SUCCESS", record));
        assertThat(read(Tokens.unitHead(1), record, 403)).containsExactly(
                List.of("member.read", String.valueOf(deputy), "head-of-unit-1", "DENIED", record));
        assertThat(read(Tokens.leader(), "/api/v1/members", 403)).containsExactly(
                List.of("member.read", "*", "leader-wang", "DENIED", "/api/v1/members"));
        assertThat(read(Tokens.office(), "/api/v1/members", 200)).containsExactly(
                List.of("member.read", "*", "office-zhang", "SUCCESS", "/api/v1/members"));
    }

    @Test
    void readsOfAConfidentialItemLeaveOneEntryEachAndOrdinaryItemsNone() {
        long session = session("PEOPLES_CONGRESS");
        long proposer = member("DEPUTY");
        long stranger = member("DEPUTY");
        Map<String, Object> body = new HashMap<>(suggestion(session, proposer));
        body.put("confidential", true);
        body.put("confidentiality", "PRIVATE");
        long secret = ((Number) as(Tokens.office()).body(body).post("/api/v1/submissions").then().statusCode(201)
                .extract().path("id")).longValue();
        long ordinary = IntakeFixtures.registered(session, proposer);

        String item = "/api/v1/submissions/" + secret;
        assertThat(read(Tokens.member(proposer), item, 200)).containsExactly(
                List.of("submission.read", String.valueOf(secret), "member-" + proposer, "SUCCESS", item));
        assertThat(read(Tokens.member(stranger), item, 404)).containsExactly(
                List.of("submission.read", String.valueOf(secret), "member-" + stranger, "DENIED", item));
        assertThat(read(Tokens.office(), item + "/attachments", 200)).containsExactly(
                List.of("submission.read", String.valueOf(secret), "office-zhang", "SUCCESS", item + "/attachments"));
        assertThat(read(Tokens.member(proposer), "/api/v1/submissions/" + ordinary, 200)).isEmpty();

        // A list shows the confidential item as much as a read of it: one entry for it, none for the ordinary one.
        String list = "/api/v1/submissions?proposerId=" + proposer;
        assertThat(read(Tokens.office(), list, 200)).containsExactly(
                List.of("submission.read", String.valueOf(secret), "office-zhang", "SUCCESS", "/api/v1/submissions"));
        IntakeFixtures.registered(session, stranger);
        assertThat(read(Tokens.office(), "/api/v1/submissions?proposerId=" + stranger, 200)).isEmpty();
    }

    /** GETs the path from an address of its own and answers the audit entries that request left. */
    private List<List<String>> read(String token, String path, int status) {
        String address = "198.18.7." + ADDRESS.incrementAndGet();
        RequestSpecification request = given().auth().oauth2(token).header("X-Forwarded-For", address);
        request.get(path).then().statusCode(status);
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select action, subject_id, actor, result, detail from audit_log where source_address = :address "
                        + "and action like '%.read' order by id").setParameter("address", address).getResultList());
        return rows.stream().map(r -> Arrays.stream((Object[]) r).map(String::valueOf).toList()).toList();
    }
}
