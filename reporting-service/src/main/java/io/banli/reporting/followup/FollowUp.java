package io.banli.reporting.followup;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The follow-up across years (回头看) a session's office does of the previous session of the same body: its B-class
 * items and every commitment with its progress, overdue ones flagged.
 *
 * @param previousSession null when no earlier session of the same kind and level is known
 * @param bClassItems     items with a B-class reply among {@code items}
 * @param commitments     fulfilled + inProgress
 * @param overdue         commitments in progress whose day has passed (a part of inProgress)
 */
public record FollowUp(SessionRef session, @Schema(nullable = true) SessionRef previousSession, LocalDate asOf,
        long bClassItems, long commitments, long fulfilled, long inProgress, long overdue, List<FollowUpItem> items) {
}
