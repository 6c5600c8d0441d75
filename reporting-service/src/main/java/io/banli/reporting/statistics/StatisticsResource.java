package io.banli.reporting.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.security.RequiresScope;
import io.banli.kit.security.Roles;
import io.banli.kit.security.Scopes;
import io.banli.reporting.platform.RegistryChecked;

@Path("/api/v1/statistics")
@Tag(name = "Statistics", description = "Figures for the office's reports, built from every service's events.")
public class StatisticsResource {

    static final String EXAMPLE = """
            {"filter": "sessionId=1", "asOf": "2025-06-01T02:00:00Z",
             "roundingRule": "百分比保留2位小数，每项单独四舍五入（件数相同的占比相同），构成比例之和可能因取整与100%略有出入",
             "total": 3, "byKind": {"PROPOSAL": 0, "SUGGESTION": 3},
             "byField": [{"code": "SOCIAL_LIVELIHOOD", "label": "社会民生", "count": 2, "share": 66.67},
                         {"code": "URBAN_CONSTRUCTION_TRANSPORT", "label": "城建交通", "count": 1, "share": 33.33}],
             "byMode": {"JOINT": 1, "SOLE": 1, "UNASSIGNED": 1},
             "byState": {"REGISTERED": 1, "ASSIGNED": 1, "OVERDUE": 0, "REPLIED": 1}, "keyItems": 0,
             "unitsPerItem": {"0": 1, "1": 1, "2": 1}, "maxUnitsPerItem": 2,
             "replies": {"assigned": 2, "replied": 1, "replyRate": 50.00, "onTime": 1, "openPastDue": 0,
               "onTimeRate": 100.00,
               "byClass": [{"code": "A", "label": "A类（已解决或基本解决）", "count": 1, "share": 100.00},
                           {"code": "B", "label": "B类（正在解决或列入计划逐步解决）", "count": 0, "share": 0.00},
                           {"code": "C", "label": "C类（因条件限制暂不能解决，已说明）", "count": 0, "share": 0.00},
                           {"code": "D", "label": "D类（留作参考）", "count": 0, "share": 0.00}],
               "contacted": 1, "contactRate": 100.00, "met": 0, "meetingRate": 0.00, "evaluated": 1, "satisfied": 1,
               "basicallySatisfied": 0, "unsatisfied": 0, "satisfactionRate": 100.00, "satisfiedOnlyRate": 100.00,
               "rehandled": 0, "returned": 0, "holdingAnswers": 0, "extensionsRequested": 0, "extensionsApproved": 0,
               "overdue": {"parts": 0, "open": 0, "repliedLate": 0, "days": 0, "maxDays": 0},
               "unitSubmitted": 1, "unitOnTime": 1, "unitOpenPastDue": 0, "unitOnTimeRate": 100.00,
               "ratings": {"count": 3, "satisfied": 2, "basicallySatisfied": 1, "unsatisfied": 0,
                           "satisfactionRate": 100.00, "satisfiedOnlyRate": 66.67}},
             "units": [{"unitId": 1, "unitName": "市教育局", "lead": 1, "co": 0, "split": 0, "replies": null}],
             "itemsAssigned": 2, "itemsReplied": 1, "multiUnitItems": 1, "multiUnitShare": 50.00,
             "byDelegation": [{"name": "东城区代表团", "items": 2, "itemsReplied": 1, "share": 66.67},
                              {"name": "西城区代表团", "items": 1, "itemsReplied": 0, "share": 33.33}],
             "byLeadingOfficial": []}""";

    @Inject
    RolledUpStatistics statistics;

    @Inject
    Scope scope;

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD, Roles.PLATFORM})
    @RequiresScope(Scopes.STATISTICS_READ)
    @RegistryChecked
    @Operation(summary = "Every figure of the annual report for a selection of submissions", description = """
            Counts (by kind, field with shares, handling mode, state, units per item), reply figures (reply rate
            办复率, the item's honest on-time rate 按期办复率 (reply sent to the proposer by the deadline; open past
            it counts against it), the unit's timeliness 单位按时报送率 (`unitOnTimeRate`: reply submitted to the
            office by the deadline, so the office's review is not charged to the unit),
            contact rate 联系率, meeting rate 见面率, satisfaction 满意率 and satisfied-only rate, result classes
            A–D with shares, re-handlings, returns, extensions, overdue parts and days) and the same per unit with
            its lead (主办), co (会办) and split (分办) counts. Every share is rounded half up on its own, so equal
            counts show equal shares and the shares may miss 100 by rounding; a rate whose denominator is 0 is null. Reply figures count replying parts: one per
            SOLE or JOINT item, one per unit of a SPLIT item. Items handled by two or more units (`multiUnitItems`, share of
            the items assigned), items by the lead proposer's delegation or sector (`byDelegation`; a group proposal under
            its group) and key items by leading official (`byLeadingOfficial`); fields are labelled by the taxonomy's
            names. A unit's token sees only its own unit; a platform client (scope `statistics:read`) every figure.""")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Statistics.class),
            examples = @ExampleObject(name = "demo", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A filter that cannot be read, naming the parameter")
    @APIResponse(responseCode = "404", description = "A unit's token asked for another unit's figures")
    public Statistics get(@BeanParam Filter filter,
            @Parameter(description = "Decimals of printed percentages (0–3, default 2)", example = "2")
            @QueryParam("decimals") Integer decimals) {
        return statistics.compute(scope.limit(filter), Scope.decimals(decimals));
    }
}
