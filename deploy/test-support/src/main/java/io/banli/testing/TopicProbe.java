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

    /** Every record received so far that matches, after polling for {@code quiet} more. */
    public List<ConsumerRecord<String, String>> all(Predicate<ConsumerRecord<String, String>> matching, Duration quiet) {
        long until = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < until) {
            poll();
        }
        return seen.stream().filter(matching).toList();
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
}
