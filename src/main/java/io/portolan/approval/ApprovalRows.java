package io.portolan.approval;

import static io.portolan.infrastructure.persistence.SqlValues.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes requests, their history and approvals, in the caller's transaction; every
 * statement takes the tenant and opens its scope.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ApprovalRows {
  private static final String REQUEST_COLUMNS =
      "id, team, model, purpose, max_data_classification, array_to_string(regions, ','),"
          + " justification, requested_until, requester, status, high_risk,"
          + " array_to_string(high_risk_because, ','), required_approvals, findings::text,"
          + " created_at, updated_at, (select a.id from approval a where a.tenant_id = r.tenant_id"
          + " and a.request_id = r.id) as approval_id, array_to_string(deployments, ',')";
  private static final String APPROVAL_COLUMNS =
      "id, request_id, team, model, purpose, max_data_classification, array_to_string(regions,"
          + " ','), expires_at, array_to_string(approved_by, ','), created_at, revoked_at,"
          + " revoked_by, revoke_reason, array_to_string(deployments, ',')";

  @PersistenceContext EntityManager em;

  public Optional<ApprovalRequestView> request(TenantId tenant, UUID id) {
    List<?> found =
        query(
                tenant,
                "select "
                    + REQUEST_COLUMNS
                    + " from approval_request r where tenant_id = :tenant and id = :id",
                Map.of("id", id))
            .getResultList();
    return found.stream().findFirst().map(row -> request(tenant, (Object[]) row, true));
  }

  public PageView<ApprovalRequestView> requests(
      TenantId tenant, String status, String team, PageRequest page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder(" from approval_request r where tenant_id = :tenant");
    if (status != null) {
      where.append(" and status = :status");
      parameters.put("status", status);
    }
    if (team != null) {
      where.append(" and team = :team");
      parameters.put("team", team);
    }
    long total =
        ((Number) query(tenant, "select count(*)" + where, parameters).getSingleResult())
            .longValue();
    List<?> found =
        query(
                tenant,
                "select "
                    + REQUEST_COLUMNS
                    + where
                    + " order by r.created_at, r.id offset :offset limit :limit",
                with(parameters, page))
            .getResultList();
    List<ApprovalRequestView> items =
        found.stream().map(row -> request(tenant, (Object[]) row, false)).toList();
    return new PageView<>(items, total, page.page(), page.size());
  }

  public Optional<ApprovalView> approval(TenantId tenant, UUID id) {
    List<?> found =
        query(
                tenant,
                "select "
                    + APPROVAL_COLUMNS
                    + " from approval where tenant_id = :tenant and id = :id",
                Map.of("id", id))
            .getResultList();
    return found.stream().findFirst().map(row -> approval((Object[]) row));
  }

  /** Approvals in force (not revoked, not expired), optionally only those expiring soon. */
  public PageView<ApprovalView> approvals(
      TenantId tenant, String team, Integer expiringWithinDays, PageRequest page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    StringBuilder where =
        new StringBuilder(
            " from approval where tenant_id = :tenant and revoked_at is null and expires_at >"
                + " now()");
    if (team != null) {
      where.append(" and team = :team");
      parameters.put("team", team);
    }
    if (expiringWithinDays != null) {
      where.append(" and expires_at <= now() + make_interval(days => :days)");
      parameters.put("days", expiringWithinDays);
    }
    long total =
        ((Number) query(tenant, "select count(*)" + where, parameters).getSingleResult())
            .longValue();
    List<?> found =
        query(
                tenant,
                "select "
                    + APPROVAL_COLUMNS
                    + where
                    + " order by expires_at, id offset :offset limit :limit",
                with(parameters, page))
            .getResultList();
    return new PageView<>(
        found.stream().map(row -> approval((Object[]) row)).toList(),
        total,
        page.page(),
        page.size());
  }

  /** The conditions officers gave so far when approving this request, oldest first. */
  public List<DecisionInput.Conditions> conditionsGiven(TenantId tenant, UUID requestId) {
    List<?> found =
        query(
                tenant,
                "select detail::text from approval_request_event where tenant_id = :tenant"
                    + " and request_id = :id and action = 'approved' order by id",
                Map.of("id", requestId))
            .getResultList();
    List<DecisionInput.Conditions> conditions = new ArrayList<>();
    for (Object detail : found) {
      JsonNode node = json((String) detail);
      if (node != null && node.has("conditions")) {
        conditions.add(
            JacksonConfig.MAPPER.convertValue(
                node.get("conditions"), DecisionInput.Conditions.class));
      }
    }
    return conditions;
  }

  void insertRequest(
      TenantId tenant,
      UUID id,
      String requester,
      ApprovalRequestInput input,
      ApprovalPrecheck.Result check) {
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
            9, input.requestedUntil() == null ? null : Timestamp.from(input.requestedUntil()))
        .setParameter(10, requester)
        .setParameter(11, check.highRisk())
        .setParameter(12, String.join(",", check.highRiskBecause()))
        .setParameter(13, check.highRisk() ? 2 : 1)
        .setParameter(14, check.findings().toString())
        .setParameter(15, String.join(",", input.deployments()))
        .executeUpdate();
  }

  /**
   * The request's status, its row locked until the transaction ends (decisions on one request are
   * serialised); empty if the tenant has no such request.
   */
  Optional<String> lockRequestStatus(TenantId tenant, UUID id) {
    TenantScope.enter(em, tenant);
    List<?> locked =
        em.createNativeQuery(
                "select status from approval_request where tenant_id = ?1 and id = ?2 for update")
            .setParameter(1, tenant.value())
            .setParameter(2, id)
            .getResultList();
    return locked.stream().findFirst().map(String.class::cast);
  }

  void setRequestStatus(TenantId tenant, UUID id, String status) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "update approval_request set status = ?1, updated_at = now() where tenant_id = ?2 and"
                + " id = ?3")
        .setParameter(1, status)
        .setParameter(2, tenant.value())
        .setParameter(3, id)
        .executeUpdate();
  }

  /** Appends to the request's history. */
  void insertEvent(
      TenantId tenant,
      UUID requestId,
      String actor,
      String action,
      String comment,
      JsonNode detail) {
    TenantScope.enter(em, tenant);
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

  /** The approval an approved request grants, on the given terms. */
  void insertApproval(
      TenantId tenant,
      UUID id,
      ApprovalRequestView request,
      ApprovalService.Terms terms,
      List<String> approvers) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "insert into approval (tenant_id, id, request_id, team, model, purpose,"
                + " max_data_classification, regions, expires_at, approved_by, deployments) values"
                + " (?1, ?2, ?3, ?4, ?5, ?6, ?7, string_to_array(?8, ','), ?9, string_to_array(?10,"
                + " ','), string_to_array(?11, ','))")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .setParameter(3, request.id())
        .setParameter(4, request.team())
        .setParameter(5, request.model())
        .setParameter(6, request.purpose())
        .setParameter(7, terms.maxDataClassification())
        .setParameter(8, String.join(",", terms.regions()))
        .setParameter(9, Timestamp.from(terms.expiresAt()))
        .setParameter(10, String.join(",", approvers))
        .setParameter(11, String.join(",", terms.deployments()))
        .executeUpdate();
  }

  void revokeApproval(TenantId tenant, UUID id, String officer, String reason) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "update approval set revoked_at = now(), revoked_by = ?1, revoke_reason = ?2"
                + " where tenant_id = ?3 and id = ?4")
        .setParameter(1, officer)
        .setParameter(2, reason)
        .setParameter(3, tenant.value())
        .setParameter(4, id)
        .executeUpdate();
  }

  private ApprovalRequestView request(TenantId tenant, Object[] row, boolean withHistory) {
    UUID id = (UUID) row[0];
    List<ApprovalRequestView.Event> history = history(tenant, id);
    List<String> approvedBy =
        history.stream()
            .filter(e -> e.action().equals("approved"))
            .map(ApprovalRequestView.Event::actor)
            .toList();
    return new ApprovalRequestView(
        id,
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        split(row[5]),
        split(row[17]),
        (String) row[6],
        instant(row[7]),
        (String) row[8],
        (String) row[9],
        (Boolean) row[10],
        split(row[11]),
        ((Number) row[12]).intValue(),
        approvedBy,
        json((String) row[13]),
        instant(row[14]),
        instant(row[15]),
        (UUID) row[16],
        withHistory ? history : null);
  }

  private List<ApprovalRequestView.Event> history(TenantId tenant, UUID requestId) {
    List<?> found =
        query(
                tenant,
                "select at, actor, action, comment, detail::text from approval_request_event"
                    + " where tenant_id = :tenant and request_id = :id order by id",
                Map.of("id", requestId))
            .getResultList();
    return found.stream()
        .map(
            r -> {
              Object[] row = (Object[]) r;
              return new ApprovalRequestView.Event(
                  instant(row[0]),
                  (String) row[1],
                  (String) row[2],
                  (String) row[3],
                  json((String) row[4]));
            })
        .toList();
  }

  private static ApprovalView approval(Object[] row) {
    return new ApprovalView(
        (UUID) row[0],
        (UUID) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        split(row[6]),
        split(row[13]),
        instant(row[7]),
        split(row[8]),
        instant(row[9]),
        instant(row[10]),
        (String) row[11],
        (String) row[12]);
  }

  private Query query(TenantId tenant, String sql, Map<String, Object> parameters) {
    TenantScope.enter(em, tenant);
    Query query = em.createNativeQuery(sql);
    query.setParameter("tenant", tenant.value());
    parameters.forEach(query::setParameter);
    return query;
  }

  private static Map<String, Object> with(Map<String, Object> parameters, PageRequest page) {
    Map<String, Object> all = new LinkedHashMap<>(parameters);
    all.put("offset", page.offset());
    all.put("limit", page.size());
    return all;
  }

  private static List<String> split(Object joined) {
    return joined == null || ((String) joined).isEmpty()
        ? List.of()
        : Arrays.asList(((String) joined).split(","));
  }

  private static JsonNode json(String text) {
    if (text == null) return null;
    try {
      return JacksonConfig.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
