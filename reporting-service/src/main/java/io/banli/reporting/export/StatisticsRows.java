package io.banli.reporting.export;

import java.util.ArrayList;
import java.util.List;

import io.banli.reporting.statistics.Labels;
import io.banli.reporting.statistics.Statistics;
import io.banli.reporting.statistics.Statistics.Replies;
import io.banli.reporting.statistics.Statistics.Share;
import io.banli.reporting.statistics.Statistics.UnitFigures;

/** The statistics as rows of 范围 / 指标 / 数量 / 百分比: the selection's figures, then each unit's. */
final class StatisticsRows {

    static final List<String> HEADER = List.of("范围", "指标", "数量", "百分比(%)", "说明");

    private StatisticsRows() {
    }

    static List<List<Object>> of(Statistics s) {
        List<List<Object>> rows = new ArrayList<>();
        String all = "全部";
        rows.add(row(all, "件数", s.total(), null, "筛选：" + s.filter()));
        rows.add(row(all, "建议", s.byKind().get("SUGGESTION"), null, null));
        rows.add(row(all, "提案", s.byKind().get("PROPOSAL"), null, null));
        rows.add(row(all, "重点件", s.keyItems(), null, null));
        for (Share f : s.byField()) {
            rows.add(row(all, "类别：" + f.label(), f.count(), f.share(), "占件数"));
        }
        s.unitsPerItem().forEach((n, c) -> rows.add(row(all, "承办单位数为" + n + "的件数", c, null, null)));
        rows.add(row(all, "已交办件数", s.itemsAssigned(), null, "件：每件建议提案计一次"));
        rows.add(row(all, "已答复件数", s.itemsReplied(), null, "件：每个答复单位均已答复的建议提案"));
        rows.add(row(all, "并案件数", s.mergedItems(), null, "并入上述件办理、随其答复的建议提案，不计入件数"));
        replies(rows, all, s.replies());
        for (UnitFigures u : s.units()) {
            String scope = u.unitName() == null ? "单位" + u.unitId() : u.unitName();
            rows.add(row(scope, "主办件", u.lead(), null, "单办或主办"));
            rows.add(row(scope, "会办件", u.co(), null, null));
            rows.add(row(scope, "分办件", u.split(), null, null));
            replies(rows, scope, u.replies());
        }
        rows.add(row(all, "取整规则", null, null, s.roundingRule()));
        return rows;
    }

    private static void replies(List<List<Object>> rows, String scope, Replies r) {
        rows.add(row(scope, "应答复件", r.assigned(), null, "件次：单办、主办单位和分办的每个单位各计一件次"));
        rows.add(row(scope, "办复率", r.replied(), r.replyRate(), "已答复/应答复"));
        rows.add(row(scope, "按期办复率", r.onTime(), r.onTimeRate(), "按期答复/(已答复+逾期未答复)，以答复发出时间为准"));
        rows.add(row(scope, "单位按时报送率", r.unitOnTime(), r.unitOnTimeRate(),
                "按时报送/(已报送+逾期未报送)，以单位向办公室报送答复时间为准"));
        rows.add(row(scope, "逾期未答复", r.openPastDue(), null, null));
        for (Share c : r.byClass()) {
            rows.add(row(scope, Labels.CLASSES.get(c.code()), c.count(), c.share(), "占已答复"));
        }
        rows.add(row(scope, "联系率", r.contacted(), r.contactRate(), "答复前联系/已答复"));
        rows.add(row(scope, "见面率", r.met(), r.meetingRate(), "当面沟通/已答复"));
        rows.add(row(scope, "满意率", r.satisfied() + r.basicallySatisfied(), r.satisfactionRate(),
                "(满意+基本满意)/已评价，按件次以领衔人的评价为准，已评价" + r.evaluated() + "件次"));
        rows.add(row(scope, "满意率（按人次）", r.ratings().satisfied() + r.ratings().basicallySatisfied(),
                r.ratings().satisfactionRate(), "领衔人和联名人的每一份评价，共" + r.ratings().count() + "人次"));
        rows.add(row(scope, "满意", r.satisfied(), r.satisfiedOnlyRate(), "满意/已评价"));
        rows.add(row(scope, "基本满意", r.basicallySatisfied(), null, null));
        rows.add(row(scope, "不满意", r.unsatisfied(), null, null));
        rows.add(row(scope, "重办件", r.rehandled(), null, null));
        rows.add(row(scope, "退回重办次数", r.returned(), null, null));
        rows.add(row(scope, "申请延期", r.extensionsRequested(), null, null));
        rows.add(row(scope, "批准延期", r.extensionsApproved(), null, null));
        rows.add(row(scope, "逾期件", r.overdue().parts(), null, "含逾期答复" + r.overdue().repliedLate() + "件"));
        rows.add(row(scope, "逾期天数合计", r.overdue().days(), null, "最长" + r.overdue().maxDays() + "天"));
    }

    private static List<Object> row(String scope, String name, Object count, Object percent, String note) {
        List<Object> row = new ArrayList<>();
        row.add(scope);
        row.add(name);
        row.add(count);
        row.add(percent);
        row.add(note);
        return row;
    }
}
