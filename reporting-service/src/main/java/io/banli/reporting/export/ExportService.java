package io.banli.reporting.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.banli.kit.audit.AuditLog;
import io.banli.reporting.report.LeaderItems;
import io.banli.reporting.statistics.Filter;
import io.banli.reporting.statistics.Labels;
import io.banli.reporting.statistics.Selection;
import io.banli.reporting.statistics.StatisticsQuery;

/** Reads item lists for export in one streamed query, and records every export in the audit log. */
@ApplicationScoped
public class ExportService {

    static final List<String> ITEM_HEADER = List.of("会议", "编号", "类型", "标题", "类别", "领衔人", "代表团/界别",
            "重点", "承办单位", "承办方式", "角色", "交办日期", "答复期限", "答复日期", "办理结果", "按期答复", "逾期天数",
            "评价");

    private static final String ITEMS = """
            select i.session_name, i.number, i.kind, i.title, coalesce(i.field_name, i.field), coalesce(i.group_name, i.proposer_name),
                   i.delegation, i.key_item, p.unit_name, p.mode, p.role, p.assigned_at, %2$s, p.first_replied_at,
                   p.result_class, p.first_replied_at <= %2$s, %3$s, ev.rating
            from %4$sitem i
            left join %4$sunit_part p on p.submission_id = i.submission_id and p.assigned_at is not null
                  and not p.reassigned_away %5$s
            left join %1$s ev on ev.submission_id = p.submission_id and ev.unit_id = p.unit_id
            where %6$s
            order by i.session_id, i.number, i.submission_id, p.unit_id""";

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    LeaderItems leaderItems;

    /** Exports change nothing, but who took which figures out of the system is on record. */
    @Transactional
    public void audited(String what, Filter filter) {
        audit.record("export." + what, "export", what, "filter: " + filter.describe());
    }

    /**
     * Writes one row per unit part (one per item not yet assigned), straight from the database cursor; a
     * leader's list holds the key items they lead.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    @SuppressWarnings("unchecked")
    public void items(Filter filter, Table table) {
        Selection sel = Selection.of(filter, "");
        String sql = ITEMS.formatted(StatisticsQuery.RATINGS.formatted("evaluation", "item"), StatisticsQuery.DUE,
                StatisticsQuery.OVERDUE_DAYS, "", sel.parts(), sel.items() + leaderItems.condition());
        try (Stream<Object[]> rows = leaderItems.bind(sel.query(em, sql, clock.instant()))
                .setHint("org.hibernate.fetchSize", 1000).getResultStream()) {
            table.row(ITEM_HEADER);
            rows.forEach(r -> write(table, r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Table table, Object[] r) {
        List<Object> cells = new ArrayList<>();
        cells.add(r[0]);
        cells.add(r[1]);
        cells.add("PROPOSAL".equals(r[2]) ? "提案" : "建议");
        cells.add(r[3]);
        cells.add(r[4] == null ? null : Labels.field((String) r[4]));
        cells.add(r[5]);
        cells.add(r[6]);
        cells.add(r[7]);
        cells.add(r[8]);
        cells.add(mode((String) r[9]));
        cells.add(role((String) r[10]));
        cells.add(date(r[11]));
        cells.add(date(r[12]));
        cells.add(date(r[13]));
        cells.add(r[14]);
        cells.add(r[15]);
        cells.add(r[16]);
        cells.add(rating((String) r[17]));
        try {
            table.row(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String date(Object value) {
        Instant at = value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant()
                : value instanceof Timestamp t ? t.toInstant() : null;
        return at == null ? null : at.atZone(StatisticsQuery.ZONE).toLocalDate().toString();
    }

    private static String mode(String mode) {
        return mode == null ? null : switch (mode) {
            case "SOLE" -> "单办";
            case "JOINT" -> "主办+会办";
            case "SPLIT" -> "分办";
            default -> mode;
        };
    }

    private static String role(String role) {
        return role == null ? null : switch (role) {
            case "SOLE" -> "单办";
            case "LEAD" -> "主办";
            case "CO" -> "会办";
            case "SPLIT" -> "分办";
            default -> role;
        };
    }

    private static String rating(String rating) {
        return rating == null ? null : switch (rating) {
            case "SATISFIED" -> "满意";
            case "BASICALLY_SATISFIED" -> "基本满意";
            case "UNSATISFIED" -> "不满意";
            default -> rating;
        };
    }
}
