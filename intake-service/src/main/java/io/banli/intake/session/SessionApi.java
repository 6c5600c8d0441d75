package io.banli.intake.session;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the session operations take and show. */
public final class SessionApi {

    private SessionApi() {
    }

    /** What the office sends to open a session. */
    public record NewSession(
            @NotNull SessionKind kind,
            @NotNull SessionLevel level,
            @NotBlank @Size(max = 100) String name,
            @NotNull @Min(1949) @Max(2200) Integer year,
            LocalDate opensOn,
            LocalDate closesOn,
            Instant intakeOpensAt,
            Instant intakeClosesAt) {
    }

    public record SessionView(Long id, SessionKind kind, SessionLevel level, String name, int year,
            LocalDate opensOn, LocalDate closesOn, Instant intakeOpensAt, Instant intakeClosesAt) {
        static SessionView of(Session s) {
            return new SessionView(s.id, s.kind, s.level, s.name, s.year, s.opensOn, s.closesOn,
                    s.intakeOpensAt, s.intakeClosesAt);
        }
    }
}
