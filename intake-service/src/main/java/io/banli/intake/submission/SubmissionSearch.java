package io.banli.intake.submission;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.banli.kit.audit.ReadAudit;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Filters, full-text search, sort and stable pagination over what the caller may see. */
@ApplicationScoped
public class SubmissionSearch {

    @Inject
    SubmissionAccess access;

    @Inject
    ReadAudit readAudit;

    @Inject
    SubmissionTally tally;

    @Inject
    WordTotals wordTotals;

    @Inject
    EntityManager em;

    /** Words asked for are few; any number of them costs at most this many entries. */
    private static final int RARE_CODES_KEPT = 1_024;

    private record RareCodes(String probe, long until) {
    }

    private final Map<String, RareCodes> rareCodes = new ConcurrentHashMap<>();

    /** The query parameters of the listing. */
    public static class Criteria {
        @Parameter(description = "Only this session", example = "1")
        @QueryParam("sessionId")
        public Long sessionId;

        @QueryParam("kind")
        public SubmissionKind kind;

        @Parameter(description = "Field code", example = "SOCIAL_LIVELIHOOD")
        @QueryParam("field")
        @Size(max = 40)
        public String field;

        @QueryParam("state")
        public SubmissionState state;

        @Parameter(description = "Only key items (true) or only others (false)")
        @QueryParam("keyItem")
        public Boolean keyItem;

        @Parameter(description = "Led by this member", example = "1")
        @QueryParam("proposerId")
        public Long proposerId;

        @Parameter(description = "Assigned to a unit whose name contains this text", example = "教育局")
        @QueryParam("unit")
        @Size(max = 100)
        public String unit;

        @Parameter(description = "Words that must all occur in the title or body", example = "课后服务")
        @QueryParam("q")
        @Size(max = 200)
        public String q;

        @Parameter(description = "number, filedAt, registeredAt, title or id; a leading '-' sorts descending",
                example = "-filedAt")
        @QueryParam("sort")
        @DefaultValue("id")
        @Pattern(regexp = "-?(number|filedAt|registeredAt|title|id)",
                message = "must be one of number, filedAt, registeredAt, title, id, optionally with a leading '-'")
        @Schema(maxLength = 13)
        public String sort;

        @QueryParam("page")
        @DefaultValue("0")
        @Min(0)
        public int page;

        @QueryParam("size")
        @DefaultValue("20")
        @Min(1)
        @Max(200)
        public int size;

        /**
         * Whether nothing but the item's own columns (session, kind, field, state, key flag) narrows the list, if
         * anything does: the lists whose totals {@link SubmissionTally} keeps. A proposer, a unit or words are not.
         */
        boolean byOwnColumnsOnly() {
            return proposerId == null && (unit == null || unit.isBlank()) && q == null;
        }

        /** Whether words narrow the list, in one session or in all, and nothing else: a total V22's keys may count. */
        boolean byWordsOnly() {
            return q != null && kind == null && field == null && state == null && keyItem == null
                    && proposerId == null && (unit == null || unit.isBlank());
        }

        /** Whether any filter narrows the list; sorting and paging do not. */
        boolean narrowed() {
            return sessionId != null || kind != null || field != null || state != null || keyItem != null
                    || !byOwnColumnsOnly();
        }
    }

