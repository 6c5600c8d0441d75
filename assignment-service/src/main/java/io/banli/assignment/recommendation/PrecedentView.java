package io.banli.assignment.recommendation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A past item given as the reason for a recommendation. */
@Schema(name = "RecommendationPrecedent")
public record PrecedentView(long submissionId, String title, long sessionId, int number,
        @Schema(nullable = true, description = "class of the lead unit's sent reply; empty before the reply")
        String resultClass,
        @Schema(description = "cosine similarity of the two titles' bigrams, 0…1") double similarity,
        @Schema(nullable = true, description = """
                the sent reply's text when it is public and the item not confidential: an earlier answer the
                office can point a deputy to""") String replyText) {

    static PrecedentView of(Neighbour n, String replyText) {
        Precedent p = n.precedent();
        return new PrecedentView(p.submissionId(), p.title(), p.sessionId(), p.number(), p.resultClass(),
                Math.round(n.similarity() * 1000) / 1000.0, replyText);
    }
}
