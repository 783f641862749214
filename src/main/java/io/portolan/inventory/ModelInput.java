package io.portolan.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A model as clients write it. {@code id} is required on create and must match on update. */
public record ModelInput(
    @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id,
    @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String displayName,
    @NotNull(message = "is required") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
        String vendor,
    @NotNull(message = "is required")
        @Size(max = 50, message = "must list at most 50 regions")
        List<@NotNull(message = "must not be null") @Pattern(regexp = Slugs.REGION, message = Slugs.REGION_MESSAGE) String>
            hostingRegions,
    @NotNull(message = "is required") Boolean openWeights,
    @NotNull(message = "is required") Boolean selfHostable,
    @Size(max = 200, message = "must be at most 200 characters") String licence,
    @NotNull(message = "is required")
        @Size(max = 50, message = "must list at most 50 capabilities")
        List<@NotNull(message = "must not be null") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String>
            capabilities,
    @NotNull(message = "is required") CostTier costTier,
    @NotNull(message = "is required") ModelStatus status) {}
