package io.banli.supervision.notice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a notice says: the units and items past their deadlines in the period, and the units ranked by
 * on-time rate (deadlines met on time over deadlines due in the period and met or missed), with the
 * office's standard marked. Rates are percentages rounded half-up to two decimals.
 */
public record NoticeContent(LocalDate from, LocalDate to, BigDecimal standardPercent, List<LateUnit> lateUnits,
        List<Ranked> ranking, int itemsNamed) {

    /** {@code unitName}: as the assignment named the unit; null when no event named it. */
    public record LateUnit(long unitId, String unitName, List<LateItem> items) {
    }

    /**
     * {@code submissionNumber}: the item's number in its session (第N号), what the document prints (null when no
     * event carried it); {@code stageName}: the stage as people read it. {@code daysLate}: calendar days from the
     * due time to the work, or to the issue of the notice.
     */
    public record LateItem(long submissionId, Integer submissionNumber, String stage, String stageName, Instant dueAt,
            long daysLate, boolean stillOpen, boolean explanationFiled) {
    }

    public record Ranked(int rank, long unitId, String unitName, long due, long onTime, BigDecimal onTimePercent,
            boolean belowStandard) {
    }
}
