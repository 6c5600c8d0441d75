package io.banli.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Kafka's own measurements and counts, run beside Banli's on the same broker. */
final class KafkaYardsticks {

    private KafkaYardsticks() {
    }

    /**
     * Kafka's {@code ProducerPerformance} (what {@code kafka-producer-perf-test} runs), in a JVM of its own, with
     * the producer settings of Banli's relay: idempotent, acks=all, 5 ms linger, 256 KiB batches. Returns records/s.
     */
    static double producerPerformance(String bootstrap, String topic, int records, int recordSize) throws Exception {
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath(), "org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                "enable.idempotence=true", "linger.ms=5", "batch.size=262144",
                "max.in.flight.requests.per.connection=5").redirectErrorStream(true).start();
        Pattern summary = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");
        Double rate = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(tool.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = summary.matcher(line);
                if (m.find() && Long.parseLong(m.group(1)) == records) {
                    rate = Double.parseDouble(m.group(2));
                }
            }
        }
        tool.waitFor();
        if (rate == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary");
        }
        return rate;
    }

    /**
     * Kafka's {@code ConsumerPerformance} (what {@code kafka-consumer-perf-test} runs), in a JVM of its own, reading
     * each topic from its first record to its last in a group of its own. Returns records/s over the topics together:
     * all records over the sum of the tool's fetch times (its own figure without the group's join).
     */
    static double consumerPerformance(String bootstrap, List<String> topics) throws Exception {
        long records = 0;
        double seconds = 0;
        for (String topic : topics) {
            long n = records(bootstrap, topic);
            Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    classpath(), "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap,
                    "--topic", topic, "--messages", String.valueOf(n), "--group", "yardstick-" + System.nanoTime(),
                    "--hide-header", "--timeout", "60000").redirectErrorStream(true).start();
            String summary = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(tool.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    // start, end, MB, MB/s, records, records/s, rebalance ms, fetch ms, fetch MB/s, fetch records/s
                    if (line.split(",").length == 10) {
                        summary = line;
                    }
                }
            }
            tool.waitFor();
            if (summary == null) {
                throw new IllegalStateException("ConsumerPerformance printed no summary for " + topic);
            }
            String[] f = summary.split(",");
            records += Long.parseLong(f[4].trim());
            seconds += Double.parseDouble(f[7].trim()) / 1000;
        }
        return records / seconds;
    }

    /** How many records the topic holds (sum of its partitions' end offsets). */
    static long records(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The benchmark's own classpath, also under {@code exec:java} (which loads the project in a class loader of its own). */
    static String classpath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null;
                loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        entries.add(new File(url.getPath()).getPath());
                    }
                }
            }
        }
        String own = System.getProperty("java.class.path");
        return entries.isEmpty() ? own : entries.stream().distinct().collect(Collectors.joining(File.pathSeparator));
    }
}