    public SubmissionPage find(Criteria c) {
        Parameters params = new Parameters();
        StringBuilder where = new StringBuilder("from Submission s where ").append(access.listingCondition(params));
        if (c.sessionId != null) {
            where.append(" and s.sessionId = :session");
            params.and("session", c.sessionId);
        }
        if (c.kind != null) {
            where.append(" and s.kind = :kind");
            params.and("kind", c.kind);
        }
        if (c.field != null) {
            where.append(" and s.field = :field");
            params.and("field", c.field);
        }
        if (c.state != null) {
            where.append(" and s.state = :state");
            params.and("state", c.state);
        }
        if (c.keyItem != null) {
            // Written out, not bound: the key items' partial index serves only a statement that names true.
            where.append(" and s.keyItem = ").append(c.keyItem);
        }
        if (c.proposerId != null) {
            where.append(" and s.leadProposerId = :proposer");
            params.and("proposer", c.proposerId);
        }
        if (c.unit != null && !c.unit.isBlank()) {
            where.append(" and exists (select 1 from UnitAssignment u where u.submissionId = s.id"
                    + " and lower(u.unitName) like :unit escape '!')");
            params.and("unit", like(c.unit));
        }
        boolean fewItems = false;
        List<String> words = c.q == null ? List.of()
                : Arrays.stream(c.q.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            where.append(holds(i, word));
            params.and("q" + i, like(word));
            // A word with a rare pair: the items holding its rare codes (V22's index) are few, and the LIKE
            // reads only theirs. 230 of 200,000 items: 116 ms for the page and 44 for its total, now 1.9 ms for
            // both (one statement, below).
            // A word of one character has no pair: nothing to ask the database.
            String probe = word.codePointCount(0, word.length()) < 2 ? "{}" : rareCodes(word, c.sessionId);
            if (!probe.equals("{}")) {
                where.append(" and s.id in (select w.submissionId from SubmissionWords w where function(")
                        .append(c.sessionId != null ? "'intake_words_in_session', w.keys, :session"
                                : "'intake_words_in_any_session', w.keys")
                        .append(", :w").append(i).append(") = true)");
                params.and("w" + i, probe);
                fewItems = true;
            }
        }
        boolean descending = c.sort.startsWith("-");
        String property = descending ? c.sort.substring(1) : c.sort;
        String order = " order by s." + property + (descending ? " desc nulls last" : " asc nulls last")
                + (property.equals("id") ? "" : ", s.id asc");
        PanacheQuery<Submission> query = Submission.find(where + order, params);
        List<Submission> page;
        Long counted = null;
        if (fewItems) {
            // Few items match, all of them read to sort them anyway: the page and its total in one statement, not
            // the candidates looked up twice (a page past the end has no row to carry the total: counted below).
            TypedQuery<Object[]> rows = em.createQuery("select s, count(*) over () " + where + order, Object[].class)
                    .setFirstResult(c.page * c.size).setMaxResults(c.size);
            params.map().forEach(rows::setParameter);
            List<Object[]> found = rows.getResultList();
            page = found.stream().map(row -> (Submission) row[0]).toList();
            counted = found.isEmpty() ? null : (Long) found.get(0)[1];
        } else {
            page = query.page(Page.of(c.page, c.size)).list();
        }
        // A confidential item shown in a list is read as much as one fetched alone: each leaves its audit entry.
        readAudit.markEach("submission", page.stream().filter(s -> s.confidential).map(s -> s.id).toList());
        Map<Long, List<SubmissionView.CoSignerView>> coSigners = SubmissionView.coSignersOf(page.stream()
                .map(s -> s.id).toList());
        List<SubmissionView> items = page.stream().map(s -> SubmissionView.of(s, coSigners.getOrDefault(s.id,
                List.of()), null)).toList();
        // The office's lists of a session or of everything: the total kept by V19's tally, not a count of 200,000
        // (1,000,000) items for every page (ListBenchmark, 8 connections: p99 107-144 ms).
        // A member's whole list (a portal's "my items"): their ids counted, not each one looked up in the items.
        Optional<Long> own = c.narrowed() ? Optional.empty() : access.ownItemsOf();
        long total = access.seesAll() && c.byOwnColumnsOnly() ? tally.total(c)
                : own.isPresent() ? access.ownItemCount(own.get()) : counted != null ? counted
                : countedByPairs(c, words) ? pairTotal(c.sessionId, words) : query.count();
        return new SubmissionPage(items, c.page, c.size, total);
    }

    /**
     * Whether the office's list of one session or of all narrowed by words alone, each of two characters of the Han
     * script, can be counted from V22's keys: the items holding such a word's pair are the items holding the word,
     * so the total needs neither the LIKE nor the items. Other scripts fold case or hash their pairs; other filters
     * and callers see rows the keys do not tell apart.
     */
    private boolean countedByPairs(Criteria c, List<String> words) {
        return access.seesAll() && c.byWordsOnly() && !words.isEmpty()
                && words.stream().allMatch(SubmissionSearch::twoHanCharacters);
    }

