package io.banli.supervision.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.banli.supervision.rule.Stage;
import io.banli.supervision.rule.StageNames;

/**
 * Renders a notice as a printable zh-CN HTML document (A4, print styles, no scripts). It names items by
 * their session number (第N号), units by name, stages in Chinese and days as 2025年3月5日: no database id, stage
 * code or ISO date reaches the reader. Every text that came from people or events (title, unit names, stages)
 * goes through {@link #escape}, so markup in it is printed as typed and the page loads nothing from elsewhere.
 */
final class NoticeDocument {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /**
     * What the notice's rate measures: the unit's own timeliness, not the item's on-time reply rate (按期办复率,
     * the reply sent to the proposer) that the annual report prints; the office's review is not charged to the unit.
     */
    static final String UNIT_TIMELINESS = "单位按时办理率指承办单位在时限内完成本单位办理工作（签收、会办意见、"
            + "向办公室报送答复、重新办理、承诺事项）的件次占到期件次的比例，以单位报送办公室的时间为准，"
            + "不计办公室审核发出的时间；与年度报告中以答复发出时间为准的按期办复率不同。";

    private NoticeDocument() {
    }

    /** Dates are printed as days in {@code zone}, the deployment's. */
    static String render(String title, Instant issuedAt, NoticeContent content, ZoneId zone) {
        DateTimeFormatter date = DATE.withZone(zone);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title><style>@page{size:A4;margin:25mm 20mm}body{font-family:'Noto Serif CJK SC',SimSun,"
                        + "serif;line-height:1.8}h1{text-align:center;font-size:22pt}table{border-collapse:collapse;"
                        + "width:100%}td,th{border:1px solid #000;padding:4px 6px;font-size:11pt}.below{font-weight:bold}"
                        + "</style></head><body>");
        html.append("<h1>").append(escape(title)).append("</h1>");
        html.append("<p>").append(day(content.from())).append("至").append(day(content.to())).append("期间，");
        if (content.lateUnits().isEmpty()) {
            html.append("各承办单位均按期完成各阶段办理工作。</p>");
        } else {
            html.append("共有").append(content.lateUnits().size()).append("个承办单位的")
                    .append(content.itemsNamed()).append("件次建议提案未按期完成办理，现予通报。</p>");
            html.append("<h2>一、逾期单位和件次</h2><table><tr><th>承办单位</th><th>建议提案</th><th>阶段</th>"
                    + "<th>截止日期</th><th>逾期天数</th><th>状态</th><th>超期说明</th></tr>");
            for (NoticeContent.LateUnit unit : content.lateUnits()) {
                for (NoticeContent.LateItem item : unit.items()) {
                    html.append("<tr><td>").append(unitName(unit.unitName())).append("</td><td>").append(number(item))
                            .append("</td><td>").append(stageName(item)).append("</td><td>")
                            .append(date.format(item.dueAt())).append("</td><td>").append(item.daysLate())
                            .append("</td><td>").append(item.stillOpen() ? "仍未完成" : "已逾期完成").append("</td><td>")
                            .append(item.explanationFiled() ? "已报送" : "未报送").append("</td></tr>");
                }
            }
            html.append("</table>");
        }
        html.append("<h2>二、单位按时办理率排名</h2><p>").append(UNIT_TIMELINESS).append("标准：")
                .append(content.standardPercent()).append("%（保留两位小数，四舍五入）。加粗者低于标准。</p><table><tr>"
                        + "<th>名次</th><th>承办单位</th><th>到期件次</th><th>按时件次</th><th>单位按时办理率</th></tr>");
        for (NoticeContent.Ranked r : content.ranking()) {
            html.append("<tr").append(r.belowStandard() ? " class=\"below\"" : "").append("><td>").append(r.rank())
                    .append("</td><td>").append(unitName(r.unitName())).append("</td><td>").append(r.due())
                    .append("</td><td>").append(r.onTime()).append("</td><td>").append(r.onTimePercent())
                    .append("%</td></tr>");
        }
        html.append("</table><p style=\"text-align:right\">").append(date.format(issuedAt)).append("</p></body></html>");
        return html.toString();
    }

    /** A day as texts for people print it: 2025年3月5日. */
    static String day(LocalDate date) {
        return DATE.format(date);
    }

    /** 第N号; the database id is never printed, so an item no event numbered says so instead. */
    private static String number(NoticeContent.LateItem item) {
        return item.submissionNumber() == null ? "编号未登记" : "第" + item.submissionNumber() + "号";
    }

    /** Notices frozen before stage names were stored carry only the code: named here the same way. */
    private static String stageName(NoticeContent.LateItem item) {
        if (item.stageName() != null) {
            return escape(item.stageName());
        }
        try {
            return StageNames.of(Stage.valueOf(item.stage()));
        } catch (IllegalArgumentException unknown) {
            return "其他阶段";
        }
    }

    private static String unitName(String name) {
        return name == null ? "未登记名称的承办单位" : escape(name);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c);
            }
        });
        return out.toString();
    }
}
