package io.portolan.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.telemetry.Tracing;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.inventory.Deployment;
import io.portolan.inventory.InventoryRepository;
import io.portolan.inventory.Model;
import io.portolan.inventory.Team;
import io.portolan.inventory.Vendor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds the document OPA sees at {@code data.tenants[<tenant>]}: the tenant's vendors, models and
 * teams, and a revision that hashes that document together with the policy source.
 */
@ApplicationScoped
public class TenantPolicyData {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Inject InventoryRepository repository;
  @PersistenceContext EntityManager em;
  @Inject PolicyService policy;
  @Inject Tracing tracing;

  @Transactional
  public ObjectNode build(TenantId tenant, String policyHash) {
    // Read before anything it stands for: what is read after it is this version or newer, never
    // older (db/V13), so the document never claims a version newer than its content.
    long dataVersion = dataVersion(tenant);
    var published = policy.latest(tenant);
    return build(
        tenant,
        policyHash,
        published.map(RevisionView::settings).orElse(PolicySettings.none()),
        published.map(RevisionView::number).orElse(0),
        dataVersion);
  }

  /** The document with other settings than the published ones: a draft, for impact analysis. */
  @Transactional
  public ObjectNode build(TenantId tenant, String policyHash, PolicySettings settings, int number) {
    return build(tenant, policyHash, settings, number, dataVersion(tenant));
  }

  private ObjectNode build(
      TenantId tenant, String policyHash, PolicySettings settings, int number, long dataVersion) {
    // Every table the decisions read, in one span: what a reload or a publish costs PostgreSQL.
    return tracing.database(
        "select tenant policy data", () -> read(tenant, policyHash, settings, number, dataVersion));
  }

  private ObjectNode read(
      TenantId tenant, String policyHash, PolicySettings settings, int number, long dataVersion) {
    ObjectNode document = JSON.objectNode();
    ObjectNode vendors = document.putObject("vendors");
    for (Vendor v : repository.all(tenant, Vendor.class, "vendor")) {
      vendors
          .putObject(v.id())
          .put("jurisdiction", v.jurisdiction())
          .put("suspended", v.suspended())
          .put("suspensionReason", v.suspensionReason())
          .put("suspensionScope", v.suspensionScope());
      cutOff((ObjectNode) vendors.get(v.id()), v.cutOffAt(), v.cutOffReason());
    }
    ObjectNode models = document.putObject("models");
    for (Model m : repository.all(tenant, Model.class, "model")) {
      ObjectNode model = models.putObject(m.id());
      model.put("vendor", m.vendorId()).put("status", m.status().json());
      model.put("openWeights", m.openWeights()).put("selfHostable", m.selfHostable());
      model.put("costTier", m.costTier().json());
      m.hostingRegions().forEach(model.putArray("hostingRegions")::add);
      m.capabilities().forEach(model.putArray("capabilities")::add);
      cutOff(model, m.cutOffAt(), m.cutOffReason());
    }
    ObjectNode deployments = deployments(tenant);
    prices(tenant, models, deployments);
    document.set("deployments", deployments);
    document.set("deploymentsByModel", byModel(deployments));
    ObjectNode teams = document.putObject("teams");
    for (Team t : repository.all(tenant, Team.class, "team")) {
      teams.putObject(t.id()).put("defaultTaskTier", t.defaultTaskTier());
    }
    document.set("aliases", aliases(tenant));
    document.set("approvals", approvals(tenant));
    document.set("budgets", budgets(tenant));
    document.set("settings", JacksonConfig.MAPPER.valueToTree(settings));
    // "<published settings revision>-<hash of policy and all data>": names exactly what decided.
    document.put("revision", number + "-" + revision(policyHash + document));
    document.put("dataVersion", dataVersion);
    return document;
  }

