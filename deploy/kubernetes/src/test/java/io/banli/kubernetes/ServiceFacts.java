package io.banli.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service really uses, read from its own sources rather than restated here: the topics and
 * consumer groups of its application.properties, and the topics it produces on per the event catalogue
 * (deploy/docs/events.md, the contract every service builds against).
 */
record ServiceFacts(String name, String shortName, int port, Set<String> reads, Set<String> groups,
        Set<String> writes, boolean sendsReminders) {

    static final List<String> SERVICES = List.of("intake", "assignment", "supervision", "reporting");
    // Event types end in their version (".v1"): the digits belong in the type's pattern.
    private static final Pattern CATALOGUE_ROW = Pattern.compile(
            "^\\| `banli\\.[a-z0-9.-]+` \\| `(banli\\.[a-z-]+\\.[a-z-]+)` \\| ([a-z]+) \\|", Pattern.MULTILINE);

    static ServiceFacts of(String shortName) {
        String name = shortName + "-service";
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(
                Rendered.PROJECT.resolve(name).resolve("src/main/resources/application.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> reads = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        Set<String> writes = new LinkedHashSet<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topics?")) {
                Arrays.stream(value.split(",")).map(String::trim).forEach(reads::add);
            } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                groups.add(value);
            } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic")) {
                writes.add(value);
            }
        }
        Matcher row = CATALOGUE_ROW.matcher(catalogue());
        while (row.find()) {
            if (row.group(2).equals(shortName)) {
                writes.add(row.group(1));
            }
        }
        int port = Integer.parseInt(p.getProperty("quarkus.http.port"));
        boolean reminders = p.stringPropertyNames().stream().anyMatch(k -> k.startsWith("quarkus.mailer."));
        return new ServiceFacts(name, shortName, port, reads, groups, writes, reminders);
    }

    /** Every topic named in the event catalogue and its dead-letter list. */
    static Set<String> catalogueTopics() {
        Set<String> topics = eventTopics();
        topics.addAll(deadLetterTopics());
        return topics;
    }

    /** The topics of the event catalogue: the events themselves, which reporting replays. */
    static Set<String> eventTopics() {
        Set<String> topics = new LinkedHashSet<>();
        Matcher row = CATALOGUE_ROW.matcher(catalogue());
        while (row.find()) {
            topics.add(row.group(1));
        }
        return topics;
    }

    /** The catalogue's dead-letter topics, one per consuming service. */
    static Set<String> deadLetterTopics() {
        Set<String> topics = new LinkedHashSet<>();
        Matcher dlq = Pattern.compile("`(banli\\.[a-z]+\\.dead-letter)`").matcher(catalogue());
        while (dlq.find()) {
            topics.add(dlq.group(1));
        }
        return topics;
    }

    private static String catalogue() {
        try {
            return Files.readString(Rendered.PROJECT.resolve("deploy/docs/events.md"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path project() {
        return Rendered.PROJECT;
    }
}
