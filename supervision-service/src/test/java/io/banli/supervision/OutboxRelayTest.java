package io.banli.supervision;

import static io.banli.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.outbox.OutboxRelay;
import io.banli.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service kit's outbox relay, on supervision's database and the real broker: rows are written straight into
 * the outbox (as any service's transaction writes them) and read back from the topic as an outside consumer.
 */
@QuarkusTest
class OutboxRelayTest {

    static final String TOPIC = "banli.supervision.alerts";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Test
    void aLargeBacklogArrivesExactlyOnceAndInOrderPerSubmission() throws Exception {
        String type = "banli.test.backlog-" + UUID.randomUUID() + ".v1";
        int subjects = 50;
        int perSubject = 100;
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            try (Connection db = dataSource.getConnection()) {
                // 5,000 rows in one transaction, interleaved: row g is event g / 50 of subject g % 50.
                exec(db, """
                        insert into outbox_event (event_id, topic, event_type, aggregate_id, payload, occurred_at)
                        select gen_random_uuid(), '%s', '%s', 'relay-test-' || (g %% %d),
                               json_build_object('seq', g / %d), now()
                        from generate_series(0, %d) g order by g""".formatted(TOPIC, type, subjects, subjects,
                        subjects * perSubject - 1));
            }
            relay.relay();
            Predicate<ConsumerRecord<String, String>> ours = TopicProbe.ofType(type);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> topic.received(ours).size() >= subjects * perSubject);

            // Nothing more of ours follows: a later marker is published after them.
            String marker = insertOne("banli.test.marker-" + UUID.randomUUID() + ".v1", "relay-test-marker");
            relay.relay();
            List<ConsumerRecord<String, String>> received = topic.until(r -> marker.equals(header(r, "ce_id")), ours);

            assertThat(received).hasSize(subjects * perSubject);
            assertThat(received.stream().map(r -> header(r, "ce_id")).distinct()).hasSize(subjects * perSubject);
            Map<String, List<Integer>> bySubject = received.stream().collect(Collectors.groupingBy(
                    ConsumerRecord::key, Collectors.mapping(OutboxRelayTest::seq, Collectors.toList())));
            assertThat(bySubject).hasSize(subjects);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < perSubject; i++) {
                expected.add(i);
            }
            bySubject.forEach((subject, seqs) -> assertThat(seqs).as(subject).containsExactlyElementsOf(expected));
            ConsumerRecord<String, String> any = received.get(0);
            assertThat(header(any, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(any, "ce_source")).isEqualTo("/banli/supervision-service");
            assertThat(header(any, "ce_subject")).isEqualTo(any.key());
            assertThat(header(any, "content-type")).isEqualTo("application/json");
            assertThat(header(any, "ce_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        }
    }

    /**
     * A transaction that took its id first but commits last: the row committed after it (larger id, same
     * submission) waits until it commits, and then both go out in id order. A row of a transaction older
     * than the one in flight is the marker that the relay ran and looked meanwhile.
     */
    @Test
    void aRowWaitsForAnOlderTransactionStillInFlightAndThenFollowsIt() throws Exception {
        String type = "banli.test.commit-order-" + UUID.randomUUID() + ".v1";
        String subject = "commit-order-" + UUID.randomUUID();
        try (TopicProbe topic = TopicProbe.open(TOPIC);
                Connection marker = transaction();
                Connection first = transaction();
                Connection second = transaction()) {
            String markerId = insert(marker, type, "commit-order-marker", 0); // oldest transaction
            String firstId = insert(first, type, subject, 1);                  // smaller id, commits last
            String secondId = insert(second, type, subject, 2);
            second.commit();
            marker.commit();
            relay.relay();

            assertThat(topic.until(r -> markerId.equals(header(r, "ce_id")), r -> secondId.equals(header(r, "ce_id"))))
                    .as("committed, but behind a transaction still in flight").isEmpty();
            assertThat(published(secondId)).isFalse();

            first.commit();
            relay.relay();
            topic.await(r -> secondId.equals(header(r, "ce_id")));
            List<String> order = topic.received(r -> subject.equals(r.key())).stream()
                    .map(r -> header(r, "ce_id")).toList();
            assertThat(order).containsExactly(firstId, secondId);
        }
    }

    /**
     * Two changes of one submission, serialised: the first commits, then the second writes its row, but the
     * second's transaction is older (it had written before). With a transaction between the two still in flight,
     * the second is below the horizon and the first is not: it still waits for the first, and follows it.
     */
    @Test
    void aLaterChangeFromAnOlderTransactionStillFollowsTheEarlierOne() throws Exception {
        String type = "banli.test.serialised-" + UUID.randomUUID() + ".v1";
        String subject = "serialised-" + UUID.randomUUID();
        try (TopicProbe topic = TopicProbe.open(TOPIC);
                Connection second = transaction();
                Connection marker = transaction();
                Connection between = transaction();
                Connection first = transaction()) {
            txid(second);                                                   // oldest
            String markerId = insert(marker, type, "serialised-marker", 0); // then the marker
            txid(between);                                                  // still running below
            String firstId = insert(first, type, subject, 1);
            first.commit();                                                 // the first change
            String secondId = insert(second, type, subject, 2);             // the second, after it
            second.commit();
            marker.commit();
            relay.relay();

            assertThat(topic.until(r -> markerId.equals(header(r, "ce_id")), r -> subject.equals(r.key())))
                    .as("both wait").isEmpty();
            assertThat(published(secondId)).isFalse();

            between.commit();
            relay.relay();
            topic.await(r -> secondId.equals(header(r, "ce_id")));
            assertThat(topic.received(r -> subject.equals(r.key()))).extracting(r -> header(r, "ce_id"))
                    .containsExactly(firstId, secondId);
        }
    }

    /** Gives the transaction its txid now, as a first write would. */
    private static void txid(Connection db) throws Exception {
        try (PreparedStatement statement = db.prepareStatement("select pg_current_xact_id()");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
        }
    }

    private static int seq(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).get("seq").asInt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Connection transaction() throws Exception {
        Connection db = dataSource.getConnection();
        db.setAutoCommit(false);
        return db;
    }

    private static String insert(Connection db, String type, String subject, int seq) throws Exception {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = db.prepareStatement("""
                insert into outbox_event (event_id, topic, event_type, aggregate_id, payload, occurred_at)
                values (cast(? as uuid), ?, ?, ?, cast(? as json), now())""")) {
            insert.setString(1, id);
            insert.setString(2, TOPIC);
            insert.setString(3, type);
            insert.setString(4, subject);
            insert.setString(5, "{\"seq\": " + seq + "}");
            insert.executeUpdate();
        }
        return id;
    }

    private String insertOne(String type, String subject) throws Exception {
        try (Connection db = dataSource.getConnection()) {
            return insert(db, type, subject, 0);
        }
    }

    private boolean published(String eventId) throws Exception {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(
                "select published_at is not null from outbox_event where event_id = cast(? as uuid)")) {
            query.setString(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void exec(Connection db, String sql) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
