package io.portolan.decision;

import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.infrastructure.web.JacksonConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the policy answered for one question, in the order the API gives it, whichever engine
 * evaluated it.
 */
record Verdict(
    boolean allow,
    List<Reason> reasons,
    List<Obligation> obligations,
    List<Alternative> alternatives,
    String revision,
    Route route,
    AliasResolution alias) {

  /**
   * From the policy's decision document ({@code allow, revision, reasons, obligations,
   * alternatives, route}).
   */
  static Verdict of(JsonNode result) {
    return new Verdict(
        result.path("allow").asBoolean(false),
        reasons(result),
        obligations(result),
        alternatives(result.path("alternatives")),
        result.path("revision").asText(),
        Route.of(result.get("route")),
        AliasResolution.of(result.get("alias")));
  }

  private static <T> List<T> list(JsonNode array, Class<T> type) {
    List<T> items = new ArrayList<>();
    for (JsonNode item : array) {
      items.add(JacksonConfig.MAPPER.convertValue(item, type));
    }
    return List.copyOf(items);
  }

  private static List<Alternative> alternatives(JsonNode array) {
    List<Alternative> items = new ArrayList<>();
    for (JsonNode a : array) {
      items.add(
          new Alternative(
              a.path("model").asText(),
              a.path("vendor").asText(),
              a.path("jurisdiction").asText(),
              a.path("why").asText(),
              Route.of(a.get("route")),
              a.path("alias").isTextual() ? a.path("alias").asText() : null));
    }
    return List.copyOf(items);
  }

  /** The question as the log records it: an alias's resolved model in place of the alias. */
  DecisionRequest logged(DecisionRequest asked) {
    return alias == null ? asked : asked.withModel(alias.loggedModel());
  }

  /** The alias asked for, or null. */
  String aliasName() {
    return alias == null ? null : alias.name();
  }

  /** The deployment an allowed call is routed to, or null. */
  String routedDeployment() {
    return route == null ? null : route.deployment();
  }

  /**
   * Reasons and obligations are sets in the policy: sorted here as OPA's server sorts them (code,
   * then message), so the answer is the same whichever engine evaluated it.
   */
  private static List<Reason> reasons(JsonNode result) {
    List<Reason> reasons = new ArrayList<>();
    for (JsonNode r : result.path("reasons")) {
      reasons.add(
          new Reason(r.path("code").asText(), r.path("message").asText(), r.path("rule").asText()));
    }
    reasons.sort(
        Comparator.comparing(Reason::code)
            .thenComparing(Reason::message)
            .thenComparing(Reason::rule));
    return List.copyOf(reasons);
  }

  private static List<Obligation> obligations(JsonNode result) {
    List<Obligation> obligations =
        new ArrayList<>(list(result.path("obligations"), Obligation.class));
    obligations.sort(
        Comparator.comparing(Obligation::code, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Obligation::message, Comparator.nullsFirst(Comparator.naturalOrder())));
    return List.copyOf(obligations);
  }
}
