package io.portolan.policy;

import io.portolan.infrastructure.web.Problem;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.infrastructure.web.Slugs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's sovereignty and cost settings, as OPA reads them at {@code data.tenants[t].settings}.
 * Maps are keyed by data classification or task tier; a missing key means "no restriction". An
 * explicit null (a field, refused by {@link RefuseNullFields} on the resource, or a
 * classification's list, refused by {@link #validate()}) is not "no restriction": a client that
 * sends one meant something else, and the policy would read a stored null as no restriction.
 *
 * @param deniedJurisdictions vendor jurisdictions (ISO alpha-2) denied per data classification
 * @param watchedJurisdictions jurisdictions allowed but flagged with an obligation, per
 *     classification
 * @param residency the regions allowed per classification, for the request and the model's hosting
 * @param selfHostedOpenWeightsOnly classifications that need a self-hostable open-weight model
 * @param costTiers the model cost tiers each task tier may use
 * @param preferences how alternatives are ranked
 * @param deployments rules over where a model runs (its deployments), per classification
 */
public record PolicySettings(
    Map<String, List<String>> deniedJurisdictions,
    Map<String, List<String>> watchedJurisdictions,
    Map<String, List<String>> residency,
    List<String> selfHostedOpenWeightsOnly,
    Map<String, List<String>> costTiers,
    Preferences preferences,
    HighRisk highRisk,
    DeploymentRules deployments) {

  static final Set<String> CLASSIFICATIONS =
      Set.of("public", "internal", "confidential", "restricted");
  static final Set<String> TASK_TIERS = Set.of("routine", "standard", "critical");
  static final Set<String> COST_TIERS = Set.of("low", "medium", "high");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /**
   * @param domesticJurisdiction rank this jurisdiction's models, and deployments operated in it,
   *     first; or null
   * @param preferSelfHosted route to a deployment the tenant runs itself before others (default
   *     true)
   */
  public record Preferences(
      String domesticJurisdiction,
      Boolean preferOpenWeights,
      Boolean preferLowerCost,
      Boolean preferSelfHosted) {}

  /**
   * Which approval requests need two officers: those for data of these classifications, for a
   * closed-weights model with data from this classification up ("never" for none), or for a vendor
   * whose jurisdiction is watch-listed for the data.
   */
  public record HighRisk(
      List<String> classifications, String closedWeightsFrom, Boolean watchedJurisdictions) {
    static final HighRisk DEFAULT = new HighRisk(List.of("restricted"), "confidential", true);

    HighRisk normalized() {
      return new HighRisk(
          classifications == null ? DEFAULT.classifications : classifications,
          closedWeightsFrom == null ? DEFAULT.closedWeightsFrom : closedWeightsFrom,
          watchedJurisdictions == null ? DEFAULT.watchedJurisdictions : watchedJurisdictions);
    }
  }

  /**
   * Rules over deployments, per data classification: a model may be used for such data only when
   * one of its deployments passes them all (policies/deployments/deployments.rego).
   *
   * @param deniedOperatorJurisdictions jurisdictions whose operators may not run the call
   * @param selfHostedOnly classifications that need a deployment the tenant operates itself
   * @param zeroRetentionOrSelfHostedOnly classifications that need zero data retention or
   *     self-hosting
   * @param noTrainingOnPrompts classifications whose prompts must never train a model (not stated
   *     fails)
   * @param watchedOperatorJurisdictions operator jurisdictions allowed but flagged with an
   *     obligation, and routed to only when no other deployment qualifies
   */
  public record DeploymentRules(
      Map<String, List<String>> deniedOperatorJurisdictions,
      List<String> selfHostedOnly,
      List<String> zeroRetentionOrSelfHostedOnly,
      List<String> noTrainingOnPrompts,
      Map<String, List<String>> watchedOperatorJurisdictions) {
    static final DeploymentRules NONE =
        new DeploymentRules(Map.of(), List.of(), List.of(), List.of(), Map.of());

    DeploymentRules normalized() {
      return new DeploymentRules(
          deniedOperatorJurisdictions == null ? Map.of() : deniedOperatorJurisdictions,
          selfHostedOnly == null ? List.of() : selfHostedOnly,
          zeroRetentionOrSelfHostedOnly == null ? List.of() : zeroRetentionOrSelfHostedOnly,
          noTrainingOnPrompts == null ? List.of() : noTrainingOnPrompts,
          watchedOperatorJurisdictions == null ? Map.of() : watchedOperatorJurisdictions);
    }

    void validate(List<Problem.FieldError> errors) {
      checkMap(
          errors,
          "deployments.deniedOperatorJurisdictions",
          deniedOperatorJurisdictions,
          CLASSIFICATIONS,
          COUNTRIES,
          "an ISO 3166 alpha-2 country code such as CN");
      checkMap(
          errors,
          "deployments.watchedOperatorJurisdictions",
          watchedOperatorJurisdictions,
          CLASSIFICATIONS,
          COUNTRIES,
          "an ISO 3166 alpha-2 country code such as US");
      checkList(
          errors,
          "deployments.selfHostedOnly",
          selfHostedOnly,
          CLASSIFICATIONS,
          "a data classification");
      checkList(
          errors,
          "deployments.zeroRetentionOrSelfHostedOnly",
          zeroRetentionOrSelfHostedOnly,
          CLASSIFICATIONS,
          "a data classification");
      checkList(
          errors,
          "deployments.noTrainingOnPrompts",
          noTrainingOnPrompts,
          CLASSIFICATIONS,
          "a data classification");
    }
  }

  /** No restriction at all: what a tenant has before its first edit. */
  public static PolicySettings none() {
    return new PolicySettings(
        Map.of(),
        Map.of(),
        Map.of(),
        List.of(),
        Map.of(),
        new Preferences(null, false, true, true),
        HighRisk.DEFAULT,
        DeploymentRules.NONE);
  }

  /** Nulls become empty, so stored settings always have every key. */
  public PolicySettings normalized() {
    return new PolicySettings(
        deniedJurisdictions == null ? Map.of() : deniedJurisdictions,
        watchedJurisdictions == null ? Map.of() : watchedJurisdictions,
        residency == null ? Map.of() : residency,
        selfHostedOpenWeightsOnly == null ? List.of() : selfHostedOpenWeightsOnly,
        costTiers == null ? Map.of() : costTiers,
        preferences == null
            ? new Preferences(null, false, true, true)
            : new Preferences(
                preferences.domesticJurisdiction(),
                Boolean.TRUE.equals(preferences.preferOpenWeights()),
                !Boolean.FALSE.equals(preferences.preferLowerCost()),
                !Boolean.FALSE.equals(preferences.preferSelfHosted())),
        highRisk == null ? HighRisk.DEFAULT : highRisk.normalized(),
        deployments == null ? DeploymentRules.NONE : deployments.normalized());
  }

  /** Throws a 400 naming every invalid entry. */
  public void validate() {
    List<Problem.FieldError> errors = new ArrayList<>();
    checkMap(
        errors,
        "deniedJurisdictions",
        deniedJurisdictions,
        CLASSIFICATIONS,
        COUNTRIES,
        "an ISO 3166 alpha-2 country code such as CN");
    checkMap(
        errors,
        "watchedJurisdictions",
        watchedJurisdictions,
        CLASSIFICATIONS,
        COUNTRIES,
        "an ISO 3166 alpha-2 country code such as US");
    checkRegions(errors);
    checkList(
        errors,
        "selfHostedOpenWeightsOnly",
        selfHostedOpenWeightsOnly,
        CLASSIFICATIONS,
        "a data classification");
    checkMap(errors, "costTiers", costTiers, TASK_TIERS, COST_TIERS, "one of low, medium, high");
    if (preferences != null
        && preferences.domesticJurisdiction() != null
        && !COUNTRIES.contains(preferences.domesticJurisdiction())) {
      errors.add(
          new Problem.FieldError(
              "preferences.domesticJurisdiction", "must be an ISO 3166 alpha-2 country code"));
    }
    if (highRisk != null) {
      checkList(
          errors,
          "highRisk.classifications",
          highRisk.classifications(),
          CLASSIFICATIONS,
          "a data classification");
      if (highRisk.closedWeightsFrom() != null
          && !highRisk.closedWeightsFrom().equals("never")
          && !CLASSIFICATIONS.contains(highRisk.closedWeightsFrom())) {
        errors.add(
            new Problem.FieldError(
                "highRisk.closedWeightsFrom", "must be a data classification or never"));
      }
    }
    if (deployments != null) {
      deployments.validate(errors);
    }
    if (!errors.isEmpty()) {
      String detail =
          errors.get(0).field()
              + ": "
              + errors.get(0).message()
              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
      throw new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request", detail, errors);
    }
  }

  private void checkRegions(List<Problem.FieldError> errors) {
    if (residency == null) return;
    residency.forEach(
        (key, regions) -> {
          String field = "residency." + key;
          if (!CLASSIFICATIONS.contains(key)) {
            errors.add(
                new Problem.FieldError(
                    field,
                    "is not a data classification (public, internal, confidential, restricted)"));
          } else if (regions == null || regions.isEmpty()) {
            errors.add(
                new Problem.FieldError(
                    field,
                    "must list at least one region; leave the classification out for no"
                        + " restriction"));
          } else {
            for (int i = 0; i < regions.size(); i++) {
              if (regions.get(i) == null || !regions.get(i).matches(Slugs.REGION)) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", Slugs.REGION_MESSAGE));
              }
            }
          }
        });
  }

  private static void checkMap(
      List<Problem.FieldError> errors,
      String name,
      Map<String, List<String>> map,
      Set<String> keys,
      Set<String> values,
      String valueShape) {
    if (map == null) return;
    map.forEach(
        (key, list) -> {
          if (!keys.contains(key)) {
            errors.add(
                new Problem.FieldError(
                    name + "." + key,
                    "is not one of " + String.join(", ", keys.stream().sorted().toList())));
          } else if (list == null) {
            errors.add(
                new Problem.FieldError(
                    name + "." + key,
                    "must be a list, not null; leave the key out for no restriction"));
          } else {
            checkList(errors, name + "." + key, list, values, valueShape);
          }
        });
  }

  private static void checkList(
      List<Problem.FieldError> errors,
      String name,
      List<String> list,
      Set<String> values,
      String shape) {
    if (list == null) return;
    if (list.size() > 300) {
      errors.add(new Problem.FieldError(name, "must list at most 300 entries"));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null || !values.contains(list.get(i))) {
        errors.add(new Problem.FieldError(name + "[" + i + "]", "must be " + shape));
      }
    }
  }
}
