package io.portolan.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where to send an allowed call: the deployment of the model, who operates it and where, the
 * request's region, and the endpoint (base URL) a gateway routes to, left out when none is
 * recorded.
 */
public record Route(
    String deployment,
    String model,
    String operator,
    String operatorJurisdiction,
    String region,
    @JsonInclude(JsonInclude.Include.NON_NULL) String endpoint) {

  /** From the policy's route object, or null when the policy gave none. */
  static Route of(JsonNode route) {
    if (route == null || !route.isObject() || !route.path("deployment").isTextual()) {
      return null;
    }
    return new Route(
        route.path("deployment").asText(),
        route.path("model").asText(),
        route.path("operator").asText(),
        route.path("operatorJurisdiction").asText(),
        route.path("region").asText(),
        route.path("endpoint").isTextual() ? route.path("endpoint").asText() : null);
  }
}
