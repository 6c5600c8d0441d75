package io.banli.assignment.unit;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Liaison officer (联络员) and head (负责人): name and phone, personal information. */
public record Person(@Size(max = 50) String name, @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*") String phone) {
}
