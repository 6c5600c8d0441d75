package io.banli.intake.submission;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Duplicates and precedents: the items of this and earlier sessions whose title and body share the
 * most character bigrams with a given one (Jaccard similarity, title weighted 0.6, body 0.4). Bigrams are
 * integer codes compared by intarray's operators (migration V13). The candidates are the items sharing a title
 * bigram or an element of the body's sketch (its 8 bigrams of smallest hash: bodies alike enough to matter share
 * one, bodies sharing only common bigrams rarely do); of those, the {@value #CANDIDATES} with the most similar
 * titles are scored in full.
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
                    select s.id, s.title_codes, s.body_codes, s.body_sketch, se.year from submission s
                    join session se on se.id = s.session_id where s.id = :id),
                candidates as (
                    select o.id, intake_jaccard_codes(o.title_codes, me.title_codes) as title_score
                    from me
                    join submission o on o.id <> me.id and o.state <> 'DRAFT'
                         and (o.title_codes && me.title_codes or o.body_sketch && me.body_sketch)
                    where o.session_id in (select se.id from session se where se.year <= me.year)
                    order by title_score desc, o.id
                    limit :candidates)
                select o.id, o.session_id, se.name, o.number, o.title, o.state, sc.score
                from candidates c
                cross join me
                join submission o on o.id = c.id
                join session se on se.id = o.session_id
                cross join lateral (select round(cast(:tw * c.title_score
                        + (1 - :tw) * intake_jaccard_codes(o.body_codes, me.body_codes) as numeric), 3) as score) sc
                where sc.score >= :min
                order by sc.score desc, o.id
                limit :limit""")
                .setParameter("candidates", CANDIDATES)
                .setParameter("id", s.id).setParameter("tw", TITLE_WEIGHT).setParameter("min", minScore)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new SubmissionView.SimilarItem(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], r[3] == null ? null : ((Number) r[3]).intValue(),
                (String) r[4], SubmissionState.valueOf((String) r[5]), ((Number) r[6]).doubleValue())).toList();
    }
}
