package io.portolan.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * Portolan's answer to "may this team use this model?". {@code fromCache} is true when the SDK
 * reused an earlier answer instead of asking; {@code decisionId} is null when the SDK answered on
 * its own because Portolan could not be reached. {@code route} says where to send an allowed call;
 * null on a deny, when no deployment of the model qualifies, and on the SDK's own answers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Decision(
    String decisionId,
    boolean allow,
    List<Reason> reasons,
    List<Obligation> obligations,
    List<Alternative> alternatives,
    String policyRevision,
    Instant evaluatedAt,
    Instant expiresAt,
    boolean fromCache,
    Route route) {

  /** The code of the reason (or, failing open, the obligation) the SDK adds when Portolan is unreachable. */
  public static final String PORTOLAN_UNAVAILABLE = "portolan_unavailable";

  public Decision {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    obligations = obligations == null ? List.of() : List.copyOf(obligations);
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    route = Route.orNull(route);
  }

  /** An answer without a route (as SDK releases before routing made them). */
  public Decision(String decisionId, boolean allow, List<Reason> reasons, List<Obligation> obligations,
      List<Alternative> alternatives, String policyRevision, Instant evaluatedAt, Instant expiresAt, boolean fromCache) {
    this(decisionId, allow, reasons, obligations, alternatives, policyRevision, evaluatedAt, expiresAt, fromCache, null);
  }

  /** Why a decision denied: a stable machine code, a sentence for people, and the rule. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Reason(String code, String message, String rule) {}

  /**
   * A condition the caller must honour when it goes ahead with an allowed call. A scheduled cut-off
   * ({@code cut_off_scheduled}) also names its instant and the models to move to, best first; other
   * obligations leave them null and empty.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Obligation(String code, String message, Instant cutOffAt, List<String> alternatives,
      Long remainingMicros, String currency) {
    public Obligation(String code, String message) {
      this(code, message, null, List.of(), null, null);
    }

    public Obligation {
      alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
  }

  /**
   * A model the team may use instead, with why it qualifies and where a call to it would be routed
   * (null when none of its deployments qualifies).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Alternative(String model, String vendor, String jurisdiction, String why, Route route) {
    public Alternative {
      route = Route.orNull(route);
    }

    public Alternative(String model, String vendor, String jurisdiction, String why) {
      this(model, vendor, jurisdiction, why, null);
    }
  }

  /**
   * Where to send an allowed call: the deployment of the model (the one the question named, or the
   * best compliant one), who operates it and in which jurisdiction, the request's region, and the
   * endpoint (base URL) to call, null when the deployment records none.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Route(
      String deployment, String model, String operator, String operatorJurisdiction, String region, String endpoint) {

    /** A route naming no deployment counts as none. */
    static Route orNull(Route route) {
      return route == null || route.deployment() == null || route.deployment().isBlank() ? null : route;
    }
  }

  Decision markedFromCache() {
    return new Decision(decisionId, allow, reasons, obligations, alternatives, policyRevision, evaluatedAt, expiresAt, true,
        route);
  }

  /** The SDK's own answer when Portolan cannot answer: a deny, or with failOpen an allow that says why. */
  static Decision unavailable(String what, boolean failOpen, Instant now) {
    if (failOpen) {
      return new Decision(null, true, List.of(), List.of(new Obligation(PORTOLAN_UNAVAILABLE, what)), List.of(),
          null, now, now, false);
    }
    return new Decision(null, false, List.of(new Reason(PORTOLAN_UNAVAILABLE, what, "sdk")), List.of(), List.of(),
        null, now, now, false);
  }
}
