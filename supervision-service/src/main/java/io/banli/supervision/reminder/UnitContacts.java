package io.banli.supervision.reminder;

import jakarta.validation.Valid;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit's liaison officer and head; either may be left out. */
public record UnitContacts(@Valid Contact liaison, @Valid @Schema(nullable = true) Contact head) {
}
