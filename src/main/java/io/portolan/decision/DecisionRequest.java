package io.portolan.decision;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What a gateway asks. The tenant is never part of it: it comes from the gateway's token. */
// A class, not a record: Payara's OpenAPI scanner fails on constraints of record constructor
// parameters.
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DecisionRequest {
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
  private DataClassification dataClassification;

  @NotNull(message = "is required")
  @Pattern(regexp = Slugs.REGION, message = Slugs.REGION_MESSAGE)
  private String region;

  /** Optional: the team's default task tier applies when absent. */
  private TaskTier taskTier;

  /**
   * Optional: the deployment the call goes to; when absent the answer's route names the best
   * compliant one.
   */
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String deployment;

  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(Slugs.ID);
  private static final java.util.regex.Pattern REGION =
      java.util.regex.Pattern.compile(Slugs.REGION);

  /** For JSON binding. */
  DecisionRequest() {}

  public DecisionRequest(
      String team,
      String model,
      String purpose,
      DataClassification dataClassification,
      String region) {
    this.team = team;
    this.model = model;
    this.purpose = purpose;
    this.dataClassification = dataClassification;
    this.region = region;
  }

  public String team() {
    return team;
  }

  public String model() {
    return model;
  }

  public String purpose() {
    return purpose;
  }

  public DataClassification dataClassification() {
    return dataClassification;
  }

  /** A copy with a task tier. */
  public DecisionRequest withTaskTier(TaskTier tier) {
    DecisionRequest copy = copy();
    copy.taskTier = tier;
    return copy;
  }

  /** A copy naming another model (an alias's resolved model, as the log records it). */
  public DecisionRequest withModel(String model) {
    DecisionRequest copy = copy();
    copy.model = model;
    return copy;
  }

  /** A copy asking for a deployment (null: the policy routes). */
  public DecisionRequest withDeployment(String deployment) {
    DecisionRequest copy = copy();
    copy.deployment = deployment;
    return copy;
  }

  private DecisionRequest copy() {
    DecisionRequest copy = new DecisionRequest(team, model, purpose, dataClassification, region);
    copy.taskTier = taskTier;
    copy.deployment = deployment;
    return copy;
  }

  public String deployment() {
    return deployment;
  }

  public TaskTier taskTier() {
    return taskTier;
  }

  public String region() {
    return region;
  }

  /**
   * Whether Bean Validation would accept this request: the same checks as the annotations above,
   * without its cost, for the decision servlet's fast path. Anything it refuses goes to the JAX-RS
   * resource, whose validation answers; DecisionRequestTest keeps the two in agreement.
   */
  boolean passesConstraints() {
    return matches(ID, team)
        && matches(ID, model)
        && matches(ID, purpose)
        && dataClassification != null
        && matches(REGION, region)
        && (deployment == null || matches(ID, deployment));
  }

  private static boolean matches(java.util.regex.Pattern pattern, String value) {
    return value != null && pattern.matcher(value).matches();
  }
}
