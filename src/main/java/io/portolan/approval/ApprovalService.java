package io.portolan.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.persistence.TenantId;
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
    rows.insertRequest(tenant, id, requester, input, check);
    rows.insertEvent(tenant, id, requester, "submitted", input.justification(), null);
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
      rows.setRequestStatus(tenant, id, "rejected");
      rows.insertEvent(tenant, id, officer, "rejected", decision.comment(), null);
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
    rows.insertEvent(
        tenant, id, officer, "approved", decision.comment(), terms.asDetail(decision.conditions()));
    List<String> approvers = new ArrayList<>(request.approvedBy());
    approvers.add(officer);
    if (approvers.size() >= request.requiredApprovals()) {
      rows.setRequestStatus(tenant, id, "approved");
      rows.insertApproval(tenant, UUID.randomUUID(), request, terms, approvers);
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
    rows.setRequestStatus(tenant, id, "withdrawn");
    rows.insertEvent(tenant, id, requester, "withdrawn", null, null);
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
    rows.revokeApproval(tenant, approvalId, officer, reason);
    rows.insertEvent(tenant, approval.requestId(), officer, "revoked", reason, null);
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
    // Serialises decisions on one request: two officers approving at once count as two, not one.
    String status =
        rows.lockRequestStatus(tenant, id)
            .orElseThrow(() -> ProblemException.notFound("approval request", id.toString()));
    if (!"pending".equals(status)) {
      throw ProblemException.conflict(
          ProblemTypes.NOT_PENDING, "The request is " + status + ", no longer pending.");
    }
    return get(tenant, id);
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
