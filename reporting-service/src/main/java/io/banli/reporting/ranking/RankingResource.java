package io.banli.reporting.ranking;

import java.math.BigDecimal;

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

import io.banli.kit.config.BanliConfig;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Roles;
import io.banli.reporting.ranking.Ranking.Measure;
import io.banli.reporting.statistics.Filter;
import io.banli.reporting.statistics.Scope;

@Path("/api/v1/rankings")
@Tag(name = "Rankings", description = "Units ranked for the office's notices (排名通报).")
public class RankingResource {

    @Inject
    Rankings rankings;

    @Inject
    Scope scope;

    /** The office's standard for the on-time rate, in percent. */
    @Inject
    BanliConfig banli;

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.UNIT_STAFF, Roles.UNIT_HEAD})
    @Operation(summary = "Rank the replying units by on-time rate, satisfaction or overdue days", description = """
            Every sole, lead and split unit of the selection, best first: highest on-time rate, satisfaction rate,
            or fewest overdue days. Two on-time rates: `UNIT_ON_TIME_RATE` is the unit's timeliness (单位按时报送率,
            its reply submitted to the office by the deadline: what a unit answers for, as in supervision's
            notices), `ON_TIME_RATE` the item's (按期办复率, the reply sent to the proposer by the deadline, the
            office's review included). Equal values share a rank; units without a value (nothing replied or due
            yet) come last. `meetsStandard` marks units whose ranked on-time rate (the item's unless ranked by
            the unit's) reaches the standard (default 85 %). Units see the whole ranking, as in a published notice; the unitId filter is ignored.""")
    @APIResponse(responseCode = "200", description = "The ranking", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Ranking.class),
            examples = @ExampleObject(name = "on time", value = """
                    {"filter": "sessionId=1", "by": "ON_TIME_RATE", "standard": 85,
                     "rule": "按期办复率（答复在时限内发出）达到85%为达标；百分比保留2位小数，每项单独四舍五入（件数相同的占比相同），构成比例之和可能因取整与100%略有出入",
                     "units": [{"rank": 1, "unitId": 1, "unitName": "市教育局", "value": 100.00, "replied": 1,
                                "openPastDue": 0, "onTimeRate": 100.00, "satisfactionRate": 100.00, "overdueDays": 0,
                                "meetsStandard": true, "unitOnTimeRate": 100.00},
                               {"rank": 2, "unitId": 2, "unitName": "市交通运输局", "value": 50.00, "replied": 2,
                                "openPastDue": 0, "onTimeRate": 50.00, "satisfactionRate": null, "overdueDays": 12,
                                "meetsStandard": false, "unitOnTimeRate": 100.00}]}""")))
    @APIResponse(responseCode = "400", description = "A filter, measure or standard that cannot be read")
    public Ranking get(@BeanParam Filter filter,
            @Parameter(description = "What to rank by (default ON_TIME_RATE)") @QueryParam("by") Measure by,
            @Parameter(description = "The on-time standard in percent (default 85)", example = "85")
            @QueryParam("standard")
            @Schema(maxLength = 20, pattern = "[0-9]+(\\.[0-9]+)?") String standard,
            @Parameter(description = "Decimals of printed percentages (0–3, default 2)", example = "2")
            @QueryParam("decimals") Integer decimals) {
        scope.limit(filter);
        filter.unitId = null;
        BigDecimal s = standard == null ? banli.onTimeStandard() : parse(standard);
        if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw Problems.badInput("invalid-parameter", "standard", "query", "must be between 0 and 100");
        }
        return rankings.rank(filter, by == null ? Measure.ON_TIME_RATE : by, s, Scope.decimals(decimals));
    }

    private static BigDecimal parse(String standard) {
        try {
            return new BigDecimal(standard.trim());
        } catch (NumberFormatException e) {
            throw Problems.badInput("invalid-parameter", "standard", "query", "must be between 0 and 100");
        }
    }
}
