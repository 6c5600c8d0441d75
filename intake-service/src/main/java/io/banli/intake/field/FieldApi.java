package io.banli.intake.field;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the field operations take and show. */
public final class FieldApi {

    private FieldApi() {
    }

    public record FieldView(String code, String name, boolean active) {
        static FieldView of(SubjectField f) {
            return new FieldView(f.code, f.name, f.active);
        }
    }

    public record FieldChange(@NotBlank @Size(max = 50) String name, @NotNull Boolean active) {
    }
}
