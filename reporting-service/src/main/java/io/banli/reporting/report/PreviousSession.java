package io.banli.reporting.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import io.banli.reporting.followup.FollowUp;
import io.banli.reporting.followup.FollowUpCommitment;
import io.banli.reporting.followup.FollowUpItem;
import io.banli.reporting.statistics.Statistics;
import io.banli.reporting.statistics.Statistics.Share;

/**
 * The report's two sections about the previous session (or year): its figures beside this one's (counts, classes,
 * rates), and the follow-up of its B-class items and commitments (回头看), overdue commitments marked 【逾期】 so the
 * mark survives every format. Items print by the session's number (第N号), never by Banli's id.
 */
final class PreviousSession {

    private PreviousSession() {
    }

    /**
     * @param earlier the previous session's name or the previous year ("2024年"); null when there is none
     * @param before  its figures (null when there is no previous session)
     */
    static String sections(boolean bySession, String earlier, String kw, Statistics now, Statistics before,
            FollowUp followed) {
        String last = bySession ? "上次会议" : "上年";
        StringBuilder m = new StringBuilder("\n## 六、与").append(last).append("对比\n\n");
        if (earlier == null || before == null) {
            m.append("未找到同一届别、同一层级的上次会议，不作对比。\n\n## 七、").append(last)
                    .append("B类事项跟踪（回头看）\n\n无可跟踪的事项。\n");
            return m.toString();
        }
        m.append("与").append(last).append("（").append(earlier).append("）相比：\n\n");
        m.append("| 指标 | 本次 | ").append(last).append(" | 增减 |\n|---|---|---|---|\n");
        count(m, "承办" + kw + "（件）", now.total(), before.total());
        count(m, "已交办（件）", now.itemsAssigned(), before.itemsAssigned());
        count(m, "已答复（件）", now.itemsReplied(), before.itemsReplied());
        count(m, "答复（件次）", now.replies().replied(), before.replies().replied());
        List<Share> c = now.replies().byClass();
        List<Share> b = before.replies().byClass();
        for (int i = 0; i < c.size(); i++) {
            count(m, c.get(i).code() + "类（件次）", c.get(i).count(), b.get(i).count());
            rate(m, c.get(i).code() + "类占比", c.get(i).share(), b.get(i).share(), before.replies().replied() > 0
                    && now.replies().replied() > 0);
        }
        count(m, "两个及以上单位办理（件）", now.multiUnitItems(), before.multiUnitItems());
        rate(m, "两个及以上单位办理占比", now.multiUnitShare(), before.multiUnitShare(), true);
        rate(m, "办复率", now.replies().replyRate(), before.replies().replyRate(), true);
        rate(m, "按期办复率", now.replies().onTimeRate(), before.replies().onTimeRate(), true);
        rate(m, "单位按时报送率", now.replies().unitOnTimeRate(), before.replies().unitOnTimeRate(), true);
        rate(m, "满意率（按件次）", now.replies().satisfactionRate(), before.replies().satisfactionRate(), true);
        m.append("\n增减一栏：件数为本次减").append(last).append("，比率为相差的百分点。\n\n");
        m.append("## 七、").append(last).append("B类事项跟踪（回头看）\n\n");
        m.append(last).append("（").append(earlier).append("）答复为B类（正在解决或列入计划逐步解决）的")
                .append(followed.bClassItems()).append("件，连同作出承诺的事项共跟踪").append(followed.items().size())
                .append("件、承诺事项").append(followed.commitments()).append("项：已完成").append(followed.fulfilled())
                .append("项，推进中").append(followed.inProgress()).append("项，其中逾期未完成").append(followed.overdue())
                .append("项（表中标注【逾期】）。\n\n");
        if (followed.items().isEmpty()) {
            return m.toString();
        }
        m.append("| 编号 | 标题 | 承办单位 | 办理结果 | 承诺期限 | 进度 | 状态 |\n|---|---|---|---|---|---|---|\n");
        for (FollowUpItem item : followed.items()) {
            String head = "| " + (item.number() == null ? "—" : "第" + item.number() + "号") + " | "
                    + Markdown.text(item.title()) + " | ";
            if (item.commitments().isEmpty()) {
                m.append(head).append(Markdown.text(item.units())).append(" | ").append(orDash(item.classes()))
                        .append(" | — | — | 未作承诺 |\n");
            }
            for (FollowUpCommitment k : item.commitments()) {
                m.append(head).append(Markdown.text(k.unitName() == null ? item.units() : k.unitName())).append(" | ")
                        .append(orDash(item.classes())).append(" | ").append(day(k.promisedOn())).append(" | ")
                        .append(k.percent()).append("%").append(k.progressedOn() == null ? ""
                                : "（" + day(k.progressedOn()) + "报告）").append(" | ")
                        .append(k.fulfilled() ? "已完成" : k.overdue() ? "【逾期" + k.overdueDays() + "天】" : "推进中")
                        .append(" |\n");
            }
        }
        return m.toString();
    }

    private static void count(StringBuilder m, String what, long now, long before) {
        long d = now - before;
        m.append("| ").append(what).append(" | ").append(now).append(" | ").append(before).append(" | ")
                .append(d > 0 ? "+" + d : String.valueOf(d)).append(" |\n");
    }

    private static void rate(StringBuilder m, String what, BigDecimal now, BigDecimal before, boolean comparable) {
        Function<BigDecimal, String> pct = v -> v == null ? "—" : v.toPlainString() + "%";
        String d = !comparable || now == null || before == null ? "—" : points(now.subtract(before));
        m.append("| ").append(what).append(" | ").append(pct.apply(now)).append(" | ").append(pct.apply(before))
                .append(" | ").append(d).append(" |\n");
    }

    private static String points(BigDecimal d) {
        return (d.signum() > 0 ? "+" : "") + d.toPlainString() + "个百分点";
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : Markdown.text(s) + "类";
    }

    /** A day as people write it (2025年9月30日), not as ISO. */
    private static String day(LocalDate d) {
        return d == null ? "—" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
