package io.portolan.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * Portolan's answer to "may this team use this model?". {@code fromCache} is true when the SDK
 * reused an earlier answer instead of asking; {@code decisionId} is null when the SDK answered on
 * its own because Portolan could not be reached. {@code route} says where to send an allowed call;
 * null on a deny, when no deployment of the model qualifies, and on the SDK's own answers. {@code
 * alias} is set when the question's model named an alias: the alias and the concrete model it
 * resolved to (also {@code route().model()} when allowed); null when the question named a model.
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
    Route route,
    AliasResolution alias) {

  /**
   * The code of the reason (or, failing open, the obligation) the SDK adds when Portolan is
   * unreachable.
   */
  public static final String PORTOLAN_UNAVAILABLE = "portolan_unavailable";

  public Decision {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    obligations = obligations == null ? List.of() : List.copyOf(obligations);
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    route = Route.orNull(route);
    alias = AliasResolution.orNull(alias);
  }

  /** An answer without an alias (as SDK releases before aliases made them). */
  public Decision(
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
    this(
        decisionId,
        allow,
        reasons,
        obligations,
        alternatives,
        policyRevision,
        evaluatedAt,
        expiresAt,
        fromCache,
        route,
        null);
  }

  /** An answer without a route or an alias (as SDK releases before routing made them). */
  public Decision(
      String decisionId,
      boolean allow,
      List<Reason> reasons,
      List<Obligation> obligations,
      List<Alternative> alternatives,
      String policyRevision,
      Instant evaluatedAt,
      Instant expiresAt,
      boolean fromCache) {
    this(
        decisionId,
        allow,
        reasons,
        obligations,
        alternatives,
        policyRevision,
        evaluatedAt,
        expiresAt,
        fromCache,
        null,
        null);
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
  public record Obligation(
      String code,
      String message,
      Instant cutOffAt,
      List<String> alternatives,
      Long remainingMicros,
      String currency) {
    public Obligation(String code, String message) {
      this(code, message, null, List.of(), null, null);
    }

    public Obligation {
      alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
  }

  /**
   * A model the team may use instead, with why it qualifies and where a call to it would be routed
   * (null when none of its deployments qualifies). {@code alias} names an alias that lists the
   * denied model and resolves to this one for the same question (ask for the alias instead to stay
   * portable), null for other alternatives; such alternatives come first.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Alternative(
      String model, String vendor, String jurisdiction, String why, Route route, String alias) {
    public Alternative {
      route = Route.orNull(route);
      alias = alias == null || alias.isBlank() ? null : alias;
    }

    /** An alternative naming no alias (as SDK releases before aliases made them). */
    public Alternative(String model, String vendor, String jurisdiction, String why, Route route) {
      this(model, vendor, jurisdiction, why, route, null);
    }

    public Alternative(String model, String vendor, String jurisdiction, String why) {
      this(model, vendor, jurisdiction, why, null, null);
    }
  }

  /**
   * What a question for an alias (a logical model name the tenant defines, e.g. {@code
   * chat-default}) resolved to: the alias asked for ({@code name}) and the concrete model of its
   * first candidate no rule denies ({@code model}), null when none may be used (the answer is then
   * a deny with reason {@code alias_unresolved}).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AliasResolution(String name, String model) {
    public AliasResolution {
      model = model == null || model.isBlank() ? null : model;
    }

    /** An alias naming nothing counts as none. */
    static AliasResolution orNull(AliasResolution alias) {
      return alias == null || alias.name() == null || alias.name().isBlank() ? null : alias;
    }
  }

  /**
   * Where to send an allowed call: the deployment of the model (the one the question named, or the
   * best compliant one), who operates it and in which jurisdiction, the request's region, and the
   * endpoint (base URL) to call, null when the deployment records none.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Route(
      String deployment,
      String model,
      String operator,
      String operatorJurisdiction,
      String region,
      String endpoint) {

    /** A route naming no deployment counts as none. */
    static Route orNull(Route route) {
      return route == null || route.deployment() == null || route.deployment().isBlank()
          ? null
          : route;
    }
  }

  Decision markedFromCache() {
    return new Decision(
        decisionId,
        allow,
        reasons,
        obligations,
        alternatives,
        policyRevision,
        evaluatedAt,
        expiresAt,
        true,
        route,
        alias);
  }

  /**
   * The SDK's own answer when Portolan cannot answer: a deny, or with failOpen an allow that says
   * why.
   */
  static Decision unavailable(String what, boolean failOpen, Instant now) {
    if (failOpen) {
      return new Decision(
          null,
          true,
          List.of(),
          List.of(new Obligation(PORTOLAN_UNAVAILABLE, what)),
          List.of(),
          null,
          now,
          now,
          false);
    }
    return new Decision(
        null,
        false,
        List.of(new Reason(PORTOLAN_UNAVAILABLE, what, "sdk")),
        List.of(),
        List.of(),
        null,
        now,
        now,
        false);
  }
}
