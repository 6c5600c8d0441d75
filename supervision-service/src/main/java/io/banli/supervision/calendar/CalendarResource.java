package io.banli.supervision.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.kit.problem.Problems;
import io.banli.kit.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/calendar")
@Tag(name = "Working-day calendar", description = """
        Public holidays and make-up working days (调休) per year, as the State Council publishes them, and the
        working-day arithmetic every deadline uses, so portals can show the same dates.""")
public class CalendarResource {

    @Inject
    CalendarService calendars;

    @Inject
    WorkingCalendar calendar;

    @GET
    @Path("/{year}")
    @Authenticated
    @Operation(summary = "Get a year's holidays and make-up working days")
    @APIResponse(responseCode = "200", description = "The year as loaded", content = @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = CalendarView.class), examples = @ExampleObject(name = "2025", value = """
            {"year": 2025, "version": 1, "days": [{"date": "2025-01-01", "name": "元旦", "isOffDay": true},
             {"date": "2025-01-26", "name": "春节调休上班", "isOffDay": false}]}""")))
    public CalendarView get(@Parameter(example = "2025") @PathParam("year") int year) {
        CalendarUpload days = calendars.find(year);
        if (days == null) {
            throw Problems.problem(404, "calendar-missing", "Not Found",
                    "No working-day calendar is loaded for " + year + ".");
        }
        return new CalendarView(year, calendars.versionOf(year), days.days());
    }

    @PUT
    @Path("/{year}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Load a year's calendar", description = """
            Replaces the year's days with the ones given (a new version; the previous days are kept in the
            change history) and recomputes the open deadlines that fall in the year. Accepts the shape of public
            holiday datasets; days not listed follow the week.""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "2027", value = """
            {"year": 2027, "days": [{"date": "2027-01-01", "name": "元旦", "isOffDay": true}]}""")))
    @APIResponse(responseCode = "200", description = "Loaded", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CalendarView.class),
            examples = @ExampleObject(name = "2027", value = """
            {"year": 2027, "version": 1, "days": [{"date": "2027-01-01", "name": "元旦", "isOffDay": true}]}""")))
    @APIResponse(responseCode = "422", description = "A year that does not match, a date outside the year, or a day "
            + "listed twice")
    public CalendarView load(@Parameter(example = "2027") @PathParam("year") int year,
            @Valid @NotNull CalendarUpload upload) {
        int version = calendars.replace(year, upload, "loaded through the API");
        return new CalendarView(year, version, calendars.find(year).days());
    }

    @GET
    @Path("/working-days")
    @Authenticated
    @Operation(summary = "Add working days to a date", description = """
            The date that is `days` working days after `from` (from itself not counted), as deadlines count.
            A year without a loaded calendar is counted by the plain week and named in `warnings`.""")
    @APIResponse(responseCode = "200", description = "The date", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WorkingDays.class),
            examples = @ExampleObject(name = "springFestival", value = """
            {"from": "2025-01-24", "to": "2025-02-05", "workingDays": 3, "warnings": []}""")))
    public WorkingDays add(
            @Parameter(description = "Start date", example = "2025-01-24") @QueryParam("from") @NotNull LocalDate from,
            @Parameter(description = "Working days to add", example = "3") @QueryParam("days") @NotNull @Min(0)
            @Max(3660) Integer days) {
        WorkingCalendar.Counted<LocalDate> to = calendar.addWorkingDays(from, days);
        return new WorkingDays(from, to.value(), days, warnings(to.guessedYears()));
    }

    @GET
    @Path("/working-days/between")
    @Authenticated
    @Operation(summary = "Count the working days between two dates", description = """
            Working days after `from` up to and including `to` (negative when `to` is earlier).""")
    @APIResponse(responseCode = "200", description = "The count", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WorkingDays.class),
            examples = @ExampleObject(name = "nationalDay", value = """
            {"from": "2025-09-26", "to": "2025-10-13", "workingDays": 7, "warnings": []}""")))
    public WorkingDays between(
            @Parameter(example = "2025-09-26") @QueryParam("from") @NotNull LocalDate from,
            @Parameter(example = "2025-10-13") @QueryParam("to") @NotNull LocalDate to) {
        if (Math.abs(to.toEpochDay() - from.toEpochDay()) > 36_600) {
            throw Problems.unprocessable("range-too-long", "Count at most 100 years at a time.");
        }
        WorkingCalendar.Counted<Integer> count = calendar.workingDaysBetween(from, to);
        return new WorkingDays(from, to, count.value(), warnings(count.guessedYears()));
    }

    static List<String> warnings(Set<Integer> guessedYears) {
        return guessedYears.stream().map(year -> "No working-day calendar is loaded for " + year
                + ": its days were counted by the plain week (Monday to Friday).").toList();
    }
}
