package io.banli.reporting.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.banli.kit.audit.AuditLog;
import io.banli.reporting.followup.FollowUp;
import io.banli.reporting.followup.FollowUpQuery;
import io.banli.reporting.ranking.Ranking;
import io.banli.reporting.ranking.Ranking.Entry;
import io.banli.reporting.ranking.Rankings;
import io.banli.reporting.statistics.Filter;
import io.banli.reporting.statistics.Selection;
import io.banli.reporting.statistics.RolledUpStatistics;
import io.banli.reporting.statistics.Statistics;
import io.banli.reporting.statistics.Statistics.Replies;
import io.banli.reporting.statistics.Statistics.Share;
import io.banli.reporting.statistics.StatisticsQuery;

/**
 * The statistical part of the annual work report (办理工作情况报告) in the structure of the seeds:
 * totals (主办/会办), shares by field and by result class, the rates, key items and their outcome, the
 * units named for lateness and the on-time ranking, with charts. Every number comes from the
 * projection, and nothing is printed unless its parts add up. Every text people wrote (titles, names,
 * session names) enters the Markdown through {@link Markdown#text}, so it cannot become markup.
 */
@ApplicationScoped
public class AnnualReport {

    /**
     * Units are ranked, and named against the standard, by what they answer for: their own timeliness
     * (submitted to the office by the deadline), as in supervision's notices; the item's on-time rate is
     * printed beside it.
     */
    static final Ranking.Measure RANKED_BY = Ranking.Measure.UNIT_ON_TIME_RATE;

    /** The three charts of the report. */
    public enum Chart { CLASSES, FIELDS, RANKING }

    @Inject
    RolledUpStatistics statistics;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    LeaderItems leaderItems;

    @Inject
    FollowUpQuery followUp;

    @Transactional
    public String markdown(Filter f, int decimals, BigDecimal standard) {
        Statistics s = statistics.compute(f, decimals);
        Consistency.check(s);
        // The previous session (or year) is compared and followed up; its figures must add up too.
        Optional<Filter> earlier = followUp.previousPeriod(f);
        Statistics before = earlier.map(p -> statistics.compute(p, decimals)).orElse(null);
        FollowUp followed = earlier.map(p -> followUp.summary(null, null, followUp.items(p))).orElse(null);
        if (before != null) {
            Consistency.check(before);
            Consistency.check(followed);
        }
        Ranking ranking = Rankings.rank(s, RANKED_BY, standard);
        audit.record("report.annual", "report", f.describe(), "annual report generated: " + s.total() + " items");
        return markdown(title(f), f, s, ranking, decimals) + PreviousSession.sections(f.sessionId != null,
                earlier.map(this::scope).orElse(null), kindWord(f), s, before, followed);
    }

    public String title(Filter f) {
        String kind = kindWord(f);
        String scope = scope(f);
        return "关于" + scope + kind + "办理工作情况的报告";
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] chart(Filter f, Chart chart, BigDecimal standard) {
        Statistics s = statistics.compute(f, 2);
        return chart(s, chart, Rankings.rank(s, RANKED_BY, standard));
    }

    private static byte[] chart(Statistics s, Chart chart, Ranking ranking) {
        return switch (chart) {
            case CLASSES -> Charts.bars(s.replies().byClass().stream().map(c -> c.code() + "类").toList(),
                    s.replies().byClass().stream().map(c -> c.share().doubleValue()).toList(), null);
            case FIELDS -> Charts.bars(numbered(s.byField()),
                    s.byField().stream().map(c -> c.share().doubleValue()).toList(), null);
            case RANKING -> Charts.bars(ranking.units().stream().map(u -> u.rank() + " " + unitName(u)).toList(),
                    ranking.units().stream().map(u -> u.value() == null ? null : u.value().doubleValue())
                            .toList(), ranking.standard().doubleValue());
        };
    }

