package io.portolan.approval;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Why an approval is revoked. */
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class RevokeInput {
  @NotNull(message = "is required")
  @Size(min = 1, max = 2000, message = "must be 1 to 2000 characters")
  private String reason;

  RevokeInput() {}

  public String reason() {
    return reason;
  }
}
