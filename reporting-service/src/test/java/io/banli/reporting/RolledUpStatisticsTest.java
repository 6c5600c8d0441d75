package io.banli.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.reporting.projection.ProjectionWriter;
import io.banli.reporting.ranking.Ranking.Measure;
import io.banli.reporting.ranking.Rankings;
import io.banli.reporting.statistics.Filter;
import io.banli.reporting.statistics.RolledUpStatistics;
import io.banli.reporting.statistics.Statistics;
import io.banli.reporting.statistics.StatisticsQuery;
import io.banli.reporting.tables.Target;
import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The served figures come from rollups kept by the consumer; they must equal the scan of the projection (the
 * definition) whatever the events were and whenever they are asked: a random session, its events on the real topics,
 * compared for the whole set and filters, as served and as of later moments that make open parts past due, down to
 * the instant a deadline passes.
 */
@QuarkusTest
class RolledUpStatisticsTest {

    static final long U4 = 4;
    private static final long[] UNITS = {StatisticsTest.U1, StatisticsTest.U2, StatisticsTest.U3, U4};
    private static final String[] FIELDS = {"ECONOMY_SCIENCE", "SOCIAL_LIVELIHOOD", "URBAN_CONSTRUCTION_TRANSPORT",
            "OTHER"};
    private static final String[] CLASSES = {"A", "B", "C", "D"};
    private static final String[] RATINGS = {"SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"};

    @Inject
    StatisticsQuery scan;

    @Inject
    RolledUpStatistics rollups;

    @Inject
    EntityManager em;

    @Inject
    ProjectionWriter writer;

    @Inject
    ObjectMapper mapper;

