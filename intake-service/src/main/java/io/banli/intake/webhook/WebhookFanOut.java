package io.banli.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.banli.intake.platform.PlatformClient;
import io.banli.intake.platform.PlatformClients;
import io.banli.kit.sql.Sql;
import io.banli.intake.submission.CoSigner;
import io.banli.intake.submission.Submission;
import io.banli.kit.inbox.ReceivedEvent;
import io.banli.kit.inbox.UnprocessableEventException;

/**
 * Turns an incoming event into one pending delivery per subscription that covers it, in the consumer's
 * transaction (with its inbox record): a redelivered event is skipped by the inbox, and the unique
 * (subscription, event id) key would refuse a second row anyway. A paused subscription keeps queueing.
 */
@ApplicationScoped
public class WebhookFanOut {

    /** Never sent out, whatever an event may carry by mistake. */
    private static final Set<String> CONTACT_FIELDS = Set.of("phone", "mobile", "email", "address", "contacts",
            "contact");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    PlatformClients clients;

    @Inject
    Clock clock;

    /** A handler for every subscribable type; the record supplies the CloudEvents source and time. */
    public Map<String, Consumer<ReceivedEvent>> handlers(ConsumerRecord<String, String> record) {
        Map<String, Consumer<ReceivedEvent>> handlers = new HashMap<>();
        WebhookEventTypes.BY_TYPE.keySet().forEach(type -> handlers.put(type, event -> enqueue(record, event)));
        return handlers;
    }

    /** Adds this service's webhook handlers to a consumer's own, each type's run after the consumer's. */
    public static Map<String, Consumer<ReceivedEvent>> merged(Map<String, Consumer<ReceivedEvent>> own,
            Map<String, Consumer<ReceivedEvent>> more) {
        Map<String, Consumer<ReceivedEvent>> all = new HashMap<>(own);
        more.forEach((type, handler) -> all.merge(type, handler, Consumer::andThen));
        return all;
    }

    void enqueue(ConsumerRecord<String, String> record, ReceivedEvent event) {
        String shortName = WebhookEventTypes.shortName(event.type()).orElseThrow();
        List<WebhookSubscription> subscriptions = WebhookSubscription.<WebhookSubscription>list("state <> ?1",
                WebhookSubscription.State.STOPPED).stream().filter(s -> s.eventTypes.contains(shortName)).toList();
        if (subscriptions.isEmpty()) {
            return;
        }
        ObjectNode data = parse(event);
        Long submissionId = data.path("submissionId").canConvertToLong() ? data.path("submissionId").asLong() : null;
        Long unitId = data.path("unitId").canConvertToLong() ? data.path("unitId").asLong() : null;
        List<Long> members = membersOf(submissionId);
        boolean confidential = submissionId != null && Submission.<Submission>findByIdOptional(submissionId)
                .map(x -> x.confidential).orElse(false);
        Instant now = clock.instant();
        for (WebhookSubscription subscription : subscriptions) {
            PlatformClient client = clients.active(subscription.clientId).orElse(null);
            if (client == null) {
                continue;
            }
            boolean narrowed = !subscription.memberIds.isEmpty() || !subscription.unitIds.isEmpty();
            // A confidential item reaches a platform only as its member's own: a subscription naming the member.
            List<Long> covered = members.stream().filter(m -> clients.mayActForMember(client, m)
                    && (!narrowed && !confidential || subscription.memberIds.contains(m))).toList();
            boolean unitCovered = !confidential && unitId != null && clients.mayActForUnit(client, unitId)
                    && (!narrowed || subscription.unitIds.contains(unitId));
            if (covered.isEmpty() && !unitCovered) {
                continue;
            }
            Sql.of(em, """
                    insert into webhook_delivery (subscription_id, event_id, event_type, event_source, event_time,
                        submission_id, body, status, attempts, next_attempt_at, created_at)
                    values (:sub, :id, :type, :source, :time, :submission, :body, 'PENDING', 0, :now, :now)
                    on conflict (subscription_id, event_id) do nothing""")
                    .bind("sub", subscription.id).bind("id", event.id()).bind("type", event.type())
                    .bind("source", header(record, "ce_source", "/banli"))
                    .bind("time", time(record, now)).bind("submission", submissionId)
                    .bind("body", entitled(data.deepCopy(), covered)).bind("now", now).run();
        }
    }

    /** The lead proposer and the co-signers who signed: the members an item concerns. */
    private List<Long> membersOf(Long submissionId) {
        List<Long> members = new ArrayList<>();
        if (submissionId == null) {
            return members;
        }
        Submission submission = Submission.findById(submissionId);
        if (submission != null) {
            members.add(submission.leadProposerId);
            members.addAll(CoSigner.signedOf(submissionId));
        }
        return members;
    }

    /** The data minus what this platform is not entitled to: contact data, and members it does not act for. */
    private String entitled(ObjectNode data, List<Long> covered) {
        data.remove(CONTACT_FIELDS);
        if (data.has("recipientIds") && data.get("recipientIds").isArray()) {
            ArrayNode mine = data.putArray("recipientIds");
            covered.forEach(mine::add);
        }
        if (data.path("memberId").canConvertToLong() && !covered.contains(data.path("memberId").asLong())) {
            data.putNull("memberId");
        }
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode parse(ReceivedEvent event) {
        try {
            JsonNode node = mapper.readTree(event.data() == null ? "" : event.data());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new UnprocessableEventException(event, "its data is not a JSON object");
    }

    private static Instant time(ConsumerRecord<String, String> record, Instant fallback) {
        try {
            return Instant.parse(header(record, "ce_time", fallback.toString()));
        } catch (java.time.format.DateTimeParseException e) {
            return fallback;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name, String fallback) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
    }
}
