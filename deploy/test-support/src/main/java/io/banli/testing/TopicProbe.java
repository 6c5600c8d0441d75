package io.banli.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic as an outside consumer would, from the moment the probe is opened, so a test sees
 * only the records its own actions caused. Every event a service published that it receives is checked
 * against the service's published contract ({@link Contracts}): a test that sees an event its producer's
 * AsyncAPI document does not describe fails, so every test that observes events is a producer contract test.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.partitionsFor(topic).isEmpty());
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Opens a probe on the test platform's broker. */
    public static TopicProbe open(String topic) {
        return new TopicProbe(PlatformTestResource.kafkaBootstrapServers(), topic);
    }

    public static TopicProbe open(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic);
    }

    /** Waits up to 30 s for the first record, since the probe opened, that matches. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> matching) {
        return await(matching, Duration.ofSeconds(30));
    }

    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> matching, Duration atMost) {
        return org.awaitility.Awaitility.await().atMost(atMost).until(() -> {
            poll();
            return seen.stream().filter(matching).findFirst().orElse(null);
        }, r -> r != null);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            seen.add(record);
            checkContract(record);
        });
    }

    /**
     * Fails on a published event that breaks its contract. Only what a service published is checked: events a
     * test sent itself (another {@code ce_source}) may be deliberately broken, and types no producer publishes
     * are not ours to check.
     */
    static void checkContract(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        if (type == null || !Contracts.published(type) || !Contracts.isProducer(header(record, "ce_source"))) {
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(),
                h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)));
        List<String> problems = Contracts.producerViolations(type, headers, record.value());
        if (!problems.isEmpty()) {
            throw new AssertionError("Published " + type + " breaks its contract: " + problems + "\n  headers "
                    + headers + "\n  data " + record.value());
        }
    }

    public static Predicate<ConsumerRecord<String, String>> ofType(String type) {
        return r -> type.equals(header(r, "ce_type"));
    }

    public static Predicate<ConsumerRecord<String, String>> ofType(String type, String subject) {
        return ofType(type).and(r -> subject.equals(r.key()));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }

    /**
     * The check that something did not happen: waits up to 30 s for a record matching {@code marker}, an event
     * the test caused after the action under test, and returns every record matching {@code matching} that
     * came before it. Before the marker means: earlier in the marker's partition, or already on another
     * partition when the marker arrived (each partition is read to the end it had then).
     *
     * <p>The marker proves that anything the action caused has been published by then only if it is ordered
     * after it. Give it the same key (the submission id) where possible: one key is one partition, and the
     * outbox relay sends one submission's events in commit order. Across keys, the relay's order is what
     * holds: it sends outbox rows in id order, each batch only after the previous one is acknowledged, so a
     * row committed before the marker's transaction is on its partition before the marker is visible (on the
     * test platform's single broker, rows of one batch are appended in the order sent).
     */
    public List<ConsumerRecord<String, String>> until(Predicate<ConsumerRecord<String, String>> marker,
            Predicate<ConsumerRecord<String, String>> matching) {
        ConsumerRecord<String, String> found = await(marker);
        readToEnd();
        return seen.stream()
                .filter(r -> !(r.partition() == found.partition() && r.offset() >= found.offset()))
                .filter(matching).toList();
    }

    /**
     * Every record received so far that matches, after one more poll. For use once an {@link #await} or
     * {@link #until} has established that what the test expects is there, or inside an Awaitility condition
     * that waits for a count.
     */
    public List<ConsumerRecord<String, String>> received(Predicate<ConsumerRecord<String, String>> matching) {
        poll();
        return seen.stream().filter(matching).toList();
    }

    /**
     * Every matching record the topic holds now: each partition is read up to its current end. For a
     * consumer's outcome that is known to be written already, e.g. its dead letters once a later record of
     * the same partition has been applied (the consumer sends a dead letter before it takes the next record).
     */
    public List<ConsumerRecord<String, String>> present(Predicate<ConsumerRecord<String, String>> matching) {
        readToEnd();
        return seen.stream().filter(matching).toList();
    }

    /** How many partitions the topic has (all of them are read). */
    public int partitions() {
        return consumer.assignment().size();
    }

    private void readToEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
    }
}