    @Test
    void aRandomSessionGivesTheScannedFiguresForEveryFilterAndEveryMoment() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant now = Instant.now();
        List<Instant> deadlines = new ArrayList<>();
        try (EventStream s = new EventStream()) {
            List<EventStream.Item> hosts = new ArrayList<>();
            for (int n = 0; n < 40; n++) {
                hosts.add(randomItem(s, random, now, hosts, deadlines));
            }
            s.flush();
            awaitApplied(s);
            String why = "random stream of seed " + seed;
            List<Filter> filters = filters(s.session);
            for (Filter f : filters) {
                assertThat(served(f)).as(why + ", served " + f.describe()).isEqualTo(json(scan(f, Instant.now())));
            }
            for (Measure by : Measure.values()) {
                Filter f = filters.get(1);
                assertThat(ranking(f, by)).as(why + ", ranking by " + by)
                        .isEqualTo(json(Rankings.rank(scan(f, Instant.now()), by, BigDecimal.valueOf(85))));
            }
            // Later moments: whole days on (open parts fall past due day by day), and either side of deadlines that
            // fall within a day, where only the instant decides.
            List<Instant> moments = new ArrayList<>(List.of(now.plus(1, ChronoUnit.DAYS), now.plus(40, ChronoUnit.DAYS),
                    now.plus(100, ChronoUnit.DAYS), now.plus(400, ChronoUnit.DAYS)));
            for (Instant due : deadlines) {
                moments.add(due.minusSeconds(1));
                moments.add(due.plusSeconds(1));
            }
            for (Instant at : moments) {
                for (Filter f : filters) {
                    assertThat(QuarkusTransaction.requiringNew().call(() -> rollups.compute(f, 2, at)))
                            .as(why + ", " + f.describe() + " at " + at).isEqualTo(scan(f, at));
                }
            }
        }
    }

    /** A submission with a random history: any mode and units, deadlines, replies, ratings, merges, withdrawals. */
    static EventStream.Item randomItem(EventStream s, Random random, Instant now, List<EventStream.Item> earlier,
            List<Instant> deadlines) {
        String kind = random.nextBoolean() ? "SUGGESTION" : "PROPOSAL";
        EventStream.Item item = random.nextInt(10) == 0 ? s.unregistered(kind)
                : s.registered(kind, FIELDS[random.nextInt(FIELDS.length)], random.nextInt(5) == 0, false);
        if (random.nextInt(12) == 0 && !earlier.isEmpty()) {
            return item.mergedInto(earlier.get(random.nextInt(earlier.size())), 7);
        }
        if (random.nextInt(10) == 0) {
            return random.nextBoolean() ? item.withdrawn() : item;
        }
        Instant assigned = now.minus(random.nextInt(150 * 24), ChronoUnit.HOURS);
        long first = UNITS[random.nextInt(UNITS.length)];
        long other = UNITS[(int) ((first + random.nextInt(UNITS.length - 1)) % UNITS.length)];
        List<Long> replying = new ArrayList<>();
        switch (random.nextInt(4)) {
            case 0 -> {
                return item;
            }
            case 1 -> {
                item.joint(assigned, first, other);
                replying.add(first);
            }
            case 2 -> {
                item.split(assigned, first, other);
                replying.addAll(List.of(first, other));
            }
            default -> {
                item.sole(first, assigned);
                replying.add(first);
            }
        }
        for (long unit : replying) {
            randomPart(item, unit, random, now, assigned, deadlines);
        }
        return item;
    }

    private static void randomPart(EventStream.Item item, long unit, Random random, Instant now, Instant assigned,
            List<Instant> deadlines) {
        if (random.nextInt(4) == 0) {
            // A deadline later today or within the coming days, so a later moment is on either side of it.
            Instant due = now.plus(random.nextInt(5 * 24 * 60), ChronoUnit.MINUTES);
            deadlines.add(due);
            item.deadline(unit, due);
        } else if (random.nextInt(8) == 0) {
            item.overdue(unit, now.minus(random.nextInt(60), ChronoUnit.DAYS));
        }
        if (random.nextInt(6) == 0) {
            item.extension(unit, LocalDate.now(StatisticsTest.ZONE).plusDays(random.nextInt(60) - 20),
                    random.nextBoolean());
        }
        if (random.nextInt(3) == 0) {
            item.contact(unit, random.nextBoolean() ? "BEFORE" : "DURING", "PHONE", random.nextBoolean());
        }
        if (random.nextInt(8) == 0) {
            item.holdingAnswer(unit);
        }
        Instant at = assigned.plus(random.nextInt(140 * 24), ChronoUnit.HOURS);
        if (random.nextInt(2) == 0) {
            item.submitted(unit, CLASSES[random.nextInt(4)], at);
            if (random.nextInt(6) == 0) {
                item.returned(unit, at.plus(1, ChronoUnit.DAYS));
            }
        }
        if (random.nextInt(5) < 3) {
            item.replied(unit, CLASSES[random.nextInt(4)], at.plus(random.nextInt(10), ChronoUnit.DAYS));
            if (random.nextInt(3) > 0) {
                item.evaluated(unit, 1, random.nextBoolean() ? 7 : 8, RATINGS[random.nextInt(3)]);
            }
            if (random.nextInt(6) == 0) {
                item.rehandling(unit, at.plus(20, ChronoUnit.DAYS));
                item.evaluated(unit, 2, 7, RATINGS[random.nextInt(3)]);
            }
        }
    }

    /** Everything, the session, and the session narrowed by each dimension a filter has. */
    private static List<Filter> filters(long session) {
        List<Filter> filters = new ArrayList<>();
        filters.add(new Filter());
        Filter f = new Filter();
        f.sessionId = session;
        filters.add(f);
        for (int i = 0; i < 9; i++) {
            Filter g = new Filter();
            g.sessionId = session;
            switch (i) {
                case 0 -> g.unitId = StatisticsTest.U1;
                case 1 -> g.role = Filter.Role.SPLIT;
                case 2 -> {
                    g.unitId = StatisticsTest.U2;
                    g.role = Filter.Role.CO;
                }
                case 3 -> g.kind = Filter.Kind.PROPOSAL;
                case 4 -> g.field = "SOCIAL_LIVELIHOOD";
                case 5 -> g.keyItem = "true";
                case 6 -> g.level = Filter.Level.CITY;
                case 7 -> g.year = 2025;
                default -> {
                    g.from = LocalDate.of(2025, 1, 20);
                    g.to = LocalDate.of(2025, 1, 20);
                }
            }
            filters.add(g);
        }
        return filters;
    }

    /** Waits until every event of the stream that reporting reads has been applied. */
    private void awaitApplied(EventStream s) {
        Set<String> handled = writer.handlers(Target.LIVE).keySet();
        List<String> ids = s.history.stream().filter(e -> handled.contains(e.type())).map(EventStream.Sent::id).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from inbox_event where event_id in (:ids)").setParameter("ids", ids)
                .getSingleResult()).intValue()) == ids.size());
    }

    private Statistics scan(Filter f, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> scan.compute(f, 2, "", at));
    }

    private Map<String, Object> served(Filter f) {
        return withoutMoment(mapper, given().auth().oauth2(Tokens.office()).queryParams(parameters(f))
                .get("/api/v1/statistics").then().statusCode(200).extract().asString());
    }

    private Map<String, Object> ranking(Filter f, Measure by) {
        return withoutMoment(mapper, given().auth().oauth2(Tokens.office()).queryParams(parameters(f)).queryParam("by", by)
                .get("/api/v1/rankings").then().statusCode(200).extract().asString());
    }

    private Map<String, Object> json(Object figures) throws Exception {
        return withoutMoment(mapper, mapper.writeValueAsString(figures));
    }

    /** The figures without the moment they were computed at (the request's and the scan's differ by milliseconds). */
    static Map<String, Object> withoutMoment(ObjectMapper mapper, String json) {
        try {
            Map<String, Object> figures = mapper.readValue(json, new TypeReference<HashMap<String, Object>>() { });
            figures.remove("asOf");
            return figures;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> parameters(Filter f) {
        Map<String, Object> p = new HashMap<>();
        for (String pair : f.describe().equals("all") ? new String[0] : f.describe().split("&")) {
            String[] kv = pair.split("=", 2);
            p.put(kv[0], kv[1]);
        }
        return p;
    }
}
