package io.banli.supervision.calendar;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A year of the working-day calendar in the shape public holiday datasets use:
 * {@code {"year": 2025, "days": [{"date": "2025-01-26", "name": "春节", "isOffDay": false}, …]}}.
 * Only the days that differ from the plain week need to be listed, but listing more does no harm.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CalendarUpload(
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull @Size(max = 366) List<@Valid @NotNull Day> days) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Day(
            @NotNull LocalDate date,
            @NotBlank @Size(max = 50) String name,
            @NotNull @JsonProperty("isOffDay") Boolean isOffDay) {
    }
}
