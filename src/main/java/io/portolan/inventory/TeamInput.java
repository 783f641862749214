package io.portolan.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A team as clients write it. {@code id} is required on create and must match on update. */
public record TeamInput(
    @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id,
    @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String name) {}
