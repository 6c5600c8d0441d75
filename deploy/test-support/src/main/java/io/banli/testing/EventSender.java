package io.banli.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts records on a topic as another service (or a broken one) would: binary-mode CloudEvents with
 * an id of the test's choosing, so a test can deliver the same event twice or deliver garbage.
 */
public final class EventSender {

    /** The {@code ce_source} of events a test sends: not a producer's, so {@link TopicProbe} does not check them. */
    private static final String SOURCE = "/banli/test";

    private EventSender() {
    }

    /**
     * Sends an event of a published type on its producer's topic, keyed by {@code subject}, with a fresh id:
     * {@code json} comes from {@link Contracts#data}, so it is what the producer would send.
     */
    public static void event(String type, String subject, String json) {
        cloudEvent(Contracts.topic(type), subject, java.util.UUID.randomUUID().toString(), type, json);
    }

    /** Sends a CloudEvent in Kafka binary mode and waits for the broker's ack. */
    public static void cloudEvent(String topic, String subject, String id, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, json);
        record.headers().add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes(SOURCE))
                .add("ce_subject", bytes(subject))
                .add("ce_time", bytes(Instant.now().toString()))
                .add("content-type", bytes("application/json"));
        send(record);
    }

    /** Sends a plain record without CloudEvents headers. */
    public static void raw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private static void send(ProducerRecord<String, String> record) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + record.topic(), e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
