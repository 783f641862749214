package io.portolan.approval;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** What a requester asks for. A class, not a record: see DecisionRequest. */
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class ApprovalRequestInput {
  static final String CLASSIFICATIONS = "public|internal|confidential|restricted";
  static final String CLASSIFICATION_MESSAGE =
      "must be one of: public, internal, confidential, restricted";

  @NotNull(message = "is required")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String team;

  @NotNull(message = "is required")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String model;

  @NotNull(message = "is required")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String purpose;

  @NotNull(message = "is required")
  @Pattern(regexp = CLASSIFICATIONS, message = CLASSIFICATION_MESSAGE)
  private String maxDataClassification;

  @NotNull(message = "is required")
  @Size(min = 1, max = 20, message = "must list 1 to 20 regions")
  private List<
          @NotNull(message = "must not be null")
          @Pattern(regexp = Slugs.REGION, message = Slugs.REGION_MESSAGE) String>
      regions;

  /** Deployments of the model the approval is for; none: any deployment. */
  @Size(max = 20, message = "must list at most 20 deployments")
  private List<
          @NotNull(message = "must not be null")
          @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String>
      deployments;

  @NotNull(message = "is required")
  @Size(min = 1, max = 2000, message = "must be 1 to 2000 characters")
  private String justification;

  private Instant requestedUntil;

  ApprovalRequestInput() {}

  public String team() {
    return team;
  }

  public String model() {
    return model;
  }

  public String purpose() {
    return purpose;
  }

  public String maxDataClassification() {
    return maxDataClassification;
  }

  public List<String> regions() {
    return regions;
  }

  public List<String> deployments() {
    return deployments == null ? List.of() : deployments.stream().distinct().toList();
  }

  public String justification() {
    return justification;
  }

  public Instant requestedUntil() {
    return requestedUntil;
  }
}
