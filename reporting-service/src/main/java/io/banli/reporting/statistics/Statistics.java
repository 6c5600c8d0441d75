package io.banli.reporting.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The figures of domain.md's "Statistics" for one selection of submissions. Counts of items (件) count
 * each submission once; reply figures count replying parts (件次: the sole or lead unit's, or each unit's
 * of a SPLIT item), which for SOLE and JOINT items is one per item. A SPLIT item replied by two units is
 * one replied item ({@code itemsReplied}) and two replies ({@code replies.replied}), and may be A and D.
 *
 * @param itemsAssigned items with at least one unit assigned (件)
 * @param itemsReplied  items every replying unit of which has replied (件): the report's "已答复N件"
 * @param multiUnitItems items handled by two or more units (lead, co or split, re-assigned ones not counted) —
 *                      部门配合共同办理 (seeds 002, 003: 147 of 170)
 * @param multiUnitShare multiUnitItems / itemsAssigned; null with nothing assigned
 * @param byDelegation  items by the lead proposer's delegation or sector (代表团/界别); a group proposal (集体提案)
 *                      under the group's name; shares of {@code total}
 * @param byLeadingOfficial key items by the official who leads their handling (领衔); shares of {@code keyItems}
 * @param mergedItems   items merged into the counted ones (并案): handled and answered with their host, so not in
 *                      {@code total} nor any other count of items; their proposers' ratings count per rating
 * @param byProposerKind items by who leads them: DEPUTY, CPPCC_MEMBER and GROUP (集体提案: a group on the register,
 *                      or an older item carrying a group label)
 */
public record Statistics(String filter, Instant asOf, String roundingRule, long total, Map<String, Long> byKind,
        List<Share> byField, Map<String, Long> byMode, Map<String, Long> byState, long keyItems,
        Map<String, Long> unitsPerItem, int maxUnitsPerItem, Replies replies, List<UnitFigures> units,
        long itemsAssigned, long itemsReplied, long multiUnitItems, @Schema(nullable = true) BigDecimal multiUnitShare,
        List<Group> byDelegation, List<Group> byLeadingOfficial, long mergedItems,
        Map<String, Long> byProposerKind) {

    /** Items of one delegation, sector or leading official: how many, how many replied (件), and their share. */
    public record Group(String name, long items, long itemsReplied, BigDecimal share) {
    }

    /** One part of a whole, with its share of it (rounded on its own: equal counts, equal shares). */
    public record Share(String code, String label, long count, BigDecimal share) {
    }

    /**
     * Reply figures. Rates are percentages, null when their denominator is 0 (e.g. nothing evaluated yet).
     *
     * @param assigned      replying parts assigned (件次)
     * @param replied       replying parts replied (件次): a SPLIT item's two units are two
     * @param onTime        the item's timeliness: the reply sent to the proposer by the deadline (extension
     *                      included), whoever took the time
     * @param openPastDue   not replied and past the deadline: counted against the on-time rate
     * @param onTimeRate    onTime / (replied + openPastDue) — 按期办复率 (the item's)
     * @param replyRate     replied / assigned — 办复率
     * @param contactRate   replied parts whose proposer was contacted before the reply / replied — 联系率
     * @param meetingRate   replied parts with a face-to-face contact / replied — 见面率
     * @param evaluated     replied parts rated; a part's rating is the lead proposer's in the latest round they
     *                      rated (the rating the workflow acts on)
     * @param satisfactionRate (satisfied + basically satisfied) / evaluated — 满意率 per item (per 件次)
     * @param satisfiedOnlyRate satisfied / evaluated
     * @param unitSubmitted parts whose unit submitted its reply to the office (its last first-round submission)
     * @param unitOnTime    the unit's timeliness: submitted to the office by the deadline, the office's review not
     *                      charged to the unit
     * @param unitOpenPastDue not submitted and past the deadline
     * @param unitOnTimeRate unitOnTime / (unitSubmitted + unitOpenPastDue) — 单位按时报送率 (the unit's)
     */
    public record Replies(long assigned, long replied, BigDecimal replyRate, long onTime, long openPastDue,
            BigDecimal onTimeRate, List<Share> byClass, long contacted, BigDecimal contactRate, long met,
            BigDecimal meetingRate, long evaluated, long satisfied, long basicallySatisfied, long unsatisfied,
            BigDecimal satisfactionRate, BigDecimal satisfiedOnlyRate, long rehandled, long returned,
            long holdingAnswers, long extensionsRequested, long extensionsApproved, Overdue overdue,
            long unitSubmitted, long unitOnTime, long unitOpenPastDue,
            @Schema(nullable = true) BigDecimal unitOnTimeRate, Ratings ratings) {
    }

    /**
     * 满意率 per rating: every member's rating (lead proposer and signed co-signers) of the latest round each
     * replied part was rated in.
     */
    public record Ratings(long count, long satisfied, long basicallySatisfied, long unsatisfied,
            @Schema(nullable = true) BigDecimal satisfactionRate, @Schema(nullable = true) BigDecimal satisfiedOnlyRate) {
    }

    /** Parts past their reply deadline: still open, or replied late; days count calendar days. */
    public record Overdue(long parts, long open, long repliedLate, long days, long maxDays) {
    }

    /** One unit's part: 主办 (sole or lead), 会办 (co), 分办 (split), and its reply figures. */
    public record UnitFigures(long unitId, String unitName, long lead, long co, long split,
    @Schema(nullable = true) Replies replies) {
    }
}
