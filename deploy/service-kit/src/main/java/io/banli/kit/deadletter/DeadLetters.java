package io.banli.kit.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.banli.kit.audit.AuditLog;
import io.banli.kit.deadletter.DeadLetterApi.DeadLetterView;
import io.banli.kit.deadletter.DeadLetterApi.ReplayView;
import io.banli.kit.problem.Problems;
import io.smallrye.common.annotation.Identifier;

/**
 * Reads the service's dead-letter topic and re-drives a record from it: the record goes back to its original
 * topic and partition with its key, value and original headers (the {@code dead-letter-*} ones dropped). The
 * consumer's inbox makes a replay idempotent: an event already applied is skipped, so replaying twice, or
 * replaying a record another replica applied meanwhile, changes nothing.
 *
 * <p>The topic is the one the service's incoming channels name in {@code dead-letter-queue.topic}.
 */
@ApplicationScoped
public class DeadLetters {

    static final String DEAD_LETTER_HEADERS = "dead-letter-";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    AuditLog audit;

    /** The newest {@code limit} dead-lettered records (each partition's tail), newest first. */
    public List<DeadLetterView> newest(int limit) {
        Optional<String> topic = topic();
        if (topic.isEmpty()) {
            return List.of();
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.get(), READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(begins.get(partition), ends.get(partition) - limit);
                consumer.seek(partition, from);
                if (ends.get(partition) > from) {
                    remaining.put(partition, ends.get(partition));
                }
            }
            List<DeadLetterView> found = new ArrayList<>();
            long until = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < until) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    found.add(view(record));
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() + 1 >= remaining.getOrDefault(partition, 0L)) {
                        remaining.remove(partition);
                    }
                }
            }
            return found.stream().sorted(Comparator.comparing(DeadLetterView::deadLetteredAt).reversed()
                    .thenComparing(Comparator.comparingLong(DeadLetterView::offset).reversed())).limit(limit).toList();
        }
    }

    /** Publishes the record at {@code partition}/{@code offset} of the dead-letter topic again; audited. */
    @Transactional
    public ReplayView replay(int partition, long offset) {
        ConsumerRecord<byte[], byte[]> dead = read(partition, offset);
        String originalTopic = header(dead, "dead-letter-topic");
        if (originalTopic == null) {
            throw Problems.unprocessable("not-a-dead-letter", "The record at " + partition + "/" + offset
                    + " names no original topic.");
        }
        String originalPartition = header(dead, "dead-letter-partition");
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(originalTopic,
                originalPartition == null ? null : Integer.valueOf(originalPartition), dead.key(), dead.value());
        for (Header header : dead.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                again.headers().add(header);
            }
        }
        RecordMetadata sent = send(again);
        String eventId = header(dead, "ce_id");
        audit.record("dead-letter.replayed", "dead-letter", dead.topic() + "/" + partition + "/" + offset,
                "event " + eventId + " (" + header(dead, "ce_type") + ") to " + sent.topic() + "/" + sent.partition()
                        + "/" + sent.offset());
        return new ReplayView(dead.topic(), partition, offset, sent.topic(), sent.partition(), sent.offset(), eventId,
                header(dead, "ce_type"));
    }

    private ConsumerRecord<byte[], byte[]> read(int partition, long offset) {
        String topic = topic().orElseThrow(() -> Problems.notFound("dead-letter topic of this service; record",
                partition + "/" + offset));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            boolean exists = consumer.partitionsFor(topic, READ_TIMEOUT).stream().anyMatch(p -> p.partition() == partition);
            TopicPartition tp = new TopicPartition(topic, partition);
            if (!exists || offset < 0 || offset < consumer.beginningOffsets(List.of(tp), READ_TIMEOUT).get(tp)
                    || offset >= consumer.endOffsets(List.of(tp), READ_TIMEOUT).get(tp)) {
                throw Problems.notFound("dead-lettered record at partition/offset", partition + "/" + offset);
            }
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long until = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < until) {
                Optional<ConsumerRecord<byte[], byte[]>> record = StreamSupport.stream(
                        consumer.poll(Duration.ofMillis(200)).records(tp).spliterator(), false)
                        .filter(r -> r.offset() >= offset).findFirst();
                if (record.isPresent()) {
                    if (record.get().offset() != offset) {
                        break;
                    }
                    return record.get();
                }
            }
            throw Problems.notFound("dead-lettered record at partition/offset", partition + "/" + offset);
        }
    }

    private RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
        Map<String, Object> config = clientConfig(ProducerConfig.configNames());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "banli-dead-letter-replay");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            return producer.send(record).get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying to " + record.topic(), e);
        } catch (Exception e) {
            throw Problems.problem(503, "kafka-unavailable", "Service Unavailable",
                    "Kafka did not take the record: " + e.getMessage());
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = clientConfig(ConsumerConfig.configNames());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "banli-dead-letter-reader");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config);
    }

    /** The broker settings every channel uses (bootstrap servers, security), for our own clients. */
    private Map<String, Object> clientConfig(java.util.Set<String> known) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }

    /** The dead-letter topic the service's channels use (one per service). */
    static Optional<String> topic() {
        TreeSet<String> topics = new TreeSet<>();
        var config = ConfigProvider.getConfig();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".dead-letter-queue.topic")) {
                config.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        return topics.isEmpty() ? Optional.empty() : Optional.of(topics.first());
    }

    private static DeadLetterView view(ConsumerRecord<byte[], byte[]> record) {
        String partition = header(record, "dead-letter-partition");
        String offset = header(record, "dead-letter-offset");
        return new DeadLetterView(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), header(record, "dead-letter-topic"),
                partition == null ? null : Integer.valueOf(partition), offset == null ? null : Long.valueOf(offset),
                header(record, "ce_id"), header(record, "ce_type"), header(record, "ce_subject"),
                header(record, "dead-letter-reason"), header(record, "dead-letter-cause"));
    }

    /** The last header of that name (the dead-letter strategy adds its own before the original ones). */
    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
