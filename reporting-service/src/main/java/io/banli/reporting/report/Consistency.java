package io.banli.reporting.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.banli.kit.problem.Problems;
import io.banli.reporting.followup.FollowUp;
import io.banli.reporting.statistics.Percent;
import io.banli.reporting.statistics.Statistics;
import io.banli.reporting.statistics.Statistics.Group;
import io.banli.reporting.statistics.Statistics.Share;

/**
 * Refuses to publish figures whose parts do not add up to their whole (seed 002 printed 115 + 54 + 6
 * of 170 items). The projection makes this unlikely; the check makes it impossible to print.
 */
final class Consistency {

    private Consistency() {
    }

    static List<String> problems(Statistics s) {
        List<String> p = new ArrayList<>();
        same(p, "件数按类型", sum(s.byKind().values()), s.total());
        same(p, "件数按提出者", sum(s.byProposerKind().values()), s.total());
        same(p, "件数按类别", s.byField().stream().mapToLong(Share::count).sum(), s.total());
        same(p, "件数按状态", sum(s.byState().values()), s.total());
        same(p, "件数按承办单位数", sum(s.unitsPerItem().values()), s.total());
        same(p, "办理结果分类", s.replies().byClass().stream().mapToLong(Share::count).sum(), s.replies().replied());
        same(p, "评价", s.replies().satisfied() + s.replies().basicallySatisfied() + s.replies().unsatisfied(),
                s.replies().evaluated());
        if (s.itemsReplied() > s.replies().replied()) {
            p.add("已答复" + s.itemsReplied() + "件多于答复" + s.replies().replied() + "件次");
        }
        long multi = s.unitsPerItem().entrySet().stream().filter(e -> Integer.parseInt(e.getKey()) >= 2)
                .mapToLong(e -> e.getValue()).sum();
        same(p, "多单位办理件数", s.multiUnitItems(), multi);
        if (s.multiUnitItems() > s.itemsAssigned()) {
            p.add("多单位办理" + s.multiUnitItems() + "件多于已交办" + s.itemsAssigned() + "件");
        }
        same(p, "件数按代表团界别", s.byDelegation().stream().mapToLong(Group::items).sum(), s.total());
        same(p, "已答复件数按代表团界别", s.byDelegation().stream().mapToLong(Group::itemsReplied).sum(), s.itemsReplied());
        same(p, "重点件数按领衔领导", s.byLeadingOfficial().stream().mapToLong(Group::items).sum(), s.keyItems());
        hundred(p, "类别占比", s.byField().stream().map(Share::share).toList(), s.total());
        hundred(p, "办理结果占比", s.replies().byClass().stream().map(Share::share).toList(), s.replies().replied());
        hundred(p, "代表团界别占比", s.byDelegation().stream().map(Group::share).toList(), s.total());
        hundred(p, "领衔领导占比", s.byLeadingOfficial().stream().map(Group::share).toList(), s.keyItems());
        return p;
    }

    static void check(Statistics s) {
        refuse(problems(s));
    }

    /** The follow-up's counts: every commitment is fulfilled or in progress, and the overdue are in progress. */
    static List<String> problems(FollowUp f) {
        List<String> p = new ArrayList<>();
        same(p, "承诺事项按进度", f.fulfilled() + f.inProgress(), f.commitments());
        same(p, "承诺事项", f.items().stream().mapToLong(i -> i.commitments().size()).sum(), f.commitments());
        if (f.overdue() > f.inProgress()) {
            p.add("逾期承诺" + f.overdue() + "项多于推进中" + f.inProgress() + "项");
        }
        if (f.bClassItems() > f.items().size()) {
            p.add("B类" + f.bClassItems() + "件多于跟踪事项" + f.items().size() + "件");
        }
        return p;
    }

    static void check(FollowUp f) {
        refuse(problems(f));
    }

    private static void refuse(List<String> p) {
        if (!p.isEmpty()) {
            throw Problems.problem(409, "inconsistent-figures", "Conflict",
                    "The figures do not add up, so the report is not generated: " + String.join("; ", p));
        }
    }

    private static long sum(Collection<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    private static void same(List<String> p, String what, long parts, long whole) {
        if (parts != whole) {
            p.add(what + "之和" + parts + "不等于" + whole);
        }
    }

    /** Each share is rounded on its own, so their sum may miss 100 by rounding, never by more. */
    static void hundred(List<String> p, String what, List<BigDecimal> shares, long whole) {
        BigDecimal sum = shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int decimals = shares.stream().mapToInt(BigDecimal::scale).max().orElse(0);
        BigDecimal gap = sum.subtract(BigDecimal.valueOf(100)).abs();
        if (whole > 0 && gap.compareTo(Percent.roundingSlack(shares.size(), decimals)) > 0) {
            p.add(what + "之和为" + sum.toPlainString() + "%");
        }
    }
}
