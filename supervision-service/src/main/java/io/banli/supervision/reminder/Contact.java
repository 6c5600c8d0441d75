package io.banli.supervision.reminder;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person at a unit who is reminded: personal information, read back by the office only. */
public record Contact(@NotBlank @Size(max = 50) String name,
        @Pattern(regexp = "\\+?[0-9 -]{7,20}", message = "must be a phone number")
        @Schema(maxLength = 21) String phone,
        @Email @Size(max = 200) String email) {
}
