package io.portolan.audit;

import io.portolan.infrastructure.web.Problem;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.ledger.TimeWindow;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantChange;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * How long each log is kept: the tenant's policy, applied daily, its last runs, and a run on
 * demand.
 */
@RequestScoped
@Path("/audit/retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {
  @Inject TenantContext caller;
  @Inject Retention retention;
  @Inject RetentionPolicies policies;
  @Inject Event<TenantChange> changed;

  @Inject RetentionConfig config;

  /**
   * How much to keep: entries evaluated before {@code before}, or older than {@code keepDays}, go.
   */
  public record RetentionInput(Integer keepDays, Instant before) {}

  @GET
  @RolesAllowed({Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "The tenant's retention policy (days kept per log; null: for ever), and its last"
              + " scheduled and manual runs")
  @Transactional
  public Map<String, Object> policy() {
    RetentionPolicies.Stored stored = policies.find(caller.tenant());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("decisionsDays", stored.policy().decisionsDays());
    answer.put("usageDays", stored.policy().usageDays());
    answer.put("changesDays", stored.policy().changesDays());
    answer.put("updatedBy", stored.updatedBy());
    answer.put("updatedAt", stored.updatedAt());
    answer.put("minimumDays", config.minimumDays());
    answer.put("lastScheduledRun", policies.lastRun(caller.tenant(), "schedule"));
    answer.put("lastRun", policies.lastRun(caller.tenant(), null));
    return answer;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(
      summary =
          "Set how many days each log keeps (leave a log out, or null, to keep it for ever);"
              + " applied daily")
  @Transactional
  public Map<String, Object> save(RetentionPolicies.Policy body) {
    RetentionPolicies.Policy policy = body == null ? RetentionPolicies.Policy.FOREVER : body;
    validate(policy);
    RetentionPolicies.Policy before = policies.find(caller.tenant()).policy();
    policies.save(caller.tenant(), policy, caller.userName());
    changed.fire(
        new TenantChange(
            caller.tenant(),
            "retention.policy-changed",
            "retention-policy",
            caller.tenant().value(),
            before,
            policy));
    return policy();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(
      summary =
          "Remove decision-log, usage-log and audit-trail entries older than a cut now, keeping the"
              + " chains verifiable")
  @Transactional
  public Map<String, Object> retain(RetentionInput body) {
    if (body == null || (body.keepDays() == null) == (body.before() == null)) {
      throw ProblemException.badRequest("keepDays", "give exactly one of keepDays or before");
    }
    if (body.keepDays() != null
        && (body.keepDays() < config.minimumDays() || body.keepDays() > 36_500)) {
      throw ProblemException.badRequest(
          "keepDays", "must be between " + config.minimumDays() + " and 36500");
    }
    Instant cut =
        body.before() != null
            ? body.before()
            : Instant.now().minus(Duration.ofDays(body.keepDays()));
    Instant latestCut = Instant.now().minus(Duration.ofDays(config.minimumDays()));
    if (cut.isAfter(latestCut) || cut.isBefore(TimeWindow.EARLIEST)) {
      throw ProblemException.badRequest(
          "before",
          "must be at least "
              + config.minimumDays()
              + " day(s) in the past (portolan.retention.minimum-days) and after 1970");
    }
    Map<String, Object> result = retention.apply(caller.tenant(), cut, caller.userName());
    changed.fire(
        new TenantChange(caller.tenant(), "retention.applied", "log", "retention", null, result));
    return result;
  }

  private void validate(RetentionPolicies.Policy policy) {
    List<Problem.FieldError> errors = new ArrayList<>();
    check(errors, "decisionsDays", policy.decisionsDays());
    check(errors, "usageDays", policy.usageDays());
    check(errors, "changesDays", policy.changesDays());
    if (!errors.isEmpty()) {
      throw new ProblemException(
          400,
          ProblemTypes.VALIDATION,
          "Invalid request",
          errors.get(0).field() + ": " + errors.get(0).message(),
          errors);
    }
  }

  private void check(List<Problem.FieldError> errors, String field, Integer days) {
    if (days != null && (days < config.minimumDays() || days > 36_500)) {
      errors.add(
          new Problem.FieldError(
              field,
              "must be between "
                  + config.minimumDays()
                  + " and 36500 days, or null to keep for ever"));
    }
  }
}
