package io.banli.reporting.statistics;

import java.time.LocalDate;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.banli.kit.problem.Problems;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which submissions a figure is about: any combination of session, kind, level, field, unit, the
 * unit's role, key flag, year and registration period. Every endpoint of this service takes it.
 */
public class Filter {

    public enum Kind { SUGGESTION, PROPOSAL }

    public enum Level { NATIONAL, PROVINCE, CITY, COUNTY, TOWNSHIP }

    /** A unit's role in a submission: 主办 (SOLE or LEAD), 会办 (CO), 分办 (SPLIT). */
    public enum Role { SOLE, LEAD, CO, SPLIT }

    @QueryParam("sessionId")
    @Parameter(description = "Only this session (会议)", example = "1")
    public Long sessionId;

    @QueryParam("kind")
    @Parameter(description = "Only suggestions (建议) or proposals (提案)")
    public Kind kind;

    @QueryParam("level")
    @Parameter(description = "Only sessions of this level")
    public Level level;

    @QueryParam("field")
    @Schema(maxLength = 40, pattern = "[A-Z][A-Z0-9_]{0,39}")
    @Parameter(description = "Only this subject field (类别), e.g. ECONOMY_SCIENCE", example = "ECONOMY_SCIENCE")
    public String field;

    @QueryParam("unitId")
    @Parameter(description = "Only submissions this unit takes part in; reply figures are that unit's. A unit's "
            + "own token is always limited to its unit.", example = "1")
    public Long unitId;

    @QueryParam("role")
    @Parameter(description = "Only parts in this role (with unitId: that unit's role)")
    public Role role;

    @QueryParam("keyItem")
    @Schema(enumeration = {"true", "false"})
    @Parameter(description = "true: only key items (重点); false: only the others", example = "true")
    public String keyItem;

    @QueryParam("year")
    @Parameter(description = "Only submissions of this year", example = "2025")
    public Integer year;

    @QueryParam("from")
    @Parameter(description = "Only submissions registered on or after this day (Asia/Shanghai)", example = "2025-01-01")
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Only submissions registered on or before this day", example = "2025-12-31")
    public LocalDate to;

    /** Refuses a filter that cannot be meant, naming the parameter, before anything is read. */
    public Filter validated() {
        if (field != null && !field.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw Problems.badInput("invalid-parameter", "field", "query",
                    "must be a field code in capitals, e.g. ECONOMY_SCIENCE");
        }
        if (keyItem != null && !keyItem.equals("true") && !keyItem.equals("false")) {
            throw Problems.badInput("invalid-parameter", "keyItem", "query", "must be true or false");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw Problems.badInput("invalid-parameter", "to", "query", "must not be before from");
        }
        return this;
    }

    public Boolean keyItemFlag() {
        return keyItem == null ? null : Boolean.valueOf(keyItem);
    }

    /** The filter as it was applied, for the response and the audit log. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        append(s, "sessionId", sessionId);
        append(s, "kind", kind);
        append(s, "level", level);
        append(s, "field", field);
        append(s, "unitId", unitId);
        append(s, "role", role);
        append(s, "keyItem", keyItem);
        append(s, "year", year);
        append(s, "from", from);
        append(s, "to", to);
        return s.isEmpty() ? "all" : s.toString();
    }

    private static void append(StringBuilder s, String name, Object value) {
        if (value != null) {
            s.append(s.isEmpty() ? "" : "&").append(name).append('=').append(value);
        }
    }
}
