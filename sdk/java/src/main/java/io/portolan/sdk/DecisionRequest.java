package io.portolan.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * What {@link PortolanClient#decide} asks; also the key of the local decision cache. {@code
 * dataClassification} is one of public, internal, confidential, restricted; {@code taskTier}
 * (routine, standard, critical) may be null for the team's default; {@code deployment}, the id of
 * one of the model's deployments, may be null to let the policy route the call.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRequest(
    String team,
    String model,
    String purpose,
    String dataClassification,
    String region,
    String taskTier,
    String deployment) {

  /** A question that names no deployment. */
  public DecisionRequest(
      String team,
      String model,
      String purpose,
      String dataClassification,
      String region,
      String taskTier) {
    this(team, model, purpose, dataClassification, region, taskTier, null);
  }

  public DecisionRequest {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(dataClassification, "dataClassification");
    Objects.requireNonNull(region, "region");
  }
}
