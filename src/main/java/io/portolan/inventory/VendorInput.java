package io.portolan.inventory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A vendor as clients write it. {@code id} is required on create and must match on update. */
// A class, not a record: Payara's OpenAPI scanner fails on constraints of record constructor
// parameters.
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class VendorInput {
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String id;

  @NotNull(message = "is required")
  @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
  @Size(max = 200, message = "must be at most 200 characters")
  private String name;

  @NotNull(message = "is required")
  @Jurisdiction
  private String jurisdiction;

  private Boolean suspended;

  @Size(max = 1000, message = "must be at most 1000 characters")
  private String suspensionReason;

  /**
   * What a suspension stops: {@code all} (default) or {@code vendor-operated} (only the vendor's
   * own endpoints).
   */
  @jakarta.validation.constraints.Pattern(
      regexp = "all|vendor-operated",
      message = "must be all or vendor-operated")
  private String suspensionScope;

  /** When decisions start to deny with {@code cut_off}; null: none announced. */
  private Instant cutOffAt;

  @Size(max = 1000, message = "must be at most 1000 characters")
  private String cutOffReason;

  /** For JSON binding. */
  VendorInput() {}

  public VendorInput(
      String id, String name, String jurisdiction, Boolean suspended, String suspensionReason) {
    this.id = id;
    this.name = name;
    this.jurisdiction = jurisdiction;
    this.suspended = suspended;
    this.suspensionReason = suspensionReason;
  }

  /** With an announced cut-off. */
  public VendorInput(
      String id,
      String name,
      String jurisdiction,
      Boolean suspended,
      String suspensionReason,
      Instant cutOffAt,
      String cutOffReason) {
    this(id, name, jurisdiction, suspended, suspensionReason);
    this.cutOffAt = cutOffAt;
    this.cutOffReason = cutOffReason;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String jurisdiction() {
    return jurisdiction;
  }

  public Boolean suspended() {
    return suspended;
  }

  public String suspensionScope() {
    return suspensionScope;
  }

  public String suspensionReason() {
    return suspensionReason;
  }

  public Instant cutOffAt() {
    return cutOffAt;
  }

  public String cutOffReason() {
    return cutOffReason;
  }
}
