package io.portolan.inventory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** A model as clients write it. {@code id} is required on create and must match on update. */
// A class, not a record: Payara's OpenAPI scanner fails on constraints of record constructor
// parameters.
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class ModelInput {
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String id;

  @NotNull(message = "is required")
  @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
  @Size(max = 200, message = "must be at most 200 characters")
  private String displayName;

  @NotNull(message = "is required")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String vendor;

  @NotNull(message = "is required")
  @Size(max = 50, message = "must list at most 50 regions")
  private List<
          @NotNull(message = "must not be null")
          @Pattern(regexp = Slugs.REGION, message = Slugs.REGION_MESSAGE) String>
      hostingRegions;

  @NotNull(message = "is required")
  private Boolean openWeights;

  @NotNull(message = "is required")
  private Boolean selfHostable;

  @Size(max = 200, message = "must be at most 200 characters")
  private String licence;

  @NotNull(message = "is required")
  @Size(max = 50, message = "must list at most 50 capabilities")
  private List<
          @NotNull(message = "must not be null")
          @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String>
      capabilities;

  @NotNull(message = "is required")
  private CostTier costTier;

  @NotNull(message = "is required")
  private ModelStatus status;

  /** When decisions start to deny with {@code cut_off}; null: none announced. */
  private Instant cutOffAt;

  @Size(max = 1000, message = "must be at most 1000 characters")
  private String cutOffReason;

  /** For JSON binding. */
  ModelInput() {}

  public ModelInput(
      String id,
      String displayName,
      String vendor,
      List<String> hostingRegions,
      Boolean openWeights,
      Boolean selfHostable,
      String licence,
      List<String> capabilities,
      CostTier costTier,
      ModelStatus status) {
    this.id = id;
    this.displayName = displayName;
    this.vendor = vendor;
    this.hostingRegions = hostingRegions;
    this.openWeights = openWeights;
    this.selfHostable = selfHostable;
    this.licence = licence;
    this.capabilities = capabilities;
    this.costTier = costTier;
    this.status = status;
  }

  /** With an announced cut-off. */
  public ModelInput(
      String id,
      String displayName,
      String vendor,
      List<String> hostingRegions,
      Boolean openWeights,
      Boolean selfHostable,
      String licence,
      List<String> capabilities,
      CostTier costTier,
      ModelStatus status,
      Instant cutOffAt,
      String cutOffReason) {
    this(
        id,
        displayName,
        vendor,
        hostingRegions,
        openWeights,
        selfHostable,
        licence,
        capabilities,
        costTier,
        status);
    this.cutOffAt = cutOffAt;
    this.cutOffReason = cutOffReason;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public String vendor() {
    return vendor;
  }

  public List<String> hostingRegions() {
    return hostingRegions;
  }

  public Boolean openWeights() {
    return openWeights;
  }

  public Boolean selfHostable() {
    return selfHostable;
  }

  public String licence() {
    return licence;
  }

  public List<String> capabilities() {
    return capabilities;
  }

  public CostTier costTier() {
    return costTier;
  }

  public ModelStatus status() {
    return status;
  }

  public Instant cutOffAt() {
    return cutOffAt;
  }

  public String cutOffReason() {
    return cutOffReason;
  }
}
