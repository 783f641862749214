package io.portolan.spend;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A tenant's ceiling on dependency: at most {@code maxSharePercent} of its calls (of one data
 * classification, or of all when left out) on one vendor, one vendor jurisdiction or one operator
 * jurisdiction.
 */
// A class, not a record: Payara's OpenAPI scanner fails on constraints of record constructor
// parameters.
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DependencyCeiling {
  @NotNull(message = "is required")
  @Pattern(
      regexp = "vendor|jurisdiction|operatorJurisdiction",
      message = "must be vendor, jurisdiction or operatorJurisdiction")
  private String dimension;

  @Pattern(
      regexp = SpendQuery.CLASSIFICATIONS,
      message = "must be one of: public, internal, confidential, restricted")
  private String classification;

  @NotNull(message = "is required")
  @Min(value = 1, message = "must be 1 to 100")
  @Max(value = 100, message = "must be 1 to 100")
  private Integer maxSharePercent;

  /** For JSON binding. */
  DependencyCeiling() {}

  DependencyCeiling(String dimension, String classification, Integer maxSharePercent) {
    this.dimension = dimension;
    this.classification = classification;
    this.maxSharePercent = maxSharePercent;
  }

  public String dimension() {
    return dimension;
  }

  public String classification() {
    return classification;
  }

  public Integer maxSharePercent() {
    return maxSharePercent;
  }
}
