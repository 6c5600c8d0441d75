package io.banli.supervision.reminder;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How to reach an official who leads key items (the stricter ladder of overdue key items). */
public record LeaderAddress(@Pattern(regexp = "\\+?[0-9 -]{7,20}", message = "must be a phone number")
        @Schema(maxLength = 21) String phone,
        @Email @Size(max = 200) String email) {
}
