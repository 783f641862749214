package io.portolan.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.opa.OpaClient;
import io.portolan.infrastructure.opa.OpaUnavailableException;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.JacksonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the policy what it thinks of a request before anyone decides: findings for the reviewer and
 * whether two officers must approve. Without an answer from OPA the request is still filed, marked
 * high risk, with a finding that says the check could not run.
 */
@ApplicationScoped
public class ApprovalPrecheck {
  @Inject OpaClient opa;

  /**
   * @param findings the reasons the policy would deny, ignoring the missing approval
   */
  public record Result(JsonNode findings, boolean highRisk, List<String> highRiskBecause) {}

  public Result check(TenantId tenant, ApprovalRequestInput request) {
    ObjectNode input = JacksonConfig.MAPPER.createObjectNode();
    input.put("tenant", tenant.value()).put("team", request.team()).put("model", request.model());
    input
        .put("purpose", request.purpose())
        .put("dataClassification", request.maxDataClassification());
    input.put("nowMs", System.currentTimeMillis());
    ArrayNode regions = input.putArray("regions");
    request.regions().forEach(regions::add);
    ArrayNode deployments = input.putArray("deployments");
    request.deployments().forEach(deployments::add);
    try {
      JsonNode result = opa.evaluate("portolan/approval", input);
      if (result != null && result.has("findings")) {
        List<String> because = new ArrayList<>();
        result.path("high_risk_because").forEach(b -> because.add(b.asText()));
        return new Result(result.get("findings"), result.path("high_risk").asBoolean(), because);
      }
    } catch (OpaUnavailableException e) {
      // fall through: filed as high risk
    }
    ArrayNode unavailable = JacksonConfig.MAPPER.createArrayNode();
    unavailable
        .addObject()
        .put("code", "precheck_unavailable")
        .put("message", "the policy pre-check could not run; review the request by hand");
    return new Result(unavailable, true, List.of("precheck_unavailable"));
  }
}
