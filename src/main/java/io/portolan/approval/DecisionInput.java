package io.portolan.approval;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** An officer's decision on a request, with conditions that narrow what is approved. */
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DecisionInput {
  @NotNull(message = "is required")
  @Pattern(regexp = "approve|reject", message = "must be approve or reject")
  private String outcome;

  @Size(max = 2000, message = "must be at most 2000 characters")
  private String comment;

  @Valid private Conditions conditions;

  DecisionInput() {}

  public String outcome() {
    return outcome;
  }

  public String comment() {
    return comment;
  }

  public Conditions conditions() {
    return conditions;
  }

  /** Each given condition replaces the request's value; absent ones keep it. */
  @JsonAutoDetect(
      fieldVisibility = JsonAutoDetect.Visibility.ANY,
      getterVisibility = JsonAutoDetect.Visibility.NONE,
      isGetterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Conditions {
    @Pattern(
        regexp = ApprovalRequestInput.CLASSIFICATIONS,
        message = ApprovalRequestInput.CLASSIFICATION_MESSAGE)
    private String maxDataClassification;

    @Size(min = 1, max = 20, message = "must list 1 to 20 regions")
    private List<
            @NotNull(message = "must not be null")
            @Pattern(regexp = Slugs.REGION, message = Slugs.REGION_MESSAGE) String>
        regions;

    @Size(min = 1, max = 20, message = "must list 1 to 20 deployments")
    private List<
            @NotNull(message = "must not be null")
            @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String>
        deployments;

    private Instant expiresAt;

    Conditions() {}

    public String maxDataClassification() {
      return maxDataClassification;
    }

    public List<String> regions() {
      return regions;
    }

    public List<String> deployments() {
      return deployments == null ? null : deployments.stream().distinct().toList();
    }

    public Instant expiresAt() {
      return expiresAt;
    }
  }
}