  /**
   * Where each model runs, by deployment id: the operator, its jurisdiction, regions, endpoint and
   * data terms (null: not stated). Times are epoch milliseconds, as approvals' expiries.
   */
  private ObjectNode deployments(TenantId tenant) {
    ObjectNode deployments = JSON.objectNode();
    for (Deployment d : repository.all(tenant, Deployment.class, "deployment")) {
      ObjectNode deployment = deployments.putObject(d.id());
      deployment
          .put("model", d.modelId())
          .put("operator", d.operator())
          .put("selfHosted", d.selfHosted());
      deployment
          .put("operatorJurisdiction", d.operatorJurisdiction())
          .put("status", d.status().json());
      d.regions().forEach(deployment.putArray("regions")::add);
      deployment.put("endpoint", d.endpoint());
      deployment
          .put("retentionDays", d.retentionDays())
          .put("trainsOnPrompts", d.trainsOnPrompts());
      deployment.put("zeroDataRetention", d.zeroDataRetention());
      deployment.put(
          "availableFromMs", d.availableFrom() == null ? null : d.availableFrom().toEpochMilli());
      deployment.put("cutOffAtMs", d.cutOffAt() == null ? null : d.cutOffAt().toEpochMilli());
    }
    return deployments;
  }

  /**
   * Aliases by name, with their published candidates in order ({model, deployment?}); drafts stay
   * out.
   */
  private ObjectNode aliases(TenantId tenant) {
    ObjectNode aliases = JSON.objectNode();
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select id, candidates::text from alias where tenant_id = ?1 order by id")
            .setParameter(1, tenant.value())
            .getResultList();
    for (Object r : rows) {
      Object[] row = (Object[]) r;
      try {
        aliases
            .putObject((String) row[0])
            .set("candidates", JacksonConfig.MAPPER.readTree((String) row[1]));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("unreadable alias candidates", e);
      }
    }
    return aliases;
  }

  /**
   * Each model's deployment ids, so a decision routes without scanning every deployment of the
   * tenant.
   */
  private static ObjectNode byModel(ObjectNode deployments) {
    ObjectNode byModel = JSON.objectNode();
    deployments
        .fields()
        .forEachRemaining(
            d -> {
              String model = d.getValue().path("model").asText();
              (byModel.has(model) ? (ArrayNode) byModel.get(model) : byModel.putArray(model))
                  .add(d.getKey());
            });
    return byModel;
  }