    private String markdown(String title, Filter f, Statistics s, Ranking ranking, int d) {
        String kw = kindWord(f);
        Replies r = s.replies();
        long lead = s.units().stream().mapToLong(u -> u.lead()).sum();
        long co = s.units().stream().mapToLong(u -> u.co()).sum();
        long split = s.units().stream().mapToLong(u -> u.split()).sum();
        long multi = s.unitsPerItem().entrySet().stream().filter(e -> Integer.parseInt(e.getKey()) >= 2)
                .mapToLong(e -> e.getValue()).sum();
        StringBuilder m = new StringBuilder();
        m.append("# ").append(title).append("\n\n");
        m.append("> 本报告的数字由办理系统根据各环节事件自动统计，截至").append(s.asOf().atZone(StatisticsQuery.ZONE)
                .toLocalDate()).append("。").append(s.roundingRule()).append("。\n\n");
        m.append("## 一、基本情况\n\n");
        m.append(scope(f)).append("共承办").append(kw).append(s.total()).append("件，其中单办、主办").append(lead)
                .append("件次，会办").append(co).append("件次，分办").append(split).append("件次；重点").append(kw)
                .append(s.keyItems()).append("件。需两个及以上单位办理的").append(multi).append("件，占已交办")
                .append(s.itemsAssigned()).append("件的").append(pct(s.multiUnitShare())).append("，涉及单位最多的一件有")
                .append(s.maxUnitsPerItem()).append("个单位。");
        if (s.mergedItems() > 0) {
            // 并案: each merged item is answered by its host's reply; it is not counted as an item again.
            m.append("另有内容相同的").append(s.mergedItems()).append("件并入上述").append(kw)
                    .append("办理（并案），不重复计件；其提出人同样收到答复并参加评价。");
        }
        long groups = s.byProposerKind().getOrDefault("GROUP", 0L);
        if (groups > 0) {
            // CPPCC reports count group proposals (集体提案: parties, people's organisations, committees, sectors).
            m.append("其中集体提案").append(groups).append("件，委员个人提案").append(s.byProposerKind()
                    .getOrDefault("CPPCC_MEMBER", 0L)).append("件。");
        }
        m.append("\n\n");
        m.append("从提出人所在代表团（界别）看：\n\n");
        groups(m, "代表团（界别）", s.byDelegation(), "占全部");
        m.append("从类别看，").append(s.byField().stream().map(c -> Markdown.text(c.label()) + "方面" + c.count() + "件，占"
                + pct(c.share())).collect(Collectors.joining("；"))).append("。\n\n");
        m.append("![图1 类别构成（").append(legend(s.byField())).append("）](").append(png(chart(s, Chart.FIELDS, ranking)))
                .append(")\n\n");
        m.append("## 二、办理结果\n\n");
        // Items (件) are counted once; a SPLIT item's units reply separately, so replies are 件次 (issue 14).
        m.append("已答复").append(s.itemsReplied()).append("件（共答复").append(r.replied())
                .append("件次，分办件每个承办单位的答复各计1件次；以下比率和办理结果均按件次计算），办复率")
                .append(pct(r.replyRate())).append("；按期办复率")
                .append(pct(r.onTimeRate())).append("（逾期未答复的").append(r.openPastDue())
                .append("件次计入分母；以答复发出时间为准）；单位按时报送率").append(pct(r.unitOnTimeRate()))
                .append("（承办单位在期限内向办公室报送答复的比例，不计办公室审核时间；逾期未报送的")
                .append(r.unitOpenPastDue()).append("件次计入分母）。\n\n");
        List<Share> c = r.byClass();
        m.append("从办理结果看，所提问题已经解决或基本解决的（A类）").append(c.get(0).count()).append("件次，占")
                .append(pct(c.get(0).share())).append("；正在解决或列入计划逐步解决的（B类）").append(c.get(1).count())
                .append("件次，占").append(pct(c.get(1).share())).append("；因条件限制暂不能解决、已作说明的（C类）")
                .append(c.get(2).count()).append("件次，占").append(pct(c.get(2).share())).append("；留作参考的（D类）")
                .append(c.get(3).count()).append("件次，占").append(pct(c.get(3).share())).append("。\n\n");
        m.append("答复前联系率").append(pct(r.contactRate())).append("，见面率").append(pct(r.meetingRate()))
                .append("。已评价").append(r.evaluated()).append("件次，满意率（满意和基本满意）").append(pct(r.satisfactionRate()))
                .append("，其中满意").append(pct(r.satisfiedOnlyRate()))
                .append("（按件次，以领衔人的评价为准）；领衔人和联名人共评价").append(r.ratings().count())
                .append("人次，满意率（按人次）").append(pct(r.ratings().satisfactionRate())).append("。不满意后重办").append(r.rehandled())
                .append("件次，退回重办").append(r.returned()).append("次；申请延期").append(r.extensionsRequested())
                .append("件次，批准").append(r.extensionsApproved()).append("件次。\n\n");
        m.append("![图2 办理结果构成（A、B、C、D类）](").append(png(chart(s, Chart.CLASSES, ranking))).append(")\n\n");
        m.append("## 三、重点").append(kw).append("办理情况\n\n");
        List<Object[]> keys = keyItems(f);
        if (keys.isEmpty()) {
            m.append("本期无重点").append(kw).append("。\n\n");
        } else {
            m.append("| 编号 | 标题 | 领衔领导 | 承办单位 | 办理结果 | 状态 |\n|---|---|---|---|---|---|\n");
            for (Object[] k : keys) {
                m.append("| ").append(Markdown.text(k[0])).append(" | ").append(Markdown.text(k[1])).append(" | ")
                        .append(Markdown.text(k[2])).append(" | ").append(Markdown.text(k[3])).append(" | ")
                        .append(k[4] == null ? "—" : Markdown.text(k[4])).append(" | ").append(Boolean.TRUE.equals(k[5]) ? "已答复" : "办理中")
                        .append(" |\n");
            }
            m.append('\n');
        }
        if (!s.byLeadingOfficial().isEmpty()) {
            m.append("按领衔办理的领导统计：\n\n");
            groups(m, "领衔领导", s.byLeadingOfficial(), "占重点");
        }
        m.append("## 四、逾期情况\n\n");
        List<Statistics.UnitFigures> late = s.units().stream().filter(u -> u.replies().overdue().parts() > 0)
                .sorted((a, b) -> Long.compare(b.replies().overdue().days(), a.replies().overdue().days())).toList();
        if (late.isEmpty()) {
            m.append("全部").append(kw).append("均在规定期限内答复，无逾期。\n\n");
        } else {
            m.append("共").append(r.overdue().parts()).append("件次逾期（其中逾期未答复").append(r.overdue().open())
                    .append("件次，逾期答复").append(r.overdue().repliedLate()).append("件次），累计逾期").append(r.overdue().days())
                    .append("天。").append(late.size()).append("个单位存在逾期：").append(late.stream()
                            .map(u -> name(u) + "逾期" + u.replies().overdue().parts() + "件次、累计" + u.replies().overdue().days()
                                    + "天").collect(Collectors.joining("；"))).append("。\n\n");
        }
        m.append("## 五、承办单位按时报送率排名\n\n");
        m.append(ranking.rule()).append("。\n\n");
        m.append("| 名次 | 单位 | 单位按时报送率 | 按期办复率 | 满意率 | 逾期天数 | 是否达标 |\n|---|---|---|---|---|---|---|\n");
        for (Entry e : ranking.units()) {
            // Units by name only: Banli's ids are not for people (issue 14).
            m.append("| ").append(e.rank()).append(" | ").append(Markdown.text(unitName(e)))
                    .append(" | ").append(pct(e.unitOnTimeRate())).append(" | ")
                    .append(pct(e.onTimeRate())).append(" | ")
                    .append(pct(e.satisfactionRate())).append(" | ").append(e.overdueDays()).append(" | ")
                    .append(e.meetsStandard() == null ? "—" : e.meetsStandard() ? "达标" : "未达标").append(" |\n");
        }
        m.append("\n![图3 单位按时报送率排名（虚线为标准").append(ranking.standard().stripTrailingZeros().toPlainString())
                .append("%）](").append(png(chart(s, Chart.RANKING, ranking))).append(")\n");
        return m.toString();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> keyItems(Filter f) {
        Selection sel = Selection.of(f, "");
        return leaderItems.bind(sel.query(em, "select i.number, i.title, i.leading_official, string_agg(p.unit_name, '、' order by "
                + "p.role, p.unit_id), string_agg(distinct cast(p.result_class as text), '、'), "
                + "bool_and(p.replied_at is not null) filter (where " + StatisticsQuery.REPLYING + ") "
                + "from item i left join unit_part p on p.submission_id = i.submission_id and p.assigned_at is not null "
                + "and not p.reassigned_away where " + sel.items() + " and i.key_item" + leaderItems.condition()
                + " group by i.submission_id, i.number, i.title, i.leading_official order by i.number limit 200", null))
                .getResultList();
    }

    /** A table of groups (delegations or leading officials) with their items, replied items and share. */
    private static void groups(StringBuilder m, String what, List<Statistics.Group> groups, String shareOf) {
        m.append("| ").append(what).append(" | 件数 | 已答复 | ").append(shareOf).append(" |\n|---|---|---|---|\n");
        for (Statistics.Group g : groups) {
            m.append("| ").append(Markdown.text(g.name())).append(" | ").append(g.items()).append(" | ")
                    .append(g.itemsReplied()).append(" | ").append(pct(g.share())).append(" |\n");
        }
        m.append('\n');
    }

    private static String unitName(Entry e) {
        return e.unitName() == null ? "单位" + e.unitId() : e.unitName();
    }

    private static String name(Statistics.UnitFigures u) {
        return u.unitName() == null ? "单位" + u.unitId() : Markdown.text(u.unitName());
    }

    String scope(Filter f) {
        if (f.sessionId != null) {
            Object name = em.createNativeQuery("select max(session_name) from item where session_id = :s")
                    .setParameter("s", f.sessionId).getSingleResult();
            return name == null ? "第" + f.sessionId + "次会议" : Markdown.text(name);
        }
        return f.year == null ? "" : f.year + "年";
    }

    private static String kindWord(Filter f) {
        return f.kind == null ? "建议提案" : f.kind == Filter.Kind.PROPOSAL ? "提案" : "建议";
    }

    static String pct(BigDecimal value) {
        return value == null ? "—（无可计算的件）" : value.toPlainString() + "%";
    }

    private static String legend(List<Share> fields) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            parts.add((i + 1) + " " + Markdown.text(fields.get(i).label()));
        }
        return String.join("，", parts);
    }

    /** "1 经济科技": the chart's labels carry the legend's numbers (the charts' font has Chinese). */
    private static List<String> numbered(List<Share> fields) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            labels.add((i + 1) + " " + fields.get(i).label());
        }
        return labels;
    }

    private static String png(byte[] image) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(image);
    }
}
