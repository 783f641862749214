package io.portolan.decision;

import io.portolan.infrastructure.web.Problem;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.infrastructure.web.Problems;
import io.portolan.infrastructure.web.Slugs;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The decision API shaped for nginx {@code auth_request} (and other forward-auth proxies): the
 * question comes in headers, the answer is the status (204 allow, 403 deny) with the decision in
 * headers, since such proxies look only at the status and headers of the subrequest. The decision
 * is evaluated and logged exactly as {@code POST /api/v1/decisions}.
 */
@RequestScoped
@Path("/decisions/auth-request")
public class AuthRequestResource {
  static final String TEAM = "X-Portolan-Team";
  static final String MODEL = "X-Portolan-Model";
  static final String PURPOSE = "X-Portolan-Purpose";
  static final String CLASSIFICATION = "X-Portolan-Data-Classification";
  static final String REGION = "X-Portolan-Region";
  static final String TASK_TIER = "X-Portolan-Task-Tier";
  static final String DEPLOYMENT = "X-Portolan-Deployment";

  static final String DECISION_ID = "X-Portolan-Decision-Id";
  static final String REASONS = "X-Portolan-Reasons";
  static final String ALTERNATIVES = "X-Portolan-Alternatives";
  static final String OBLIGATIONS = "X-Portolan-Obligations";
  static final String POLICY_REVISION = "X-Portolan-Policy-Revision";
  static final String ROUTE_DEPLOYMENT = "X-Portolan-Route-Deployment";
  static final String ROUTE_ENDPOINT = "X-Portolan-Route-Endpoint";
  static final String INVALID_HEADERS = "X-Portolan-Invalid-Headers";

  @Inject TenantContext caller;
  @Inject DecisionService decisions;

  @GET
  @RolesAllowed(Roles.GATEWAY)
  @Operation(
      summary = "Decide from headers, for nginx auth_request: 204 allow, 403 deny",
      description =
          "Headers X-Portolan-Team, -Model, -Purpose, -Data-Classification, -Region are required;"
              + " X-Portolan-Task-Tier is optional (the team's default tier applies),"
              + " X-Portolan-Deployment too (the deployment the call goes to; without it the policy"
              + " routes). The answer carries X-Portolan-Decision-Id, X-Portolan-Reasons,"
              + " X-Portolan-Obligations and X-Portolan-Alternatives (codes and model ids,"
              + " comma-separated, omitted when empty), X-Portolan-Policy-Revision, for an allowed"
              + " call X-Portolan-Route-Deployment and X-Portolan-Route-Endpoint (where to send it;"
              + " omitted when no deployment qualifies), and X-Accel-Expires / Cache-Control"
              + " max-age counting down to the decision's expiresAt. Logged like POST"
              + " /api/v1/decisions.")
  @APIResponse(
      responseCode = "204",
      description = "allowed",
      headers = {
        @Header(name = DECISION_ID), @Header(name = OBLIGATIONS), @Header(name = POLICY_REVISION),
        @Header(name = ROUTE_DEPLOYMENT), @Header(name = ROUTE_ENDPOINT),
            @Header(name = "X-Accel-Expires")
      })
  @APIResponse(
      responseCode = "403",
      description = "denied (or not a gateway token)",
      headers = {
        @Header(name = DECISION_ID),
        @Header(name = REASONS),
        @Header(name = ALTERNATIVES),
        @Header(name = POLICY_REVISION),
        @Header(name = "X-Accel-Expires")
      })
  @APIResponse(
      responseCode = "400",
      description = "a header is missing or invalid; errors[].field names it",
      headers =
          @Header(name = INVALID_HEADERS, description = "the bad headers' names, comma-separated"))
  public Response decideFromHeaders(
      @HeaderParam(TEAM) String team,
      @HeaderParam(MODEL) String model,
      @HeaderParam(PURPOSE) String purpose,
      @HeaderParam(CLASSIFICATION) String classification,
      @HeaderParam(REGION) String region,
      @HeaderParam(TASK_TIER) String taskTier,
      @HeaderParam(DEPLOYMENT) String deployment) {
    DecisionRequest request;
    try {
      request = parse(team, model, purpose, classification, region, taskTier, deployment);
    } catch (ProblemException invalid) {
      return invalidHeaders(invalid.toProblem());
    }
    return answer(decisions.decide(caller.tenant(), caller.clientId(), request), Instant.now());
  }

  /**
   * The 400 problem, plus the bad header names in a header of their own: nginx never sees the body
   * of an auth subrequest, only its headers.
   */
  private static Response invalidHeaders(Problem problem) {
    String names =
        problem.errors().stream().map(Problem.FieldError::field).collect(Collectors.joining(","));
    return Response.fromResponse(Problems.response(problem)).header(INVALID_HEADERS, names).build();
  }

