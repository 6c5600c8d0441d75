package io.banli.intake.submission;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Duplicates and precedents: the items of this and earlier sessions whose title and body share the
 * most character bigrams with a given one (Jaccard similarity, title weighted 0.6, body 0.4). Bigrams are
 * integer codes compared by intarray's operators (migration V13). Candidates are the items sharing a title
 * bigram (of those, the {@value #CANDIDATES} with the most similar titles) and the items whose body alone could
 * reach the lowest score asked for. Those are found by a prefix filter: a body with Jaccard similarity t to this
 * one holds at least one of this body's n - ceil(t n) + 1 rarest bigrams (otherwise it shares fewer than t n of
 * them), whatever "rarest" means; ordering by how common each bigram is (ANALYZE's most common elements of the
 * column) keeps the ones every body has (建议, 社区 …) out of that list, so the GIN index returns few items.
 * Each candidate is scored where it is found, its codes at hand, and only the best few are read again for what the
 * answer shows: reading every candidate's row a second time was a quarter of the search.
 */
@ApplicationScoped
public class SimilarItems {

    static final double TITLE_WEIGHT = 0.6;

    /**
     * Only the items with the most similar titles have their bodies compared: scoring bodies is what costs
     * (tens of bigrams each), and an item whose title differs that much rarely ranks anyway.
     */
    static final int CANDIDATES = 500;

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<SubmissionView.SimilarItem> of(Submission s, int limit, double minScore) {
        List<Object[]> rows = em.createNativeQuery("""
                with me as (
                    select s.id, s.title_codes, s.body_codes, se.year from submission s
                    join session se on se.id = s.session_id where s.id = :id),
                common as (
                    select e.code, e.freq from pg_stats st,
                        unnest(cast(cast(st.most_common_elems as text) as int[]), st.most_common_elem_freqs)
                            as e(code, freq)
                    where st.schemaname = current_schema() and st.tablename = 'submission'
                          and st.attname = 'body_codes' and e.code is not null),
                rarest as (
                    select coalesce(array_agg(r.code), '{}') as codes
                    from (select c.code, row_number() over (order by coalesce(cm.freq, 0), c.code) as rank
                          from me cross join unnest(me.body_codes) as c(code)
                          left join common cm on cm.code = c.code) r
                    cross join me
                    where r.rank <= cardinality(me.body_codes) - ceil(:reach * cardinality(me.body_codes)) + 1),
                earlier as (select se.id from session se join me on se.year <= me.year),
                by_title as (
                    select o.id, intake_jaccard_codes(o.title_codes, me.title_codes) as title_score, o.body_codes
                    from me join submission o on o.title_codes && me.title_codes
                    where o.id <> me.id and o.state <> 'DRAFT' and o.session_id in (select id from earlier)
                    order by title_score desc, o.id
                    limit :candidates),
                by_body as (
                    select o.id, intake_jaccard_codes(o.title_codes, me.title_codes) as title_score, o.body_codes
                    from me cross join rarest join submission o on o.body_codes && rarest.codes
                    where o.id <> me.id and o.state <> 'DRAFT' and o.session_id in (select id from earlier)),
                best as (
                    select c.id, max(sc.score) as score
                    from (select * from by_title union all select * from by_body) c
                    cross join me
                    cross join lateral (select round(cast(:tw * c.title_score
                            + (1 - :tw) * intake_jaccard_codes(c.body_codes, me.body_codes) as numeric), 3) as score) sc
                    where sc.score >= :min
                    group by c.id
                    order by score desc, c.id
                    limit :limit)
                select o.id, o.session_id, se.name, o.number, o.title, o.state, best.score
                from best
                join submission o on o.id = best.id
                join session se on se.id = o.session_id
                order by best.score desc, o.id""")
                .setParameter("candidates", CANDIDATES)
                .setParameter("id", s.id).setParameter("tw", TITLE_WEIGHT).setParameter("min", minScore)
                .setParameter("limit", limit)
                // The Jaccard similarity a body needs to reach the lowest score on its own (above 1: it cannot),
                // less half a shown decimal: a score is compared after rounding to three.
                .setParameter("reach", (minScore - 0.0005) / (1 - TITLE_WEIGHT)).getResultList();
        return rows.stream().map(r -> new SubmissionView.SimilarItem(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], r[3] == null ? null : ((Number) r[3]).intValue(),
                (String) r[4], SubmissionState.valueOf((String) r[5]), ((Number) r[6]).doubleValue())).toList();
    }
}
