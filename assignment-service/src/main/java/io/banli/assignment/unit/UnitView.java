package io.banli.assignment.unit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A handling unit as a caller sees it: phones masked unless the caller is the office or the unit itself. */
public record UnitView(Long id, String name, UnitKind kind, boolean active, Person liaison,
        @Schema(nullable = true) Person head) {
}
