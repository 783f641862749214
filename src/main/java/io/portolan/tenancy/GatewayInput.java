package io.portolan.tenancy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A gateway credential to issue: its id within the tenant and what it is for. */
// A class, not a record: Payara's OpenAPI scanner fails on constraints of record constructor
// parameters.
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class GatewayInput {
  static final String ID = "[a-z0-9][a-z0-9-]{0,39}";
  static final String ID_MESSAGE = "must be a lower-case slug of at most 40 characters";

  @NotNull(message = "is required")
  @Pattern(regexp = ID, message = ID_MESSAGE)
  private String id;

  @Size(max = 200, message = "must be at most 200 characters")
  private String description;

  GatewayInput() {}

  public String id() {
    return id;
  }

  public String description() {
    return description == null ? "" : description;
  }
}