  /** Checks every header and names each bad one, as the JSON API names bad fields. */
  static DecisionRequest parse(
      String team,
      String model,
      String purpose,
      String classification,
      String region,
      String taskTier,
      String deployment) {
    List<Problem.FieldError> errors = new ArrayList<>();
    requireMatch(errors, TEAM, team, Slugs.ID, Slugs.ID_MESSAGE);
    requireMatch(errors, MODEL, model, Slugs.ID, Slugs.ID_MESSAGE);
    requireMatch(errors, PURPOSE, purpose, Slugs.ID, Slugs.ID_MESSAGE);
    DataClassification dataClassification = null;
    if (requireMatch(
        errors,
        CLASSIFICATION,
        classification,
        "public|internal|confidential|restricted",
        "must be one of: public, internal, confidential, restricted")) {
      dataClassification = DataClassification.valueOf(classification.toUpperCase(Locale.ROOT));
    }
    requireMatch(errors, REGION, region, Slugs.REGION, Slugs.REGION_MESSAGE);
    TaskTier tier = null;
    boolean tierGiven = taskTier != null && !taskTier.isEmpty();
    if (tierGiven
        && requireMatch(
            errors,
            TASK_TIER,
            taskTier,
            "routine|standard|critical",
            "must be one of: routine, standard, critical")) {
      tier = TaskTier.valueOf(taskTier.toUpperCase(Locale.ROOT));
    }
    boolean deploymentGiven = deployment != null && !deployment.isEmpty();
    if (deploymentGiven) {
      requireMatch(errors, DEPLOYMENT, deployment, Slugs.ID, Slugs.ID_MESSAGE);
    }
    if (!errors.isEmpty()) {
      String detail =
          errors.stream()
              .map(e -> e.field() + ": " + e.message())
              .collect(Collectors.joining("; "));
      throw new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request", detail, errors);
    }
    DecisionRequest request =
        new DecisionRequest(team, model, purpose, dataClassification, region)
            .withDeployment(deploymentGiven ? deployment : null);
    return tier == null ? request : request.withTaskTier(tier);
  }

  /** An empty header counts as missing. */
  private static boolean requireMatch(
      List<Problem.FieldError> errors,
      String header,
      String value,
      String pattern,
      String message) {
    if (value == null || value.isEmpty()) {
      errors.add(new Problem.FieldError(header, "is required"));
      return false;
    }
    if (!value.matches(pattern)) {
      errors.add(new Problem.FieldError(header, message));
      return false;
    }
    return true;
  }

  static Response answer(DecisionResponse decision, Instant now) {
    long seconds = Math.max(0, Duration.between(now, decision.expiresAt()).getSeconds());
    Response.ResponseBuilder response = decision.allow() ? Response.noContent() : denied(decision);
    response
        .header(DECISION_ID, decision.decisionId())
        .header(POLICY_REVISION, decision.policyRevision())
        // nginx's proxy_cache honours X-Accel-Expires over everything else; 0 means "do not cache".
        .header("X-Accel-Expires", seconds)
        .header("Cache-Control", "max-age=" + seconds);
    String reasons = decision.reasons().stream().map(Reason::code).collect(Collectors.joining(","));
    // An alias that still resolves is named as the alias: asking for it is what keeps the caller
    // portable.
    String alternatives =
        decision.alternatives().stream()
            .map(a -> a.alias() != null ? a.alias() : a.model())
            .collect(Collectors.joining(","));
    if (!reasons.isEmpty()) {
      response.header(REASONS, reasons);
    }
    if (!alternatives.isEmpty()) {
      response.header(ALTERNATIVES, alternatives);
    }
    String obligations =
        decision.obligations().stream().map(Obligation::code).collect(Collectors.joining(","));
    if (!obligations.isEmpty()) {
      response.header(OBLIGATIONS, obligations);
    }
    if (decision.route() != null) {
      response.header(ROUTE_DEPLOYMENT, decision.route().deployment());
      if (decision.route().endpoint() != null) {
        response.header(ROUTE_ENDPOINT, decision.route().endpoint());
      }
    }
    return response.build();
  }

  /** A deny is a 403 whose problem body repeats the reasons for callers that read bodies. */
  private static Response.ResponseBuilder denied(DecisionResponse decision) {
    String detail =
        decision.reasons().stream()
            .map(r -> r.code() + ": " + r.message())
            .collect(Collectors.joining("; "));
    Problem problem =
        new Problem(
            Problem.type(ProblemTypes.DECISION_DENIED),
            "Denied by policy",
            403,
            detail.isEmpty() ? "denied by policy" : detail,
            null,
            null);
    return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem);
  }
}
