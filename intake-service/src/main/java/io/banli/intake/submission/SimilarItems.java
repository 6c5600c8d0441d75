package io.banli.intake.submission;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Duplicates and precedents: the items of this and earlier sessions whose title and body share the
 * most character bigrams with a given one (Jaccard similarity, title weighted 0.6, body 0.4). Bigrams are
 * integer codes compared by intarray's operators (migration V13), kept beside the items of every state but drafts in
 * {@code submission_similarity} (V16: written when an item's text is, so that other changes of the item do not write
 * its GIN entries again).
 *
 * <p>Candidates are found by a prefix filter, for the title and the body alike: a set with Jaccard similarity t
 * to this one holds at least one of this set's n - ceil(t n) + 1 rarest codes (otherwise it shares fewer than
 * t n of them), whatever "rarest" means; ordering by how common each code is (ANALYZE's most common elements of
 * the column) keeps the ones every text has (建议, 社区 …) out of the probe, so the GIN indexes return few items.
 * The t for each is what that part needs to reach the lowest score on its own (title 0.2 / 0.6, body 0.2 / 0.4):
 * an item whose title alone or whose body alone scores enough is always found; one that needs both is found when
 * it shares a probed code of either, as it mostly does (probing for that too, t = 0.2 for both, made the search
 * three to five times slower). From a lowest score of 0.4 no item is missed ({@link #reach}). Before, every item
 * sharing any title bigram was scored (the best 500 kept), so a registration read a share of all items ever filed.
 * Each candidate is scored where it is found, and only the best few are read again for what the answer shows.
 */
@ApplicationScoped
public class SimilarItems {

    static final double TITLE_WEIGHT = 0.6;

    @Inject
    EntityManager em;

    private record CommonCodes(String titleCodes, String titleFreqs, String bodyCodes, String bodyFreqs, long until) {
    }

    private volatile CommonCodes commonCodes;

    /**
     * The search runs in a transaction of its own or the caller's, because it tells the planner, for itself alone,
     * to read the items through the indexes: the probes are computed inside the query, so the planner cannot see
     * them and guesses; at 20,000 items on PostgreSQL 17 it guessed a scan of the whole table (40 ms instead of
     * 13 ms on the same search).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<SubmissionView.SimilarItem> of(Submission s, int limit, double minScore) {
        em.createNativeQuery("select set_config('enable_seqscan', 'off', true)").getSingleResult();
        CommonCodes common = commonCodes();
        List<Object[]> rows = em.createNativeQuery("""
                with me as (
                    -- This session and the earlier ones as a list the candidates are checked against: as a join,
                    -- at two sessions the planner probed the indexes once per session (9.0 -> 7.7 ms idle).
                    select s.submission_id as id, s.title_codes, s.body_codes,
                           array(select e.id from session e where e.year <= se.year) as sessions
                    from submission_similarity s
                    join session se on se.id = s.session_id where s.submission_id = :id),
                common as (
                    select 'title_codes' as attname, e.code, e.freq
                    from unnest(cast(:titleCodes as int[]), cast(:titleFreqs as real[])) as e(code, freq)
                    where e.code is not null
                    union all
                    select 'body_codes', e.code, e.freq
                    from unnest(cast(:bodyCodes as int[]), cast(:bodyFreqs as real[])) as e(code, freq)
                    where e.code is not null),
                mine as (
                    select 'title_codes' as part, t.code, cardinality(me.title_codes) as n, :titleReach as reach
                    from me cross join unnest(me.title_codes) as t(code)
                    union all
                    select 'body_codes', b.code, cardinality(me.body_codes), :bodyReach
                    from me cross join unnest(me.body_codes) as b(code)),
                probe as (
                    select coalesce(array_agg(r.code) filter (where r.part = 'title_codes'), '{}') as title_codes,
                           coalesce(array_agg(r.code) filter (where r.part = 'body_codes'), '{}') as body_codes
                    from (select m.part, m.code, m.n, m.reach, row_number() over (partition by m.part
                                 order by coalesce(cm.freq, 0), m.code) as rank
                          from mine m left join common cm on cm.attname = m.part and cm.code = m.code) r
                    where r.rank <= r.n - ceil(r.reach * r.n) + 1),
                best as (
                    select o.submission_id as id, sc.score
                    from me
                    -- The probes as values computed before the items are read: both GIN indexes read, OR-ed.
                    join submission_similarity o on o.title_codes && (select title_codes from probe)
                                                 or o.body_codes && (select body_codes from probe)
                    -- V13's intake_jaccard_codes (shared / all codes, 0 for two empty sets) with each part's
                    -- shared codes counted once: intersecting the arrays is most of the scoring, and offset 0
                    -- keeps the planner from copying the count into both places of the formula.
                    cross join lateral (select icount(o.title_codes & me.title_codes) as title,
                            icount(o.body_codes & me.body_codes) as body offset 0) shared
                    cross join lateral (select round(cast(
                            :tw * (shared.title::real / greatest(cardinality(o.title_codes)
                                + cardinality(me.title_codes) - shared.title, 1))
                            + (1 - :tw) * (shared.body::real / greatest(cardinality(o.body_codes)
                                + cardinality(me.body_codes) - shared.body, 1)) as numeric), 3) as score) sc
                    where o.submission_id <> me.id and sc.score >= :min
                          and o.session_id = any(me.sessions)
                    order by sc.score desc, o.submission_id
                    limit :limit)
                select o.id, o.session_id, se.name, o.number, o.title, o.state, best.score
                from best
                join submission o on o.id = best.id
                join session se on se.id = o.session_id
                order by best.score desc, o.id""")
                .setParameter("id", s.id).setParameter("tw", TITLE_WEIGHT).setParameter("min", minScore)
                .setParameter("limit", limit)
                .setParameter("titleCodes", common.titleCodes()).setParameter("titleFreqs", common.titleFreqs())
                .setParameter("bodyCodes", common.bodyCodes()).setParameter("bodyFreqs", common.bodyFreqs())
                .setParameter("titleReach", reach(minScore, TITLE_WEIGHT))
                .setParameter("bodyReach", reach(minScore, 1 - TITLE_WEIGHT)).getResultList();
        em.createNativeQuery("select set_config('enable_seqscan', 'on', true)").getSingleResult();
        return rows.stream().map(r -> new SubmissionView.SimilarItem(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], r[3] == null ? null : ((Number) r[3]).intValue(),
                (String) r[4], SubmissionState.valueOf((String) r[5]), ((Number) r[6]).doubleValue())).toList();
    }

    /**
     * ANALYZE's most common codes of titles and of bodies with their frequencies (arrays as PostgreSQL writes them,
     * {} before the first ANALYZE), kept for a minute. Any order of the codes finds every item the filter promises,
     * so a stale one costs time only; reading them from {@code pg_stats} in every search took 1.2 of its 9 ms.
     */
    @SuppressWarnings("unchecked")
    private CommonCodes commonCodes() {
        long now = System.currentTimeMillis();
        CommonCodes known = commonCodes;
        if (known != null && now < known.until()) {
            return known;
        }
        Map<String, String[]> byPart = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select attname, coalesce(cast(most_common_elems as text), '{}'),
                       coalesce(cast(most_common_elem_freqs as text), '{}')
                from pg_stats where schemaname = current_schema() and tablename = 'submission_similarity'
                    and attname in ('title_codes', 'body_codes')""").getResultList()) {
            byPart.put((String) row[0], new String[] {(String) row[1], (String) row[2]});
        }
        String[] none = {"{}", "{}"};
        String[] title = byPart.getOrDefault("title_codes", none);
        String[] body = byPart.getOrDefault("body_codes", none);
        commonCodes = new CommonCodes(title[0], title[1], body[0], body[1], now + 60_000);
        return commonCodes;
    }

    /**
     * The Jaccard similarity a part of this weight needs to reach the lowest score on its own, less half a shown
     * decimal (a score is compared after rounding to three). Where the lighter part cannot reach it alone, both are
     * probed at the lowest score itself: an item below it in both parts is below it overall, so none is missed, and
     * at such scores the probes are short anyway.
     */
    static double reach(double minScore, double weight) {
        double needed = minScore - 0.0005;
        return needed / Math.min(TITLE_WEIGHT, 1 - TITLE_WEIGHT) > 1 ? needed : needed / weight;
    }
}