    /**
     * The session's items (or every session's, when it is null) but drafts that hold every word, in one statement
     * (one snapshot), session by session: the items holding the words' pairs there, less the session's drafts
     * holding them (few, through the session's state index). A word in one item of eight, 32,000 of 200,000,
     * counted from the keys took 9 ms at 1 connection against 40 for reading every title and body; a single word
     * whose total V23 keeps in a session sums a few rows there instead (decisions "Lists over a million items"), and
     * one counted from the keys is kept from then on where it holds many items ({@link WordTotals}).
     */
    private long pairTotal(Long session, List<String> words) {
        StringBuilder drafts = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            drafts.append(holds(i, words.get(i)));
        }
        // The keys' count only where no total is kept: PostgreSQL runs a sub-select when its value is first needed.
        var query = em.createNativeQuery("select e.id, coalesce(kept.items, (select count(*) from submission_words w"
                + " where w.keys @> k.keys)) - (select count(*) from submission s where s.session_id = e.id"
                + " and s.state = :draft" + drafts + "), kept.items is not null"
                // Words apart by a space: their pairs together, none across two words; an item's keys are all of
                // its own session, so each session's count is exact.
                + " from session e cross join lateral (select intake_word_keys(e.id, :words, null) as keys) k"
                + " left join lateral (select t.items + coalesce((select sum(c.delta) from submission_word_changes c"
                + " where c.key = t.key), 0) as items from submission_word_totals t"
                + " where cardinality(k.keys) = 1 and t.key = k.keys[1]) kept on true"
                + " where cast(:session as bigint) is null or e.id = :session")
                .setParameter("session", session).setParameter("words", String.join(" ", words))
                .setParameter("draft", SubmissionState.DRAFT.name());
        for (int i = 0; i < words.size(); i++) {
            query.setParameter("q" + i, like(words.get(i)));
        }
        long total = 0;
        for (Object found : query.getResultList()) {
            Object[] row = (Object[]) found;
            long items = ((Number) row[1]).longValue();
            total += items;
            if (words.size() == 1 && !(Boolean) row[2]) {
                wordTotals.counted(((Number) row[0]).longValue(), words.get(0), items);
            }
        }
        return total;
    }

    /** Two characters of the Han script in the Basic Multilingual Plane, whose pair V22 codes exactly. */
    static boolean twoHanCharacters(String word) {
        return word.length() == 2 && word.chars().allMatch(ch -> !Character.isSurrogate((char) ch)
                && Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN);
    }

    /**
     * The codes of the word's pairs in fewer than one item in a hundred of the session, or of all sessions when it
     * is null (V22's intake_rare_codes, by ANALYZE's statistics), as PostgreSQL writes an array: {} for a common
     * word, read in the items themselves. Through the index, a word in one item of eight joined 25,000 entries to
     * the session's items, 54 -> 134 ms for its page and total. Kept for a minute: only ANALYZE changes them, a
     * stale answer costs time, never an item, and asking took 0.8 ms of the database's 4 for a rare word's list.
     */
    private String rareCodes(String word, Long session) {
        long now = System.currentTimeMillis();
        String key = session + " " + word;
        RareCodes known = rareCodes.get(key);
        if (known != null && now < known.until()) {
            return known.probe();
        }
        // The codes' rule lowercases the word as it lowercased the texts.
        String probe = (String) em.createNativeQuery("select cast(intake_rare_codes(:word, :session) as text)")
                .setParameter("word", word).setParameter("session", session).getSingleResult();
        if (rareCodes.size() >= RARE_CODES_KEPT) {
            rareCodes.clear();
        }
        rareCodes.put(key, new RareCodes(probe, now + 60_000));
        return probe;
    }

    /**
     * The condition, in HQL and SQL alike, that the item's title or body holds the i-th word ({@code :q<i>}). A word
     * without case (Chinese, digits) is compared as written: folding every title and body to lower case was more
     * than half the time of a word's search (200,000 items: 80 -> 35 ms).
     */
    private static String holds(int i, String word) {
        String fold = hasCase(word) ? "lower" : "";
        return " and (" + fold + "(s.title) like :q" + i + " escape '!' or " + fold + "(s.body) like :q" + i
                + " escape '!')";
    }

    /** Whether some character of the word has another case, so that matching it must fold case. */
    static boolean hasCase(String word) {
        return word.codePoints().anyMatch(c -> Character.toLowerCase(c) != c || Character.toUpperCase(c) != c);
    }

    /** A LIKE pattern matching the text anywhere, with the caller's % and _ taken literally. */
    private static String like(String text) {
        return "%" + text.toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
