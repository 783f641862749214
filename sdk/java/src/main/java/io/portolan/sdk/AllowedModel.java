package io.portolan.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A model a team may use now, as {@code GET /api/v1/teams/{team}/models} lists it; {@code price}
 * null when none is set, {@code route} (where a call to it would go) null when no deployment
 * qualifies.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AllowedModel(
    String model,
    String vendor,
    String jurisdiction,
    List<String> capabilities,
    String costTier,
    List<String> hostingRegions,
    List<Decision.Obligation> obligations,
    Price price,
    Decision.Route route) {

  /** What the model costs now, per million input and output tokens. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Price(
      String currency,
      java.math.BigDecimal inputPerMillion,
      java.math.BigDecimal outputPerMillion) {}

  public AllowedModel {
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    hostingRegions = hostingRegions == null ? List.of() : List.copyOf(hostingRegions);
    obligations = obligations == null ? List.of() : List.copyOf(obligations);
    route = Decision.Route.orNull(route);
  }

  /** A listed model without a route (as SDK releases before routing made them). */
  public AllowedModel(
      String model,
      String vendor,
      String jurisdiction,
      List<String> capabilities,
      String costTier,
      List<String> hostingRegions,
      List<Decision.Obligation> obligations,
      Price price) {
    this(
        model,
        vendor,
        jurisdiction,
        capabilities,
        costTier,
        hostingRegions,
        obligations,
        price,
        null);
  }
}
