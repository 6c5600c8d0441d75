package io.banli.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.banli.intake.platform.PlatformClient;
import io.banli.platform.DevTokens;
import io.banli.testing.Contracts;
import io.banli.testing.EventSender;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Platform clients, their tokens, and the events assignment and supervision would publish. */
final class IntegrationFixtures {

    static final String WORKFLOW = "banli.assignment.workflow";
    static final String ALERTS = "banli.supervision.alerts";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private IntegrationFixtures() {
    }

    /** Registers a client acting for these members (and units), as the office's registry would hold it. */
    static String client(String contactEmail, List<Long> memberIds, List<Long> unitIds) {
        return client(contactEmail, List.of("webhooks:manage", "progress:read"), memberIds, List.of(), unitIds);
    }

    /** A client with every scope of the integration API, narrowed to these members, delegations and units. */
    static String narrowedClient(List<Long> memberIds, List<String> delegations, List<Long> unitIds) {
        return client("portal@example.com", List.of(io.banli.testing.Tokens.ALL_SCOPES), memberIds, delegations,
                unitIds);
    }

    static String client(String contactEmail, List<String> scopes, List<Long> memberIds, List<String> delegations,
            List<Long> unitIds) {
        String clientId = "portal-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            PlatformClient client = new PlatformClient();
            client.clientId = clientId;
            client.name = "代表履职平台";
            client.owner = "市人大常委会代表工作室";
            client.contactName = "王工";
            client.contactEmail = contactEmail;
            client.scopes = new ArrayList<>(scopes);
            client.memberIds = new ArrayList<>(memberIds);
            client.delegations = new ArrayList<>(delegations);
            client.unitIds = new ArrayList<>(unitIds);
            client.secretHash = "not-used-by-these-tests";
            client.state = PlatformClient.State.ACTIVE;
            client.createdAt = Instant.now();
            client.persist();
        });
        return clientId;
    }

    /** A token of the client with these scopes, optionally acting for a member. */
    static String token(String clientId, String scope, Long memberId) {
        Map<String, String> claims = memberId == null ? Map.of("client_id", clientId, "scope", scope)
                : Map.of("client_id", clientId, "scope", scope, "member_id", String.valueOf(memberId));
        return DevTokens.sign(clientId, "platform", claims);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Publishes an event as its producer would: keyed and subjected by submission, its data the producer's
     * published example with these fields ({@link Contracts#data}).
     */
    static void publish(String topic, String type, String id, long submissionId, Map<String, Object> data) {
        EventSender.cloudEvent(topic, String.valueOf(submissionId), id, type, Contracts.data(type, data));
    }

    static Map<String, Object> assigned(long submissionId, long unitId, String unitName) {
        return Map.of("submissionId", submissionId, "assignmentId", submissionId * 10 + unitId, "unitId", unitId,
                "unitName", unitName, "mode", "SOLE", "role", "SOLE", "kind", "SUGGESTION",
                "assignedAt", Instant.now().toString());
    }

    static Map<String, Object> replied(long submissionId, long unitId, long replyId, List<Long> recipients) {
        return Map.ofEntries(Map.entry("submissionId", submissionId),
                Map.entry("assignmentId", submissionId * 10 + unitId), Map.entry("unitId", unitId),
                Map.entry("replyId", replyId), Map.entry("version", 1), Map.entry("round", 1),
                Map.entry("resultClass", "A"),
                Map.entry("fingerprint", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                Map.entry("disclosure", "PUBLIC"), Map.entry("recipientIds", recipients),
                Map.entry("repliedAt", Instant.now().toString()));
    }
}
