package io.portolan.spend;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of PUT /spend/ceilings: every ceiling the tenant keeps (an empty list removes them all).
 */
// A class, not a record: Payara's OpenAPI scanner fails on constraints of record constructor
// parameters.
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class CeilingsInput {
  @NotNull(message = "is required")
  @Size(max = DependencyReports.MAX_CEILINGS, message = "must hold at most 50 ceilings")
  private List<@Valid @NotNull(message = "must not be null") DependencyCeiling> items;

  /** For JSON binding. */
  CeilingsInput() {}

  public List<DependencyCeiling> items() {
    return items;
  }
}
