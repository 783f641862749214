package io.portolan.decision;

import io.portolan.inventory.Slugs;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What a gateway asks. The tenant is never part of it: it comes from the gateway's token. */
public record DecisionRequest(
    @NotNull(message = "is required") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String team,
    @NotNull(message = "is required") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String model,
    @NotNull(message = "is required") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String purpose,
    @NotNull(message = "is required") DataClassification dataClassification,
    @NotNull(message = "is required") @Pattern(regexp = Slugs.REGION, message = Slugs.REGION_MESSAGE)
        String region) {}
