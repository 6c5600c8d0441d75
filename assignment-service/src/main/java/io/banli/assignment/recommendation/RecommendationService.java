package io.banli.assignment.recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.assignment.submission.HandledSubmission;
import io.banli.assignment.submission.SubmissionState;
import io.banli.assignment.unit.Unit;
import io.banli.kit.problem.Problems;
import io.quarkus.logging.Log;

/**
 * 智能交办: recommends units for registered items from the units that handled the most similar items of this
 * and earlier sessions. It only proposes: nothing is assigned until the office sends a pre-assignment.
 * The index is kept in memory and rebuilt when the history has changed since it was built.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RecommendationService {

    /** A co-unit is proposed when at least this share of the similar precedents had it. */
    static final double CO_UNIT_SHARE = 0.5;
    static final int MAX_CO_UNITS = 5;

    private record Built(String version, Recommender recommender) {
    }

    @Inject
    PrecedentHistory history;

    private volatile Built built;

    public RecommendedUnits recommend(long submissionId) {
        HandledSubmission item = HandledSubmission.require(submissionId);
        Recommender recommender = recommender();
        Recommendation r = recommender.recommend(item.id, item.title, item.field);
        Map<Long, Unit> units = activeUnits();
        Set<Long> shown = new HashSet<>();
        for (List<UnitScore> scores : List.of(r.leadUnits(), r.coUnits())) {
            scores.forEach(s -> s.reasons().forEach(n -> shown.add(n.precedent().submissionId())));
        }
        Map<Long, String> replies = history.publicReplies(shown);
        return new RecommendedUnits(item.id, item.title, recommender.precedents(),
                views(r.leadUnits(), units, replies), views(r.coUnits(), units, replies));
    }

    public SessionPreFill preFill(long sessionId) {
        if (HandledSubmission.count("sessionId", sessionId) == 0) {
            throw Problems.notFound("session with registered submissions", sessionId);
        }
        List<HandledSubmission> open = HandledSubmission.list("sessionId = ?1 and state = ?2 order by number, id",
                sessionId, SubmissionState.REGISTERED);
        Recommender recommender = recommender();
        Map<Long, Unit> units = activeUnits();
        List<PreFillItem> items = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (HandledSubmission item : open) {
            Recommendation r = recommender.recommend(item.id, item.title, item.field);
            List<UnitScore> leads = active(r.leadUnits(), units);
            if (leads.isEmpty()) {
                without.add(item.id);
                continue;
            }
            UnitScore lead = leads.get(0);
            List<Long> co = active(r.coUnits(), units).stream()
                    .filter(u -> u.score() >= CO_UNIT_SHARE && u.unitId() != lead.unitId())
                    .limit(MAX_CO_UNITS).map(UnitScore::unitId).toList();
            items.add(new PreFillItem(item.id, co.isEmpty() ? "SOLE" : "JOINT", lead.unitId(), co, lead.score()));
        }
        return new SessionPreFill(sessionId, recommender.precedents(), items, without);
    }

    /** The index of the current history: reused while nothing changed, rebuilt once when it did. */
    private Recommender recommender() {
        String version = history.version();
        Built current = built;
        if (current != null && current.version().equals(version)) {
            return current.recommender();
        }
        synchronized (this) {
            current = built;
            if (current == null || !current.version().equals(version)) {
                long start = System.nanoTime();
                // Read after the version: the index is at least as new as the version it is kept under.
                List<Precedent> precedents = history.load();
                current = new Built(version, new Recommender(PrecedentIndex.of(precedents)));
                built = current;
                Log.infof("Unit recommendation learned from %d precedents in %d ms", precedents.size(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return current.recommender();
        }
    }

    /** An inactive unit takes no new items, however well it handled the old ones. */
    private static Map<Long, Unit> activeUnits() {
        Map<Long, Unit> units = new HashMap<>();
        Unit.<Unit>list("active", true).forEach(u -> units.put(u.id, u));
        return units;
    }

    private static List<UnitScore> active(List<UnitScore> scores, Map<Long, Unit> units) {
        return scores.stream().filter(s -> units.containsKey(s.unitId())).toList();
    }

    private static List<RecommendedUnit> views(List<UnitScore> scores, Map<Long, Unit> units,
            Map<Long, String> replies) {
        return active(scores, units).stream().map(s -> new RecommendedUnit(s.unitId(), units.get(s.unitId()).name,
                s.score(), s.reasons().stream()
                        .map(n -> PrecedentView.of(n, replies.get(n.precedent().submissionId()))).toList()))
                .toList();
    }
}
