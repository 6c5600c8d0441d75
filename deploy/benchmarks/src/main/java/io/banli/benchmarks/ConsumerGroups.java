package io.banli.benchmarks;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** A service's consumer group, read from the broker: how far it has committed on its topics. */
final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /**
     * Waits until {@code group} has committed at least {@code atLeast} records of {@code topics} and every record
     * written to them so far; prints its progress every 10 s.
     */
    static void awaitCaughtUp(String bootstrap, String group, Set<String> topics, long atLeast) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            long shown = System.nanoTime();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                long done = committed.entrySet().stream()
                        .filter(e -> topics.contains(e.getKey().topic()) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum();
                if (done >= atLeast) {
                    // Every partition of the topics, also those the group has committed nothing on yet.
                    Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values()
                            .stream().flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(),
                                    p.partition())))
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                    long ends = admin.listOffsets(latest).all().get().values().stream()
                            .mapToLong(o -> o.offset()).sum();
                    if (done >= ends) {
                        return;
                    }
                }
                if (System.nanoTime() - shown > 10_000_000_000L) {
                    shown = System.nanoTime();
                    System.out.printf("  %s's consumer: %,d records committed%n", group, done);
                }
                Thread.sleep(200);
            }
        }
    }
}
