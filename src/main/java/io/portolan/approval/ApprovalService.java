package io.portolan.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import io.portolan.infrastructure.web.Problem;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.inventory.Deployment;
import io.portolan.inventory.InventoryRepository;
import io.portolan.inventory.Model;
import io.portolan.inventory.Team;
import io.portolan.policy.PolicyDataChanged;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The approval workflow. Maker-checker: nobody decides a request they made; a high-risk request
 * takes effect only after two different officers approved it. Every state change is an event.
 */
@ApplicationScoped
@Transactional
public class ApprovalService {
  static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

  @PersistenceContext EntityManager em;
  @Inject ApprovalPrecheck precheck;
  @Inject InventoryRepository inventory;
  @Inject ApprovalRows rows;
  @Inject Event<PolicyDataChanged> policyDataChanged;
  @Inject Event<TenantChange> audit;

  public ApprovalRequestView submit(TenantId tenant, String requester, ApprovalRequestInput input) {
    requireReference(tenant, Team.class, "team", input.team());
    requireReference(tenant, Model.class, "model", input.model());
    requireDeploymentsOf(tenant, input.model(), "deployments", input.deployments());
    if (input.requestedUntil() != null && !input.requestedUntil().isAfter(Instant.now())) {
      throw ProblemException.badRequest("requestedUntil", "must be in the future");
    }
    ApprovalPrecheck.Result check = precheck.check(tenant, input);
    UUID id = UUID.randomUUID();
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "insert into approval_request (tenant_id, id, team, model, purpose,"
                + " max_data_classification, regions, justification, requested_until, requester,"
                + " status, high_risk, high_risk_because, required_approvals, findings,"
                + " deployments) values (?1, ?2, ?3, ?4, ?5, ?6, string_to_array(?7, ','), ?8, ?9,"
                + " ?10, 'pending', ?11, string_to_array(?12, ','), ?13, cast(?14 as jsonb),"
                + " string_to_array(?15, ','))")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .setParameter(3, input.team())
        .setParameter(4, input.model())
        .setParameter(5, input.purpose())
        .setParameter(6, input.maxDataClassification())
        .setParameter(7, String.join(",", input.regions()))
        .setParameter(8, input.justification())
        .setParameter(
            9,
            input.requestedUntil() == null ? null : java.sql.Timestamp.from(input.requestedUntil()))
        .setParameter(10, requester)
        .setParameter(11, check.highRisk())
        .setParameter(12, String.join(",", check.highRiskBecause()))
        .setParameter(13, check.highRisk() ? 2 : 1)
        .setParameter(14, check.findings().toString())
        .setParameter(15, String.join(",", input.deployments()))
        .executeUpdate();
    event(tenant, id, requester, "submitted", input.justification(), null);
    ApprovalRequestView submitted = get(tenant, id);
    audit.fire(
        new TenantChange(
            tenant,
            "approval-request.submitted",
            "approval-request",
            id.toString(),
            null,
            submitted));
    return submitted;
  }

  public PageView<ApprovalRequestView> list(
      TenantId tenant, String status, String team, PageRequest page) {
    return rows.requests(tenant, status, team, page);
  }

  public ApprovalRequestView get(TenantId tenant, UUID id) {
    return rows.request(tenant, id)
        .orElseThrow(() -> ProblemException.notFound("approval request", id.toString()));
  }

  public ApprovalRequestView decide(
      TenantId tenant, UUID id, String officer, DecisionInput decision) {
    ApprovalRequestView request = pendingForUpdate(tenant, id);
    if (request.requester().equals(officer)) {
      throw ProblemException.forbidden(
          ProblemTypes.OWN_REQUEST, "Nobody decides their own request; another officer must.");
    }
    if (decision.outcome().equals("reject")) {
      setStatus(tenant, id, "rejected");
      event(tenant, id, officer, "rejected", decision.comment(), null);
      return audited(tenant, "approval-request.rejected", request);
    }
    if (request.approvedBy().contains(officer)) {
      throw ProblemException.conflict(
          ProblemTypes.ALREADY_APPROVED,
          "You approved this request already; a second officer must approve it.");
    }
    if (decision.conditions() != null && decision.conditions().deployments() != null) {
      requireDeploymentsOf(
          tenant, request.model(), "conditions.deployments", decision.conditions().deployments());
    }
    Terms terms = Terms.of(request, rows.conditionsGiven(tenant, id), decision.conditions());
    event(
        tenant, id, officer, "approved", decision.comment(), terms.asDetail(decision.conditions()));
    List<String> approvers = new ArrayList<>(request.approvedBy());
    approvers.add(officer);
    if (approvers.size() >= request.requiredApprovals()) {
      setStatus(tenant, id, "approved");
      createApproval(tenant, request, terms, approvers);
      policyDataChanged.fire(new PolicyDataChanged(tenant));
    }
    return audited(tenant, "approval-request.approved", request);
  }

  public ApprovalRequestView withdraw(TenantId tenant, UUID id, String requester) {
    ApprovalRequestView request = pendingForUpdate(tenant, id);
    if (!request.requester().equals(requester)) {
      throw ProblemException.forbidden(
          ProblemTypes.NOT_YOUR_REQUEST, "Only the requester may withdraw a request.");
    }
    setStatus(tenant, id, "withdrawn");
    event(tenant, id, requester, "withdrawn", null, null);
    return audited(tenant, "approval-request.withdrawn", request);
  }

  public ApprovalView revoke(TenantId tenant, UUID approvalId, String officer, String reason) {
    ApprovalView approval =
        rows.approval(tenant, approvalId)
            .orElseThrow(() -> ProblemException.notFound("approval", approvalId.toString()));
    if (approval.revokedAt() != null) {
      throw ProblemException.conflict(
          ProblemTypes.ALREADY_REVOKED, "The approval was revoked already.");
    }
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "update approval set revoked_at = now(), revoked_by = ?1, revoke_reason = ?2"
                + " where tenant_id = ?3 and id = ?4")
        .setParameter(1, officer)
        .setParameter(2, reason)
        .setParameter(3, tenant.value())
        .setParameter(4, approvalId)
        .executeUpdate();
    event(tenant, approval.requestId(), officer, "revoked", reason, null);
    policyDataChanged.fire(new PolicyDataChanged(tenant));
    ApprovalView after = rows.approval(tenant, approvalId).orElseThrow();
    audit.fire(
        new TenantChange(
            tenant, "approval.revoked", "approval", approvalId.toString(), approval, after));
    return after;
  }

  public PageView<ApprovalView> approvals(
      TenantId tenant, String team, Integer expiringWithinDays, PageRequest page) {
    return rows.approvals(tenant, team, expiringWithinDays, page);
  }

  private ApprovalRequestView audited(TenantId tenant, String action, ApprovalRequestView before) {
    ApprovalRequestView after = get(tenant, before.id());
    audit.fire(
        new TenantChange(
            tenant, action, "approval-request", before.id().toString(), before, after));
    return after;
  }

  private ApprovalRequestView pendingForUpdate(TenantId tenant, UUID id) {
    TenantScope.enter(em, tenant);
    // Serialises decisions on one request: two officers approving at once count as two, not one.
    List<?> locked =
        em.createNativeQuery(
                "select status from approval_request where tenant_id = ?1 and id = ?2 for update")
            .setParameter(1, tenant.value())
            .setParameter(2, id)
            .getResultList();
    if (locked.isEmpty()) {
      throw ProblemException.notFound("approval request", id.toString());
    }
    if (!"pending".equals(locked.get(0))) {
      throw ProblemException.conflict(
          ProblemTypes.NOT_PENDING, "The request is " + locked.get(0) + ", no longer pending.");
    }
    return get(tenant, id);
  }

  private void setStatus(TenantId tenant, UUID id, String status) {
    em.createNativeQuery(
            "update approval_request set status = ?1, updated_at = now() where tenant_id = ?2 and"
                + " id = ?3")
        .setParameter(1, status)
        .setParameter(2, tenant.value())
        .setParameter(3, id)
        .executeUpdate();
  }

  private void createApproval(
      TenantId tenant, ApprovalRequestView request, Terms terms, List<String> approvers) {
    Query insert =
        em.createNativeQuery(
            "insert into approval (tenant_id, id, request_id, team, model, purpose,"
                + " max_data_classification, regions, expires_at, approved_by, deployments) values"
                + " (?1, ?2, ?3, ?4, ?5, ?6, ?7, string_to_array(?8, ','), ?9, string_to_array(?10,"
                + " ','), string_to_array(?11, ','))");
    insert
        .setParameter(1, tenant.value())
        .setParameter(2, UUID.randomUUID())
        .setParameter(3, request.id())
        .setParameter(4, request.team())
        .setParameter(5, request.model())
        .setParameter(6, request.purpose())
        .setParameter(7, terms.maxDataClassification())
        .setParameter(8, String.join(",", terms.regions()))
        .setParameter(9, java.sql.Timestamp.from(terms.expiresAt()))
        .setParameter(10, String.join(",", approvers))
        .setParameter(11, String.join(",", terms.deployments()))
        .executeUpdate();
  }

  private void event(
      TenantId tenant,
      UUID requestId,
      String actor,
      String action,
      String comment,
      JsonNode detail) {
    em.createNativeQuery(
            "insert into approval_request_event (tenant_id, request_id, actor, action, comment,"
                + " detail) values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))")
        .setParameter(1, tenant.value())
        .setParameter(2, requestId)
        .setParameter(3, actor)
        .setParameter(4, action)
        .setParameter(5, comment)
        .setParameter(6, detail == null ? null : detail.toString())
        .executeUpdate();
  }

  private <E> void requireReference(TenantId tenant, Class<E> type, String field, String id) {
    if (inventory.find(tenant, type, id).isEmpty()) {
      String message = field + " '" + id + "' does not exist";
      throw new ProblemException(
          422,
          ProblemTypes.INVALID_REFERENCE,
          "Invalid reference",
          field + ": " + message,
          List.of(new Problem.FieldError(field, message)));
    }
  }

  /**
   * Each named deployment must be one of the model's: an approval for another model's endpoint
   * would cover nothing.
   */
  private void requireDeploymentsOf(
      TenantId tenant, String model, String field, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Optional<Deployment> deployment = inventory.find(tenant, Deployment.class, name);
      if (deployment.isEmpty() || !deployment.get().modelId().equals(model)) {
        String message =
            "deployment '"
                + name
                + "' "
                + (deployment.isEmpty()
                    ? "does not exist"
                    : "is not a deployment of model '" + model + "'");
        throw new ProblemException(
            422,
            ProblemTypes.INVALID_REFERENCE,
            "Invalid reference",
            field + "[" + i + "]: " + message,
            List.of(new Problem.FieldError(field + "[" + i + "]", message)));
      }
    }
  }

  /**
   * What an approval grants: the request's terms narrowed by the officers' conditions; no
   * deployments: any.
   */
  record Terms(
      String maxDataClassification,
      List<String> regions,
      List<String> deployments,
      Instant expiresAt) {
    private static final List<String> RANK =
        List.of("public", "internal", "confidential", "restricted");

    static Terms of(
        ApprovalRequestView request,
        List<DecisionInput.Conditions> earlier,
        DecisionInput.Conditions now) {
      String classification = request.maxDataClassification();
      List<String> regions = request.regions();
      List<String> deployments = request.deployments();
      Instant expires =
          request.requestedUntil() != null
              ? request.requestedUntil()
              : Instant.now().plus(DEFAULT_VALIDITY);
      List<DecisionInput.Conditions> all = new ArrayList<>(earlier);
      if (now != null) all.add(now);
      // Conditions only narrow what was asked: an officer cannot grant more than the request (and
      // its risk rating) covered, nor undo an earlier officer's narrowing.
      for (DecisionInput.Conditions c : all) {
        if (c.maxDataClassification() != null) {
          if (RANK.indexOf(c.maxDataClassification()) > RANK.indexOf(classification)) {
            throw ProblemException.badRequest(
                "conditions.maxDataClassification",
                "may only narrow the classification; '"
                    + classification
                    + "' is the most this approval can cover");
          }
          classification = c.maxDataClassification();
        }
        if (c.regions() != null) {
          if (!regions.containsAll(c.regions())) {
            throw ProblemException.badRequest(
                "conditions.regions", "may only narrow the regions to some of " + regions);
          }
          regions = c.regions();
        }
        if (c.deployments() != null) {
          if (!deployments.isEmpty() && !deployments.containsAll(c.deployments())) {
            throw ProblemException.badRequest(
                "conditions.deployments",
                "may only narrow the deployments to some of " + deployments);
          }
          deployments = c.deployments();
        }
        if (c.expiresAt() != null) {
          if (c.expiresAt().isAfter(expires)) {
            throw ProblemException.badRequest(
                "conditions.expiresAt",
                "may only bring the expiry forward, to " + expires + " at the latest");
          }
          expires = c.expiresAt();
        }
      }
      if (!expires.isAfter(Instant.now())) {
        throw ProblemException.badRequest("conditions.expiresAt", "must be in the future");
      }
      return new Terms(classification, regions, deployments, expires);
    }

    JsonNode asDetail(DecisionInput.Conditions given) {
      ObjectNode detail = JacksonConfig.MAPPER.createObjectNode();
      if (given != null) detail.set("conditions", JacksonConfig.MAPPER.valueToTree(given));
      return detail;
    }
  }
}
