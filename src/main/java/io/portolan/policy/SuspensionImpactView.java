package io.portolan.policy;

import java.time.Instant;
import java.util.List;

/**
 * What suspending a vendor or a model would do, before it is done: the approvals in force it would
 * stop, the teams holding them with each one's best compliant alternative, and the logged decisions
 * of the last 7 days about those models that would flip (replayed with the inventory changed;
 * {@code decisions.evaluated} counts only those).
 *
 * @param vendor the vendor previewed, or null
 * @param model the model previewed, or null
 * @param deployment the deployment previewed, or null
 * @param models the models the suspension touches (a vendor's: all of them; a deployment's: its
 *     model)
 */
public record SuspensionImpactView(
    String vendor,
    String model,
    String deployment,
    List<String> models,
    boolean alreadySuspended,
    List<Approval> approvals,
    List<TeamImpact> teams,
    ImpactReport decisions) {

  /** An approval in force for a model the suspension takes out. */
  public record Approval(
      String id,
      String team,
      String model,
      String purpose,
      String maxDataClassification,
      List<String> regions,
      Instant expiresAt,
      /** The model the team would be offered instead for this use, or "none". */
      String alternative) {}

  /**
   * A team that loses approved use.
   *
   * @param bestAlternative the best compliant model for its most sensitive lost use, null when none
   * @param best that model's id, or "none"
   */
  public record TeamImpact(String team, int approvals, Alternative bestAlternative, String best) {}

  /** A model the team may use instead, as the decision policy ranks and explains it. */
  public record Alternative(String model, String vendor, String jurisdiction, String why) {}
}
