package io.banli.assignment.recommendation;

import java.util.List;

/**
 * A past item as the recommendation learns from it: who handled it in the end. {@code leftUnits} were
 * pre-assigned and re-assigned away after a "not ours" request: the office said they were wrong for it.
 *
 * @param resultClass the class of the lead (or sole) unit's sent reply, {@code null} before the reply
 */
record Precedent(long submissionId, String title, String field, long sessionId, int number, String resultClass,
        List<Long> leadUnits, List<Long> coUnits, List<Long> leftUnits) {
}
