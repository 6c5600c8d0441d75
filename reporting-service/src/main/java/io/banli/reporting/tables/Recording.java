package io.banli.reporting.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.type.StandardBasicTypes;

/**
 * The statements a batch of replayed events makes, sent to PostgreSQL in a few JDBC batches instead of a round trip
 * each: a rebuild applies hundreds of thousands of events, and one statement at a time kept it at the pace of the
 * round trips.
 * <p>
 * The order that decides the result is kept. Every statement of a writer reads and writes only rows of the one
 * submission its event is about (its item, parts, ratings, commitments, progress rows), except the rows marked
 * {@linkplain Write#shared shared} (members, platform clients), which no other statement reads. So the events are
 * applied in waves: wave <i>k</i> holds the <i>k</i>-th event of each submission in the batch (each submission's
 * events stay in their order, and a wave touches each submission's rows once); within a wave the events' first
 * statements go together, then their second ones, and so on, each group of equal statements as one JDBC batch. The
 * shared rows' statements go apart, all of them in the batch's order.
 * <p>
 * Events about different submissions touch different rows, so a batch is applied in lanes by submission, each on a
 * connection of its own, beside the shared rows' statements: one lane waits for PostgreSQL while another sends.
 */
public final class Recording {

    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private record Event(String id, String type, Object submission, List<Write> writes) {
    }

    private final List<Event> events = new ArrayList<>();
    private Event current;

    /**
     * The statements recorded from now on belong to this event, about this submission (null: about none). Every event
     * of the batch is named, with statements or without, so the batch's event ids can be checked against the inbox.
     */
    public void event(String id, String type, Long submissionId) {
        current = new Event(id, type, submissionId != null ? submissionId : new Object(), new ArrayList<>());
        events.add(current);
    }

    /** One recording of the events of {@code parts}, one part after the other. */
    public static Recording joined(List<Recording> parts) {
        Recording joined = new Recording();
        parts.forEach(part -> joined.events.addAll(part.events));
        return joined;
    }

    /** The ids of the batch's events, in order. */
    public List<String> ids() {
        return events.stream().map(Event::id).toList();
    }

    /** The types of the batch's events, in the order of {@link #ids()}. */
    public List<String> types() {
        return events.stream().map(Event::type).toList();
    }

    void add(Write write) {
        if (current == null) {
            throw new IllegalStateException("A statement recorded outside an event");
        }
        current.writes().add(write);
    }

    /**
     * Executes on the connection, in its transaction, what the events of {@code fresh} about the submissions of one
     * lane recorded, each id's first copy only (a redelivery within the batch counts once, as the inbox would have
     * it), without the shared rows' statements. A submission's events all fall into the same lane of {@code lanes},
     * so lanes write no row in common and may run at once, each on a connection of its own.
     */
    public void executeLane(Connection connection, Set<String> fresh, int lane, int lanes) throws SQLException {
        Map<Object, Integer> seen = new HashMap<>();
        List<List<Event>> waves = new ArrayList<>();
        for (Event e : applied(fresh)) {
            if (Math.floorMod(e.submission().hashCode(), lanes) != lane) {
                continue;
            }
            int wave = seen.merge(e.submission(), 1, Integer::sum) - 1;
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(e);
        }
        try (Batches batches = new Batches(connection)) {
            for (List<Event> wave : waves) {
                int rounds = wave.stream().mapToInt(e -> e.writes().size()).max().orElse(0);
                for (int round = 0; round < rounds; round++) {
                    Map<String, List<Write>> alike = new LinkedHashMap<>();
                    for (Event e : wave) {
                        if (round < e.writes().size() && !e.writes().get(round).shared) {
                            Write w = e.writes().get(round);
                            alike.computeIfAbsent(w.statement, s -> new ArrayList<>()).add(w);
                        }
                    }
                    for (List<Write> group : alike.values()) {
                        batches.execute(group);
                    }
                }
            }
        }
    }

    /**
     * Executes the shared rows' statements of the events of {@code fresh}, in the batch's order: only runs of the same
     * statement go together. No other statement reads those rows, so they may run beside the lanes.
     */
    public void executeShared(Connection connection, Set<String> fresh) throws SQLException {
        try (Batches batches = new Batches(connection)) {
            List<Write> run = new ArrayList<>();
            for (Event e : applied(fresh)) {
                for (Write w : e.writes()) {
                    if (w.shared) {
                        if (!run.isEmpty() && !run.get(0).statement.equals(w.statement)) {
                            batches.execute(run);
                            run = new ArrayList<>();
                        }
                        run.add(w);
                    }
                }
            }
            if (!run.isEmpty()) {
                batches.execute(run);
            }
        }
    }

    /** The events of {@code fresh} in the batch's order, each id's first copy only. */
    private List<Event> applied(Set<String> fresh) {
        Set<String> left = new HashSet<>(fresh);
        return events.stream().filter(e -> left.remove(e.id())).toList();
    }