  /**
   * Monthly budgets by team, each with where it stood this month when its state last changed
   * (db/V23): the percent the rules compare, and the amounts as text (the engine cannot format
   * numbers). The state holds until periodEndMs; after it a new month starts from nothing.
   */
  private ObjectNode budgets(TenantId tenant) {
    java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select b.id::text, b.team, b.vendor, b.currency, b.monthly_limit_micros,"
                    + " b.on_exceeded, coalesce(s.spent_micros, 0), coalesce(s.percent, 0) from"
                    + " budget b left join budget_state s on s.tenant_id = b.tenant_id and"
                    + " s.budget_id = b.id and s.month = ?2 where b.tenant_id = ?1 order by b.team,"
                    + " b.vendor nulls first")
            .setParameter(1, tenant.value())
            .setParameter(2, month.atDay(1))
            .getResultList();
    ObjectNode byTeam = JSON.objectNode();
    for (Object r : rows) {
      Object[] row = (Object[]) r;
      String team = (String) row[1];
      String currency = ((String) row[3]).trim();
      long limit = ((Number) row[4]).longValue();
      long spent = ((Number) row[6]).longValue();
      ArrayNode list = byTeam.has(team) ? (ArrayNode) byTeam.get(team) : byTeam.putArray(team);
      list.addObject()
          .put("id", (String) row[0])
          .put("vendor", (String) row[2])
          .put("currency", currency)
          .put("onExceeded", (String) row[5])
          .put("percent", ((Number) row[7]).intValue())
          .put("percentText", ((Number) row[7]).intValue() + "%")
          .put("limitText", money(limit, currency))
          .put("spentText", money(spent, currency))
          .put("remainingMicros", Math.max(0, limit - spent))
          .put("remainingText", money(Math.max(0, limit - spent), currency))
          .put(
              "periodStartMs",
              month.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli())
          .put(
              "periodEndMs",
              month
                  .plusMonths(1)
                  .atDay(1)
                  .atStartOfDay(java.time.ZoneOffset.UTC)
                  .toInstant()
                  .toEpochMilli());
    }
    return byTeam;
  }

  /**
   * Prices per million tokens with their validity in epoch milliseconds: a model's own under the
   * model, a deployment's own under the deployment (routes rank by them).
   */
  private void prices(TenantId tenant, ObjectNode models, ObjectNode deployments) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select model_id, currency, input_per_million, output_per_million, (extract(epoch"
                    + " from valid_from) * 1000)::bigint, (extract(epoch from valid_to) *"
                    + " 1000)::bigint, deployment_id from price where tenant_id = ?1 order by"
                    + " model_id, deployment_id nulls first, valid_from")
            .setParameter(1, tenant.value())
            .getResultList();
    for (Object r : rows) {
      Object[] row = (Object[]) r;
      ObjectNode model =
          (ObjectNode)
              (row[6] == null ? models.get((String) row[0]) : deployments.get((String) row[6]));
      if (model == null) {
        continue;
      }
      ArrayNode list =
          model.has("prices") ? (ArrayNode) model.get("prices") : model.putArray("prices");
      list.addObject()
          .put("currency", ((String) row[1]).trim())
          .put(
              "inputPerMillion", ((java.math.BigDecimal) row[2]).stripTrailingZeros().doubleValue())
          .put(
              "outputPerMillion",
              ((java.math.BigDecimal) row[3]).stripTrailingZeros().doubleValue())
          .put("validFromMs", ((Number) row[4]).longValue())
          .put("validToMs", row[5] == null ? null : ((Number) row[5]).longValue());
    }
  }

  private static String money(long micros, String currency) {
    return java.math.BigDecimal.valueOf(micros, 6)
            .setScale(2, java.math.RoundingMode.HALF_UP)
            .toPlainString()
        + " "
        + currency;
  }

  /**
   * An announced cut-off, when there is one: the time the rules compare and the date answers name.
   */
  private static void cutOff(ObjectNode node, Instant at, String reason) {
    if (at != null) {
      node.put("cutOffAtMs", at.toEpochMilli())
          .put("cutOffAt", at.toString())
          .put("cutOffReason", reason);
    }
  }

  /** The tenant's data version in the database, bumped with every change to what decides. */
  @Transactional
  public long dataVersion(TenantId tenant) {
    Object version =
        em
            .createNativeQuery("select data_version from tenant where id = ?1")
            .setParameter(1, tenant.value())
            .getResultList()
            .stream()
            .findFirst()
            .orElse(0L);
    return ((Number) version).longValue();
  }

  /** Approvals not revoked, by team and model; expired ones stay so decisions can say so. */
  private ObjectNode approvals(TenantId tenant) {
    ObjectNode byTeam = JSON.objectNode();
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select id::text, team, model, purpose, max_data_classification,"
                    + " array_to_string(regions, ','), (extract(epoch from expires_at) *"
                    + " 1000)::bigint, array_to_string(deployments, ',') from approval where"
                    + " tenant_id = ?1 and revoked_at is null order by team, model, created_at")
            .setParameter(1, tenant.value())
            .getResultList();
    for (Object r : rows) {
      Object[] row = (Object[]) r;
      ObjectNode byModel =
          byTeam.has((String) row[1])
              ? (ObjectNode) byTeam.get((String) row[1])
              : byTeam.putObject((String) row[1]);
      ArrayNode list =
          byModel.has((String) row[2])
              ? (ArrayNode) byModel.get((String) row[2])
              : byModel.putArray((String) row[2]);
      ObjectNode approval = list.addObject();
      approval
          .put("id", (String) row[0])
          .put("purpose", (String) row[3])
          .put("maxDataClassification", (String) row[4]);
      approval.set("regions", joinedList((String) row[5]));
      approval.put("expiresAtMs", ((Number) row[6]).longValue());
      approval.set("deployments", joinedList((String) row[7]));
    }
    return byTeam;
  }

  /** A text[] column read with array_to_string(column, ','), as a JSON array; empty for none. */
  private static ArrayNode joinedList(String joined) {
    ArrayNode list = JSON.arrayNode();
    for (String item : joined.split(",")) {
      if (!item.isEmpty()) list.add(item);
    }
    return list;
  }

  static String revision(String content) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
