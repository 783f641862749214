package io.portolan.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.opa.OpaClient;
import io.portolan.infrastructure.opa.OpaUnavailableException;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.infrastructure.web.Slugs;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Portability: what each team could switch to, and what it would lose if a vendor or a whole
 * jurisdiction were cut off. Evaluated by the portolan.portability policy over the tenant's data.
 */
@RequestScoped
@Path("/portability")
@Produces(MediaType.APPLICATION_JSON)
public class PortabilityResource {
  @Inject TenantContext caller;
  @Inject OpaClient opa;

  /**
   * Where the work happens: coverage for requests from this region only; any region when absent.
   */
  public static class Where {
    @QueryParam("region")
    @Pattern(regexp = Slugs.REGION, message = Slugs.REGION_MESSAGE)
    String region;
  }

  /**
   * Which supplier disappears; exactly one of the four: a vendor or jurisdiction (the weights'
   * origin), an operator or operator jurisdiction (who runs them).
   */
  public static class CutOff {
    @QueryParam("vendor")
    @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
    String vendor;

    @QueryParam("jurisdiction")
    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code such as CN")
    String jurisdiction;

    @QueryParam("operator")
    @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
    String operator;

    @QueryParam("operatorJurisdiction")
    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code such as CN")
    String operatorJurisdiction;

    /** The one given, as {name, value}; a 400 unless exactly one is. */
    String[] only() {
      List<String[]> given =
          Stream.of(
                  new String[] {"vendor", vendor},
                  new String[] {"jurisdiction", jurisdiction},
                  new String[] {"operator", operator},
                  new String[] {"operatorJurisdiction", operatorJurisdiction})
              .filter(g -> g[1] != null)
              .toList();
      if (given.size() != 1) {
        throw ProblemException.badRequest(
            "vendor", "give exactly one of vendor, jurisdiction, operator or operatorJurisdiction");
      }
      return given.get(0);
    }
  }

  @GET
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "For every team and capability it holds approvals for: the models it may use under the"
              + " published settings, with their vendors and jurisdictions, overall and per data"
              + " classification (optionally for one region)")
  public JsonNode matrix(@Valid @BeanParam Where where) {
    ObjectNode answer = JacksonConfig.MAPPER.createObjectNode();
    answer.set("teams", evaluate("teams", input(where)));
    answer.put("region", where.region);
    return answer;
  }

  @GET
  @Path("what-if")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "Which teams lose a capability for a data classification, with no usable model left, if a"
              + " vendor, a jurisdiction, an operator or an operator jurisdiction is cut off (a"
              + " model goes with an operator only when every deployment of it in service is that"
              + " operator's)")
  public JsonNode whatIf(@Valid @BeanParam CutOff cutOff, @Valid @BeanParam Where where) {
    String[] only = cutOff.only();
    ObjectNode input = input(where);
    ObjectNode answer = JacksonConfig.MAPPER.createObjectNode();
    input.put(only[0], only[1]);
    answer.put(only[0], only[1]);
    answer.put("region", where.region);
    answer.set("teamsLosingCapabilities", evaluate("what_if", input));
    return answer;
  }

  @GET
  @Path("cut-offs")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "Announced vendor and model cut-offs still ahead, earliest first: the models each takes"
              + " away and the teams left without a usable model for a capability and data"
              + " classification by its date")
  public JsonNode upcomingCutOffs(@Valid @BeanParam Where where) {
    ObjectNode answer = JacksonConfig.MAPPER.createObjectNode();
    answer.put("region", where.region);
    answer.set("cutOffs", evaluate("upcoming", input(where)));
    return answer;
  }

  private ObjectNode input(Where where) {
    ObjectNode input = JacksonConfig.MAPPER.createObjectNode();
    input.put("tenant", caller.tenant().value()).put("nowMs", System.currentTimeMillis());
    if (where.region != null) input.put("region", where.region);
    return input;
  }

  private JsonNode evaluate(String rule, ObjectNode input) {
    try {
      JsonNode result = opa.evaluate("portolan/portability/" + rule, input);
      if (result == null) {
        // An undefined rule: the tenant's data or the policy is not in OPA (yet).
        throw ProblemException.unavailable(
            ProblemTypes.POLICY_NOT_LOADED,
            "The policy for this tenant is not loaded yet; retry shortly.");
      }
      return result;
    } catch (OpaUnavailableException e) {
      throw ProblemException.unavailable(
          ProblemTypes.POLICY_ENGINE_UNAVAILABLE,
          "The policy engine is unavailable; retry shortly.");
    }
  }
}