    /** Prepared statements of one execution; the driver keeps their plans on the connection across executions. */
    private static final class Batches implements AutoCloseable {

        private final Connection connection;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();

        Batches(Connection connection) {
            this.connection = connection;
        }

        /** Writes of one statement, in their order. */
        void execute(List<Write> writes) throws SQLException {
            Template template = TEMPLATES.computeIfAbsent(writes.get(0).statement, Template::parse);
            List<Write> plain = new ArrayList<>();
            for (Write w : writes) {
                if (w.parameters.stream().anyMatch(p -> p.value() instanceof Collection<?>)) {
                    flush(template, plain);
                    plain = new ArrayList<>();
                    // A list parameter changes the statement's text: alone, in its place in the order.
                    try (PreparedStatement ps = connection.prepareStatement(template.sql(w))) {
                        bind(ps, template, w);
                        ps.executeUpdate();
                    }
                } else {
                    plain.add(w);
                }
            }
            flush(template, plain);
        }

        private void flush(Template template, List<Write> writes) throws SQLException {
            if (writes.isEmpty()) {
                return;
            }
            String sql = template.sql(null);
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                prepared.put(sql, ps);
            }
            if (writes.size() == 1) {
                bind(ps, template, writes.get(0));
                ps.executeUpdate();
                return;
            }
            for (Write w : writes) {
                bind(ps, template, w);
                ps.addBatch();
            }
            ps.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : prepared.values()) {
                ps.close();
            }
        }
    }

    private static void bind(PreparedStatement ps, Template template, Write w) throws SQLException {
        int i = 1;
        for (String name : template.names()) {
            Write.Parameter p = named(w, name);
            if (p == null) {
                throw new IllegalArgumentException("No value for :" + name + " in " + w.statement);
            }
            if (p.value() instanceof Collection<?> values) {
                for (Object v : values) {
                    set(ps, i++, v, null);
                }
            } else {
                set(ps, i++, p.value(), p);
            }
        }
    }

    /** The value bound last under the name (a statement has a handful: a search is cheaper than a map per write). */
    private static Write.Parameter named(Write w, String name) {
        for (int i = w.parameters.size() - 1; i >= 0; i--) {
            if (w.parameters.get(i).name().equals(name)) {
                return w.parameters.get(i);
            }
        }
        return null;
    }

    private static void set(PreparedStatement ps, int i, Object value, Write.Parameter p) throws SQLException {
        if (value == null) {
            ps.setNull(i, p == null ? Types.OTHER : sqlType(p));
        } else if (value instanceof Instant instant) {
            ps.setObject(i, instant.atOffset(ZoneOffset.UTC));
        } else {
            ps.setObject(i, value);
        }
    }

    private static int sqlType(Write.Parameter p) {
        if (p.type() == StandardBasicTypes.LONG) {
            return Types.BIGINT;
        } else if (p.type() == StandardBasicTypes.INTEGER) {
            return Types.INTEGER;
        } else if (p.type() == StandardBasicTypes.STRING) {
            return Types.VARCHAR;
        } else if (p.type() == StandardBasicTypes.BOOLEAN) {
            return Types.BOOLEAN;
        } else if (p.type() == StandardBasicTypes.INSTANT) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        } else if (p.type() == StandardBasicTypes.LOCAL_DATE) {
            return Types.DATE;
        }
        return Types.OTHER;
    }

    /** A statement's text split at its named parameters, which JDBC wants as {@code ?}. */
    private record Template(List<String> texts, List<String> names) {

        static Template parse(String sql) {
            List<String> texts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '\'') {
                    int end = sql.indexOf('\'', i + 1);
                    end = end < 0 ? sql.length() - 1 : end;
                    text.append(sql, i, end + 1);
                    i = end;
                } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                    text.append("::");
                    i++;
                } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                    int end = i + 1;
                    while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                        end++;
                    }
                    texts.add(text.toString());
                    text.setLength(0);
                    names.add(sql.substring(i + 1, end));
                    i = end - 1;
                } else {
                    text.append(c);
                }
            }
            texts.add(text.toString());
            return new Template(texts, names);
        }

        /** The JDBC text; a list parameter of {@code write} becomes as many {@code ?} as it has values. */
        String sql(Write write) {
            StringBuilder sql = new StringBuilder(texts.get(0));
            for (int i = 0; i < names.size(); i++) {
                int n = 1;
                if (write != null) {
                    for (Write.Parameter p : write.parameters) {
                        if (p.name().equals(names.get(i)) && p.value() instanceof Collection<?> values) {
                            n = values.size();
                        }
                    }
                }
                sql.append(String.join(", ", java.util.Collections.nCopies(n, "?"))).append(texts.get(i + 1));
            }
            return sql.toString();
        }
    }
}
