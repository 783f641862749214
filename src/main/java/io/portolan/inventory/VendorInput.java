package io.portolan.inventory;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A vendor as clients write it. {@code id} is required on create and must match on update. */
public record VendorInput(
    @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id,
    @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String name,
    @NotNull(message = "is required") @Jurisdiction String jurisdiction,
    Boolean suspended,
    @Size(max = 1000, message = "must be at most 1000 characters") String suspensionReason) {

  @AssertTrue(message = "a suspended vendor needs a suspensionReason")
  boolean isSuspensionReasonGiven() {
    return !Boolean.TRUE.equals(suspended)
        || (suspensionReason != null && !suspensionReason.isBlank());
  }
}
